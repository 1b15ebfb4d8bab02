package io.arcanum.enclave.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.enclave.auth.SenderAuthenticationException.Check;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict protobuf wire reader: what it reads, and every way it refuses. */
class ProtoReaderTest {
  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static void assertMalformed(byte[] bytes, String problem) {
    assertThatThrownBy(() -> ProtoMessage.parse(bytes, "Test"))
        .isInstanceOf(SenderAuthenticationException.class)
        .hasMessageContaining(problem)
        .extracting(e -> ((SenderAuthenticationException) e).check())
        .isEqualTo(Check.MALFORMED);
  }

  static LongStream varints() {
    return LongStream.concat(
        LongStream.of(0, 1, 127, 128, 300, Long.MAX_VALUE, -1L, Long.MIN_VALUE),
        new Random(11).longs(20));
  }

  @ParameterizedTest
  @MethodSource("varints")
  void readsEveryVarintUpTo64Bits(long value) throws Exception {
    byte[] encoded = new ProtoWriter().varint(4, value).toByteArray();
    assertThat(ProtoMessage.parse(encoded, "Test").uint64(4, "f")).isEqualTo(value);
  }

  @Test
  void refusesAVarintThatOverflows64Bits() {
    // field 1, then 2^64 (ten bytes, the last holding more than bit 63).
    assertMalformed(hex("08ffffffffffffffffff02"), "overflows 64 bits");
    assertMalformed(hex("0880808080808080808080"), "overflows 64 bits");
  }

  @Test
  void refusesATruncatedVarint() {
    assertMalformed(hex("08ff"), "varint is truncated");
    assertMalformed(hex("80"), "varint is truncated");
  }

  @Test
  void refusesALengthBeyondTheEnd() {
    assertMalformed(hex("0a05616263"), "exceeds the 3 bytes left");
    // A length near 2^64 must not wrap around into a small or negative int.
    assertMalformed(hex("0affffffffffffffffff01"), "exceeds the 0 bytes left");
    assertMalformed(hex("0affffffff0f00"), "exceeds the 1 bytes left");
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 4})
  void refusesGroups(int wireType) {
    assertMalformed(new ProtoWriter().tag(1, wireType).toByteArray(), "group");
  }

  @ParameterizedTest
  @ValueSource(ints = {6, 7})
  void refusesUndefinedWireTypes(int wireType) {
    assertMalformed(new ProtoWriter().tag(1, wireType).toByteArray(), "invalid wire type");
  }

  @Test
  void refusesFieldNumberZero() {
    assertMalformed(hex("0001"), "field number 0");
  }

  @Test
  void refusesFieldNumbersAbove2To29() {
    assertMalformed(
        new ProtoWriter().rawVarint((1L << 32) << 3).raw((byte) 0).toByteArray(), "field number");
  }

  @Test
  void refusesTruncatedFixedWidthFields() {
    assertMalformed(new ProtoWriter().tag(9, 1).raw(new byte[7]).toByteArray(), "truncated");
    assertMalformed(new ProtoWriter().tag(9, 5).raw(new byte[3]).toByteArray(), "truncated");
  }

  @Test
  void skipsUnknownFieldsOfEveryValidWireType() throws Exception {
    byte[] bytes =
        new ProtoWriter()
            .tag(20, 1)
            .raw(new byte[8])
            .tag(21, 5)
            .raw(new byte[4])
            .varint(22, 5)
            .bytes(23, new byte[] {1, 2})
            .string(1, "kept")
            .tag(536_870_911, 0)
            .rawVarint(1)
            .toByteArray();
    assertThat(ProtoMessage.parse(bytes, "Test").string(1, "f")).isEqualTo("kept");
  }

  @Test
  void refusesASingularFieldGivenTwice() {
    byte[] bytes = new ProtoWriter().string(1, "a").string(1, "b").toByteArray();
    assertThatThrownBy(() -> ProtoMessage.parse(bytes, "Test").string(1, "name"))
        .hasMessageContaining("appears 2 times");
  }

  @Test
  void refusesAKnownFieldWithTheWrongWireType() {
    byte[] bytes = new ProtoWriter().varint(1, 5).toByteArray();
    assertThatThrownBy(() -> ProtoMessage.parse(bytes, "Test").bytes(1, "name"))
        .hasMessageContaining("wire type 0, expected 2");
  }

  @Test
  void refusesStringsThatAreNotUtf8() {
    byte[] bytes = new ProtoWriter().bytes(1, new byte[] {(byte) 0xc3, 0x28}).toByteArray();
    assertThatThrownBy(() -> ProtoMessage.parse(bytes, "Test").string(1, "name"))
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void readsRepeatedFieldsInWireOrder() throws Exception {
    byte[] bytes =
        new ProtoWriter()
            .bytes(3, new byte[] {1})
            .varint(2, 9)
            .bytes(3, new byte[] {2})
            .toByteArray();
    List<byte[]> values = ProtoMessage.parse(bytes, "Test").repeatedBytes(3, "r");
    assertThat(values).containsExactly(new byte[] {1}, new byte[] {2});
  }

  @Test
  void refusesRandomGarbageOnlyWithItsOwnException() {
    Random random = new Random(0xbadL);
    for (int i = 0; i < 5000; i++) {
      byte[] garbage = new byte[random.nextInt(40)];
      random.nextBytes(garbage);
      try {
        ProtoMessage parsed = ProtoMessage.parse(garbage, "Garbage");
        parsed.bytes(1, "a");
        parsed.uint64(2, "b");
        parsed.repeatedBytes(3, "c");
        parsed.string(4, "d");
      } catch (SenderAuthenticationException expected) {
        assertThat(expected.check()).isEqualTo(Check.MALFORMED);
      }
    }
  }
}
