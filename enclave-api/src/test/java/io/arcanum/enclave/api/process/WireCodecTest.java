package io.arcanum.enclave.api.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.process.CodecSamples.Sample;
import io.arcanum.enclave.api.process.CodecSamples.Tree;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WireCodecTest {

  /** Declared types to take shapes from. */
  interface Types {
    Sample sample();

    Tree tree();

    String string();

    byte[] bytes();

    List<String> strings();

    Set<Integer> ints();

    Map<String, Long> map();

    Optional<byte[]> optional();

    boolean flag();
  }

  static Shape shape(String method) throws Exception {
    return WireCodec.shapeOf(Types.class.getMethod(method).getGenericReturnType());
  }

  static byte[] encode(Shape shape, Object value) {
    WireOutput out = new WireOutput();
    WireCodec.encode(shape, value, out);
    byte[] frame = out.frame();
    return Arrays.copyOfRange(frame, Frames.HEADER_BYTES, frame.length);
  }

  static Object decode(Shape shape, byte[] payload) throws WireFormatException {
    WireInput in = new WireInput(payload);
    Object value = shape.read(in, 0);
    in.expectEnd();
    return value;
  }

  static LongStream seeds() {
    return LongStream.range(0, 60);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everySupportedKindRoundTrips(long seed) throws Exception {
    Sample sample = CodecSamples.random(seed);
    byte[] payload = encode(shape("sample"), sample);
    Object decoded = decode(shape("sample"), payload);
    assertThat(decoded)
        .usingRecursiveComparison()
        .withEqualsForType(Float::equals, Float.class) // NaN and -0 by bits
        .withEqualsForType(Double::equals, Double.class)
        .ignoringCollectionOrderInFieldsMatchingRegexes(".*tags") // order: the re-encoding below
        .isEqualTo(sample);
    assertThat(encode(shape("sample"), decoded)).isEqualTo(payload);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyTruncationAndExtensionIsRefusedAsMalformed(long seed) throws Exception {
    Shape shape = shape("sample");
    byte[] payload = encode(shape, CodecSamples.random(seed));
    for (int length = 0; length < payload.length; length++) {
      byte[] prefix = Arrays.copyOf(payload, length);
      assertThatThrownBy(() -> decode(shape, prefix)).isInstanceOf(WireFormatException.class);
    }
    byte[] longer = Arrays.copyOf(payload, payload.length + 1);
    assertThatThrownBy(() -> decode(shape, longer))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("unexpected bytes");
  }

  /** Flipped bytes either decode to some value or are refused; never another exception or OOM. */
  @ParameterizedTest
  @MethodSource("seeds")
  void corruptedBytesFailOnlyAsMalformed(long seed) throws Exception {
    Shape shape = shape("sample");
    byte[] payload = encode(shape, CodecSamples.random(seed));
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      byte[] corrupt = payload.clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
      }
      try {
        decode(shape, corrupt);
      } catch (WireFormatException expected) {
        // refused by name
      }
    }
  }

  @Test
  void nullsEmptiesAndExtremesRoundTrip() throws Exception {
    assertThat(decode(shape("string"), encode(shape("string"), null))).isNull();
    assertThat(decode(shape("string"), encode(shape("string"), ""))).isEqualTo("");
    assertThat((byte[]) decode(shape("bytes"), encode(shape("bytes"), new byte[0]))).isEmpty();
    assertThat(decode(shape("strings"), encode(shape("strings"), List.of()))).isEqualTo(List.of());
    assertThat(decode(shape("optional"), encode(shape("optional"), Optional.empty())))
        .isEqualTo(Optional.empty());
    assertThat(decode(shape("optional"), encode(shape("optional"), null))).isNull();
    assertThat(decode(shape("ints"), encode(shape("ints"), Set.of(Integer.MIN_VALUE))))
        .isEqualTo(Set.of(Integer.MIN_VALUE));
    assertThat(encode(shape("flag"), true)).containsExactly(1);
  }

  @Test
  void lengthsBeyondTheFrameAreRefusedBeforeAllocating() throws Exception {
    // present, then a length of 2^31 - 1 for a byte string in a frame of six bytes
    byte[] hugeLength = {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};
    assertThatThrownBy(() -> decode(shape("bytes"), hugeLength))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("exceeds");
    byte[] hugeCount = {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F};
    assertThatThrownBy(() -> decode(shape("strings"), hugeCount))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("exceeds");
    byte[] overlongNumber = new byte[12];
    Arrays.fill(overlongNumber, (byte) 0xFF);
    overlongNumber[0] = 1;
    assertThatThrownBy(() -> decode(shape("bytes"), overlongNumber))
        .isInstanceOf(WireFormatException.class);
  }

  @Test
  void malformedScalarsAreRefusedByName() throws Exception {
    assertThatThrownBy(() -> decode(shape("string"), new byte[] {1, 2, (byte) 0xC3, 0x28}))
        .hasMessageContaining("not valid UTF-8");
    assertThatThrownBy(() -> decode(shape("flag"), new byte[] {2}))
        .hasMessageContaining("a boolean is 2");
    assertThatThrownBy(() -> decode(shape("string"), new byte[] {2}))
        .hasMessageContaining("presence marker");
    assertThatThrownBy(() -> decode(shape("ints"), new byte[] {1, 2, 1, 2, 1, 2}))
        .hasMessageContaining("same element twice");
    assertThatThrownBy(() -> decode(shape("map"), new byte[] {1, 2, 1, 0, 1, 0, 1, 0, 1, 0}))
        .hasMessageContaining("same key twice");
  }

  @Test
  void recordsAreCheckedByTheirOwnConstructor() throws Exception {
    Shape keys = WireCodec.shapeOf(io.arcanum.enclave.api.NetworkPublicKeys.class);
    byte[] shortKey = {1, 1, 31};
    byte[] payload = Arrays.copyOf(shortKey, 3 + 31 + 2 + 32);
    payload[3 + 31] = 1;
    payload[3 + 31 + 1] = 32;
    assertThatThrownBy(() -> decode(keys, payload))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("not a valid NetworkPublicKeys")
        .hasMessageContaining("32 bytes");
  }

  @Test
  void nestingIsCappedBothWays() throws Exception {
    Tree deep = new Tree("leaf", List.of());
    for (int i = 0; i < 100; i++) {
      deep = new Tree(null, List.of(deep));
    }
    Tree tooDeep = deep;
    assertThatThrownBy(() -> encode(shape("tree"), tooDeep)).hasMessageContaining("nest deeper");
    // The same nesting, written by hand as a malicious peer would.
    WireOutput out = new WireOutput();
    for (int i = 0; i < 100; i++) {
      out.writeByte(1); // tree present
      out.writeByte(0); // no label
      out.writeByte(1); // children present
      out.writeVarUnsigned(1);
    }
    byte[] frame = out.frame();
    assertThatThrownBy(() -> decode(shape("tree"), Arrays.copyOfRange(frame, 4, frame.length)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("nest deeper");
  }

  interface Unsupported {
    void when(Instant instant);
  }

  interface Wildcard {
    List<?> items();
  }

  interface Generic {
    <T> T anything(T value);
  }

  @Test
  void unsupportedTypesAreRefusedWhenTheTableIsBuiltNamingTheMethod() {
    assertThatThrownBy(() -> MethodTable.of(Unsupported.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("when(Ljava/time/Instant;)V")
        .hasMessageContaining("java.time.Instant cannot cross");
    assertThatThrownBy(() -> MethodTable.of(Wildcard.class)).hasMessageContaining("cannot cross");
    assertThatThrownBy(() -> MethodTable.of(Generic.class)).hasMessageContaining("cannot cross");
  }

  @Test
  void theBoundarysInterfacesCrossWithAccessorsFlattened() {
    MethodTable host = MethodTable.of(EnclaveHost.class);
    assertThat(host.entries())
        .extracting(MethodTable.Entry::id)
        .contains(
            "sealedStorage()/read(Ljava/lang/String;)Ljava/util/Optional;",
            "sealedStorage()/write(Ljava/lang/String;[B)V",
            "contractState()/get([B[B)[B");
    MethodTable enclave = MethodTable.of(Enclave.class);
    assertThat(enclave.entries())
        .extracting(MethodTable.Entry::id)
        .contains("bootstrap()Lio/arcanum/enclave/api/NetworkPublicKeys;", "close()V");
    assertThat(enclave.entries()).extracting(e -> e.method().getName()).doesNotHaveDuplicates();
  }

  @Test
  void theFingerprintCoversBothDirectionsAndTheirTypes() {
    MethodTable service = MethodTable.of(TestService.Service.class);
    byte[] same = MethodTable.fingerprint(service, MethodTable.of(TestService.ServiceHost.class));
    assertThat(MethodTable.fingerprint(service, MethodTable.of(TestService.ServiceHost.class)))
        .isEqualTo(same);
    assertThat(MethodTable.fingerprint(service, MethodTable.of(TestService.OtherHost.class)))
        .isNotEqualTo(same);
    assertThat(
            MethodTable.fingerprint(
                MethodTable.of(Enclave.class), MethodTable.of(EnclaveHost.class)))
        .isNotEqualTo(same)
        .hasSize(32);
  }
}
