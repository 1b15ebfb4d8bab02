package io.arcanum.wasm.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Leb128Test {
  private static ByteCursor cursor(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return new ByteCursor(b, 0, b.length);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void unsignedRoundTrips(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 2000; i++) {
      long value = random.nextLong() >>> (32 + random.nextInt(32));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Leb128.writeUnsigned(out, value);
      byte[] bytes = out.toByteArray();
      ByteCursor in = new ByteCursor(bytes, 0, bytes.length);

      assertThat(Leb128.readUnsigned(in, 32)).as("seed %d value %d", seed, value).isEqualTo(value);
      assertThat(in.atEnd()).isTrue();
      assertThat(Leb128.unsignedSize(value)).isEqualTo(bytes.length);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void signedRoundTrips(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 2000; i++) {
      long value = random.nextLong() >> random.nextInt(64);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Leb128.writeSigned(out, value);
      byte[] bytes = out.toByteArray();

      assertThat(Leb128.readSigned(new ByteCursor(bytes, 0, bytes.length), 64))
          .as("seed %d value %d", seed, value)
          .isEqualTo(value);
      if (value == (int) value) {
        assertThat(Leb128.readSigned(new ByteCursor(bytes, 0, bytes.length), 32)).isEqualTo(value);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "0x80 0x00, 0", // a longer encoding than needed is allowed
    "0xFF 0xFF 0xFF 0xFF 0x0F, 4294967295",
    "0xE5 0x8E 0x26, 624485",
  })
  void validUnsigned(String hex, long expected) {
    assertThat(Leb128.readUnsigned(cursor(parse(hex)), 32)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "0x7F, -1",
    "0xFF 0xFF 0xFF 0xFF 0x7F, -1",
    "0xFF 0xFF 0xFF 0xFF 0x07, 2147483647",
    "0x80 0x80 0x80 0x80 0x78, -2147483648",
    "0xC0 0xBB 0x78, -123456",
  })
  void validSigned32(String hex, long expected) {
    assertThat(Leb128.readSigned(cursor(parse(hex)), 32)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0xFF 0xFF 0xFF 0xFF 0x1F", // bit 32 set
        "0xFF 0xFF 0xFF 0xFF 0x8F 0x00", // six bytes
        "0x80 0x80 0x80 0x80 0x80 0x00",
        "0x80", // runs out
        "",
      })
  void malformedUnsigned32(String hex) {
    assertThatThrownBy(() -> Leb128.readUnsigned(cursor(parse(hex)), 32))
        .isInstanceOf(InstrumentationException.class)
        .hasMessageMatching("(malformed unsigned LEB128.*|unexpected end of data.*)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0xFF 0xFF 0xFF 0xFF 0x0F", // 2^32 - 1 does not fit s32: sign bits disagree
        "0xFF 0xFF 0xFF 0xFF 0x4F",
        "0x80 0x80 0x80 0x80 0x70",
        "0xFF 0xFF 0xFF 0xFF 0xFF 0x7F", // six bytes
      })
  void malformedSigned32(String hex) {
    assertThatThrownBy(() -> Leb128.readSigned(cursor(parse(hex)), 32))
        .isInstanceOf(InstrumentationException.class)
        .hasMessageContaining("malformed signed LEB128");
  }

  @ParameterizedTest
  @CsvSource({
    "0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0x7F, -1, true",
    "0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0x00, 9223372036854775807, true",
    "0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x7F, -9223372036854775808, true",
    "0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0x01, 0, false",
    "0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0xFF 0x00, 0, false",
  })
  void signed64Edges(String hex, long expected, boolean valid) {
    if (valid) {
      assertThat(Leb128.readSigned(cursor(parse(hex)), 64)).isEqualTo(expected);
    } else {
      assertThatThrownBy(() -> Leb128.readSigned(cursor(parse(hex)), 64))
          .isInstanceOf(InstrumentationException.class);
    }
  }

  private static int[] parse(String hex) {
    if (hex.isBlank()) {
      return new int[0];
    }
    String[] parts = hex.trim().split("\\s+");
    int[] bytes = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      bytes[i] = Integer.parseInt(parts[i].substring(2), 16);
    }
    return bytes;
  }
}
