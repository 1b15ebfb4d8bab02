package io.arcanum.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.arcanum.crypto.SecretJs;
import io.arcanum.proto.TsProtoSource.TsField;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message and enum of this module has exactly the field numbers, names and wire kinds of the
 * code secretjs 1.22.1 generated from Secret's Cosmos SDK v0.50 fork and Secret's own protos. The
 * reference file of each type is found by the same path as ours ({@code cosmos/tx/v1beta1/tx.proto}
 * -> {@code src/protobuf/cosmos/tx/v1beta1/tx.ts}).
 */
class SecretJsFieldNumbersTest {
  /** Fields newer than secretjs 1.22.1, each with the source that fixes it. */
  private static final Set<String> NEWER_THAN_SECRETJS =
      Set.of(
          // protocol.md §4.1 (SecretNetwork 9f08b0e): 3 replace_machine_id string, machine swaps.
          "secret.registration.v1beta1.RaAuthenticate.replace_machine_id");

  static Stream<String> messageTypes() {
    return ProtoTypes.messageTypes().stream().map(Descriptor::getFullName);
  }

  static Stream<String> enumTypes() {
    return ProtoTypes.FILES.stream()
        .flatMap(f -> f.getEnumTypes().stream())
        .map(EnumDescriptor::getFullName);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messageTypes")
  void messageMatchesSecretJs(String fullName) throws Exception {
    Descriptor type =
        ProtoTypes.messageTypes().stream()
            .filter(d -> d.getFullName().equals(fullName))
            .findFirst()
            .orElseThrow();
    TsProtoSource source = reference(type.getFile());
    List<TsField> reference =
        source
            .messageFields(tsName(type.getName(), type.getContainingType()))
            .orElseThrow(() -> new AssertionError(fullName + " is not in secretjs"));

    Map<Integer, TsField> expected = new LinkedHashMap<>();
    for (FieldDescriptor field : type.getFields()) {
      if (!NEWER_THAN_SECRETJS.contains(field.getFullName())) {
        expected.put(field.getNumber(), asTs(field));
      }
    }
    Map<Integer, TsField> actual = new LinkedHashMap<>();
    reference.forEach(f -> actual.put(f.number(), f));

    assertThat(actual).as("fields of %s (number -> name, kind)", fullName).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumTypes")
  void enumMatchesSecretJs(String fullName) throws Exception {
    EnumDescriptor type =
        ProtoTypes.FILES.stream()
            .flatMap(f -> f.getEnumTypes().stream())
            .filter(e -> e.getFullName().equals(fullName))
            .findFirst()
            .orElseThrow();
    Map<String, Integer> ours = new LinkedHashMap<>();
    for (EnumValueDescriptor value : type.getValues()) {
      ours.put(value.getName(), value.getNumber());
    }

    assertThat(reference(type.getFile()).enumValues(type.getName()))
        .as("values of %s", fullName)
        .contains(ours);
  }

  private static TsProtoSource reference(FileDescriptor file) throws Exception {
    Path ts = SecretJs.protobufSources().resolve(file.getName().replace(".proto", ".ts"));
    TsProtoSource source = TsProtoSource.read(ts);
    assertThat(source.protoPackage()).as("package of %s", ts).isEqualTo(file.getPackage());
    return source;
  }

  private static TsField asTs(FieldDescriptor field) {
    String kind =
        switch (field.getType()) {
          case MESSAGE ->
              "message:"
                  + tsName(
                      field.getMessageType().getName(), field.getMessageType().getContainingType());
          case ENUM -> "int32";
          default -> field.getType().name().toLowerCase(Locale.ROOT);
        };
    return new TsField(field.getNumber(), field.getName(), field.isRepeated(), kind);
  }

  // ts-proto names a nested type Outer_Inner.
  private static String tsName(String name, Descriptor outer) {
    for (Descriptor d = outer; d != null; d = d.getContainingType()) {
      name = d.getName() + "_" + name;
    }
    return name;
  }
}
