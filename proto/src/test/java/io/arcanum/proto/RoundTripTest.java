package io.arcanum.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import java.lang.reflect.Method;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message type survives binary and gateway-JSON round trips with random content, and its
 * encoding is canonical (decoding and re-encoding gives the same bytes, which TxRaw hashing and
 * SignDoc verification rely on).
 */
class RoundTripTest {
  private static final int SEEDS = 50;

  static Stream<String> types() {
    return RandomMessages.types().stream().map(Descriptor::getFullName);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void binaryEncodingRoundTripsAndIsCanonical(String typeName) throws Exception {
    Descriptor type = descriptor(typeName);
    Method parseFrom = RandomMessages.generatedClass(type).getMethod("parseFrom", byte[].class);
    for (long seed = 1; seed <= SEEDS; seed++) {
      Message message = new RandomMessages(new Random(seed)).fill(type, 3);
      byte[] wire = message.toByteArray();

      Message decoded = (Message) parseFrom.invoke(null, (Object) wire);

      assertThat(decoded).as("seed %d", seed).isEqualTo(message);
      assertThat(decoded.toByteArray()).as("seed %d", seed).isEqualTo(wire);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void gatewayJsonRoundTrips(String typeName) throws Exception {
    Descriptor type = descriptor(typeName);
    for (long seed = 1; seed <= SEEDS; seed++) {
      Message message = new RandomMessages(new Random(seed)).fill(type, 3);

      String json = ProtoJson.print(message);
      Message parsed = ProtoJson.merge(json, RandomMessages.newBuilder(type)).build();

      assertThat(parsed).as("seed %d: %s", seed, json).isEqualTo(message);
    }
  }

  private static Descriptor descriptor(String fullName) {
    return RandomMessages.types().stream()
        .filter(d -> d.getFullName().equals(fullName))
        .findFirst()
        .orElseThrow();
  }
}
