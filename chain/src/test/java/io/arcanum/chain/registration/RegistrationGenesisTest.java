package io.arcanum.chain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.module.BlockInfo;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.state.MemoryKvStore;
import io.arcanum.enclave.api.EnclaveConfig;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The registration genesis section: its JSON shape, strict checks, and what it writes. */
class RegistrationGenesisTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ROOT = "ab".repeat(32);
  static final String MEASUREMENT = "cd".repeat(32);
  static final String MACHINE = "ef".repeat(20);
  static final byte[] NODE = SimulatedNetwork.filled(32, 0x61);

  static RegistrationGenesis sample() {
    return new RegistrationGenesis(
        RegistrationQueryHandlerTest.KEYS,
        List.of(
            new NodeRegistration(
                NODE, RaAuthenticateValidationTest.evidence(NODE), SimulatedNetwork.filled(96, 3))),
        List.of(ROOT),
        List.of(MEASUREMENT),
        List.of(MACHINE));
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Test
  void theSectionRoundTripsInItsDocumentedShape() throws Exception {
    JsonNode json = sample().toJson();
    assertThat(json.get("io_master_key").get("bytes").asText())
        .isEqualTo(b64(RegistrationQueryHandlerTest.KEYS.ioExchangeKey()));
    assertThat(json.get("node_exch_master_key").get("bytes").asText())
        .isEqualTo(b64(RegistrationQueryHandlerTest.KEYS.seedExchangeKey()));
    assertThat(json.get("registration").get(0).get("encrypted_seed").asText())
        .isEqualTo(b64(SimulatedNetwork.filled(96, 3)));
    assertThat(json.get("attestation").get("development_roots").get(0).asText()).isEqualTo(ROOT);
    RegistrationGenesis parsed = RegistrationGenesis.parse(JSON.readTree(json.toString()));
    assertThat(parsed).isEqualTo(sample());
  }

  @Test
  void theTrustSettingsBecomeTheEnclavesConfig() throws Exception {
    assertThat(sample().enclaveConfig("secret", "/home/node/platform"))
        .isEqualTo(
            new EnclaveConfig(
                "secret",
                List.of(ROOT),
                List.of(MEASUREMENT),
                List.of(MACHINE),
                "/home/node/platform"));
    JsonNode minimal =
        JSON.readTree(
            "{\"node_exch_master_key\":{\"bytes\":\""
                + b64(new byte[32])
                + "\"},\"io_master_key\":{\"bytes\":\""
                + b64(new byte[32])
                + "\"}}");
    RegistrationGenesis parsed = RegistrationGenesis.parse(minimal);
    assertThat(parsed.registrations()).isEmpty();
    assertThat(parsed.enclaveConfig("secret", "")).isEqualTo(EnclaveConfig.defaults());
  }

  @Test
  void initGenesisWritesTheKeysAndRegistrations() throws Exception {
    MemoryKvStore state = new MemoryKvStore();
    MsgContext context =
        new MsgContext(
            new BlockInfo("secretdev-1", 0, 0), null, 0, state, GasMeter.infinite(), false);
    RegistrationGenesisHandler handler = new RegistrationGenesisHandler();
    assertThat(handler.module()).isEqualTo("registration");
    handler.initGenesis(context, sample().toJson());
    context.writeToParent();
    assertThat(RegistrationStore.masterKeys(state)).contains(RegistrationQueryHandlerTest.KEYS);
    assertThat(RegistrationStore.nodes(state)).containsExactlyElementsOf(sample().registrations());
    assertThat(RegistrationStore.isAuthenticated(state, NODE)).isTrue();
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of("/io_master_key", null, "app_state.registration.io_master_key is missing"),
        Arguments.of(
            "/io_master_key/bytes",
            "\"" + b64(new byte[31]) + "\"",
            "io_master_key.bytes must be a 32-byte X25519 public key, got 31 bytes"),
        Arguments.of("/io_master_key/bytes", "\"!!\"", "io_master_key.bytes is not base64"),
        Arguments.of("/io_master_key/bytes", "7", "io_master_key.bytes must be a base64 string"),
        Arguments.of("/io_master_key/extra", "1", "io_master_key has an unknown field \"extra\""),
        Arguments.of("/reg_info", "[]", "has an unknown field \"reg_info\""),
        Arguments.of("/registration", "{}", "registration must be an array"),
        Arguments.of(
            "/registration/0/encrypted_seed",
            "\"" + b64(new byte[50]) + "\"",
            "registration[0].encrypted_seed must be 48 bytes per seed, got 50"),
        Arguments.of(
            "/registration/0/certificate",
            "\"" + b64(new byte[] {0, 0, 0}) + "\"",
            "registration[0].certificate the evidence header needs 12 bytes"),
        Arguments.of(
            "/attestation/development_roots/0",
            "\"" + ROOT.toUpperCase() + "\"",
            "attestation.development_roots[0] must be 64 lower-case hex characters (32 bytes)"),
        Arguments.of(
            "/attestation/machine_allow_list/1",
            "\"" + MACHINE + "\"",
            "attestation.machine_allow_list[1] repeats " + MACHINE),
        Arguments.of(
            "/attestation/allowed_measurements/0",
            "\"" + MACHINE + "\"",
            "allowed_measurements[0] must be 64 lower-case hex"),
        Arguments.of(
            "/attestation/trust_everything", "true", "unknown field \"trust_everything\""));
  }

  /** Sets (or with {@code null} removes) the value at a JSON pointer of the sample section. */
  static JsonNode edit(String pointer, String value) throws Exception {
    JsonNode root = JSON.readTree(sample().toJson().toString());
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    JsonNode replacement = value == null ? null : JSON.readTree(value);
    if (parent.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode array =
          (com.fasterxml.jackson.databind.node.ArrayNode) parent;
      int index = Integer.parseInt(last);
      if (index < array.size()) {
        array.set(index, replacement);
      } else {
        array.add(replacement);
      }
    } else if (replacement == null) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) parent).remove(last);
    } else {
      ((com.fasterxml.jackson.databind.node.ObjectNode) parent).set(last, replacement);
    }
    return root;
  }

  @ParameterizedTest
  @MethodSource("broken")
  void aBrokenSectionIsRefusedNamingTheField(String pointer, String value, String message)
      throws Exception {
    JsonNode section = edit(pointer, value);
    assertThatThrownBy(() -> RegistrationGenesis.parse(section))
        .isInstanceOfSatisfying(
            ChainException.class, e -> assertThat(e.codespace() + e.code()).isEqualTo("sdk17"))
        .hasMessageContaining(message);
  }

  @Test
  void aMissingSectionOrADuplicateNodeIsRefused() throws Exception {
    assertThatThrownBy(() -> RegistrationGenesis.parse(MissingNode.getInstance()))
        .hasMessageContaining("app_state.registration is missing");
    assertThatThrownBy(() -> RegistrationGenesis.parse(JSON.readTree("[]")))
        .hasMessageContaining("app_state.registration must be an object");
    JsonNode twice = JSON.readTree(sample().toJson().toString());
    ((com.fasterxml.jackson.databind.node.ArrayNode) twice.get("registration"))
        .add(twice.get("registration").get(0).deepCopy());
    assertThatThrownBy(() -> RegistrationGenesis.parse(twice))
        .hasMessageContaining("registration[1] registers a node key that an earlier entry");
  }
}
