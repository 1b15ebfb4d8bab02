package io.arcanum.chain.registration;

import static io.arcanum.chain.registration.SimulatedNetwork.SENDER;
import static io.arcanum.chain.registration.SimulatedNetwork.message;
import static io.arcanum.chain.registration.SimulatedNetwork.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.proto.secret.registration.v1beta1.RaAuthenticateResponse;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code RaAuthenticate} through the real enclave with simulated evidence (protocol.md §4.2): the
 * admitted joining node gets seeds it can install; replayed, foreign, unadmitted, expired and
 * tampered evidence is refused with state unchanged.
 */
class RaAuthenticateHandlerTest {
  static final HexFormat HEX = HexFormat.of();
  @TempDir Path dir;
  SimulatedNetwork net;
  RaAuthenticateHandler handler;

  @BeforeEach
  void network() throws Exception {
    net = new SimulatedNetwork(dir, 1);
    handler = new RaAuthenticateHandler(net.network, "secret");
  }

  @AfterEach
  void close() {
    net.close();
  }

  /** Delivers in a fresh context and commits it, as the application does for a passing msg. */
  RaAuthenticateResponse deliver(Any msg, long seconds) throws Exception {
    MsgContext context = net.context(seconds, false);
    Any response = handler.deliver(context, msg);
    context.writeToParent();
    return response.unpack(RaAuthenticateResponse.class);
  }

  /** Delivers, expecting a refusal that leaves the state as it was even if the branch is kept. */
  ChainException refused(Any msg, long seconds) {
    Map<String, String> before = snapshot(net.state);
    MsgContext context = net.context(seconds, false);
    ChainException refusal =
        org.junit.jupiter.api.Assertions.assertThrows(
            ChainException.class, () -> handler.deliver(context, msg));
    context.writeToParent();
    assertThat(context.events()).isEmpty();
    assertThat(snapshot(net.state)).isEqualTo(before);
    return refusal;
  }

  @Test
  void anAdmittedNodeRegistersAndInstallsTheNetworksSeeds() throws Exception {
    SimulatedNetwork.Joiner joiner = net.joiner(0);
    MsgContext context = net.context(SimulatedNetwork.NOW_SECONDS, false);
    RaAuthenticateResponse response =
        handler
            .deliver(context, message(SENDER, joiner.evidence(), ""))
            .unpack(RaAuthenticateResponse.class);
    context.writeToParent();

    NodeRegistration stored =
        RegistrationStore.node(net.state, joiner.registrationKey()).orElseThrow();
    byte[] seed = stored.encryptedSeed();
    assertThat(seed).hasSize(96); // genesis + current seed, 48 bytes each
    assertThat(stored.certificate()).isEqualTo(joiner.evidence());
    assertThat(response.getData()).isEqualTo("S: " + HEX.formatHex(seed));

    Event event = context.events().get(0);
    assertThat(event.type()).isEqualTo("message");
    assertThat(event.attribute("module")).isEqualTo("register");
    assertThat(event.attribute("signer"))
        .isEqualTo(new CosmosAddress(SENDER).toBech32("secret"))
        .startsWith("secret1");
    assertThat(event.attribute("encrypted_seed")).isEqualTo("0x" + HEX.formatHex(seed));
    assertThat(event.attribute("node_id"))
        .isEqualTo("0x" + HEX.formatHex(joiner.registrationKey()));
    var events = new ObjectMapper().readTree(response.getEvents());
    assertThat(events.get(0).get("type").asText()).isEqualTo("message");
    assertThat(events.get(0).get("attributes").get(3).get("key").asText()).isEqualTo("node_id");
    assertThat(events.get(0).get("attributes").get(3).get("index").asBoolean()).isTrue();

    // §4.2 step 4: owner ‖ machine id ‖ replaced id (none).
    assertThat(RegistrationStore.machineRecords(net.state))
        .singleElement()
        .satisfies(
            record -> {
              assertThat(Arrays.copyOf(record, 32)).isEqualTo(SimulatedNetwork.OWNER);
              assertThat(HEX.formatHex(Arrays.copyOfRange(record, 32, 52)))
                  .isEqualTo(joiner.machineId());
              assertThat(Arrays.copyOfRange(record, 52, 72)).isEqualTo(new byte[20]);
            });

    // §4.3: the joining node opens the seeds and serves the network's keys.
    assertThat(joiner.enclave().installSeeds(net.keys.seedExchangeKey(), seed)).isEqualTo(net.keys);
    joiner.enclave().close();
  }

  @Test
  void replayedEvidenceIsRefusedAndChangesNothing() throws Exception {
    SimulatedNetwork.Joiner joiner = net.joiner(0);
    deliver(message(SENDER, joiner.evidence(), ""), SimulatedNetwork.NOW_SECONDS);
    ChainException replay =
        refused(
            message(SimulatedNetwork.filled(20, 7), joiner.evidence(), ""),
            SimulatedNetwork.NOW_SECONDS + 10);
    assertThat(replay.codespace()).isEqualTo("register");
    assertThat(replay.code()).isEqualTo(2);
    assertThat(replay.getMessage())
        .isEqualTo(
            "node 0x"
                + HEX.formatHex(joiner.registrationKey())
                + " is already registered: Failed to authenticate node");
    assertThat(RegistrationStore.machineRecords(net.state)).hasSize(1);
    joiner.enclave().close();
  }

  @Test
  void evidenceOfAMachineNotAdmittedIsRefused() throws Exception {
    SimulatedNetwork.Joiner stranger = net.joiner(5); // same root, not on the allow list
    ChainException refusal =
        refused(message(SENDER, stranger.evidence(), ""), SimulatedNetwork.NOW_SECONDS);
    assertThat(refusal.code()).isEqualTo(2);
    assertThat(refusal.getMessage())
        .startsWith("ATTESTATION_REJECTED: ")
        .contains("allow-list")
        .endsWith(": Failed to authenticate node");
    stranger.enclave().close();
  }

  @Test
  void evidenceFromAnotherDevelopmentNetworkIsRefused() throws Exception {
    try (SimulatedNetwork other = new SimulatedNetwork(dir.resolve("other"), 1)) {
      SimulatedNetwork.Joiner foreign = other.joiner(0);
      ChainException refusal =
          refused(message(SENDER, foreign.evidence(), ""), SimulatedNetwork.NOW_SECONDS);
      assertThat(refusal.getMessage()).contains("ATTESTATION_REJECTED").contains("root");
      foreign.enclave().close();
    }
  }

  @Test
  void evidenceIsCheckedAtBlockTimeNotNow() throws Exception {
    SimulatedNetwork.Joiner joiner = net.joiner(0);
    // The simulated collateral is valid for 30 days after it was issued.
    refused(message(SENDER, joiner.evidence(), ""), SimulatedNetwork.NOW_SECONDS + 90L * 86_400);
    assertThat(deliver(message(SENDER, joiner.evidence(), ""), SimulatedNetwork.NOW_SECONDS))
        .isNotNull();
    joiner.enclave().close();
  }

  @Test
  void tamperedEvidenceIsAlwaysRefused() throws Exception {
    SimulatedNetwork.Joiner joiner = net.joiner(0);
    Random random = new Random(20261124);
    for (int i = 0; i < 25; i++) {
      byte[] tampered = joiner.evidence();
      tampered[12 + random.nextInt(tampered.length - 12)] ^= (byte) (1 << random.nextInt(8));
      ChainException refusal = refused(message(SENDER, tampered, ""), SimulatedNetwork.NOW_SECONDS);
      assertThat(refusal.codespace()).isEqualTo("register");
    }
    assertThat(RegistrationStore.nodes(net.state)).isEmpty();
    joiner.enclave().close();
  }

  @Test
  void aSimulationStoresTheDummySeedWithoutAskingTheEnclave() throws Exception {
    SimulatedNetwork.Joiner joiner = net.joiner(0);
    RaAuthenticateHandler offline =
        new RaAuthenticateHandler(
            failingEnclave(EnclaveException.Reason.ENCLAVE_UNAVAILABLE), "secret");
    MsgContext context = net.context(SimulatedNetwork.NOW_SECONDS, true);
    RaAuthenticateResponse response =
        offline
            .deliver(context, message(SENDER, joiner.evidence(), ""))
            .unpack(RaAuthenticateResponse.class);
    assertThat(response.getData()).isEqualTo("S: " + "00".repeat(32));
    context.writeToParent();
    assertThat(
            RegistrationStore.node(net.state, joiner.registrationKey())
                .orElseThrow()
                .encryptedSeed())
        .isEqualTo(new byte[32]);
    joiner.enclave().close();
  }

  @Test
  void anUnavailableEnclaveFailsTheBlockRatherThanTheTx() throws Exception {
    SimulatedNetwork.Joiner joiner = net.joiner(0);
    RaAuthenticateHandler offline =
        new RaAuthenticateHandler(
            failingEnclave(EnclaveException.Reason.ENCLAVE_UNAVAILABLE), "secret");
    assertThatThrownBy(
            () ->
                offline.deliver(
                    net.context(SimulatedNetwork.NOW_SECONDS, false),
                    message(SENDER, joiner.evidence(), "")))
        .isInstanceOf(IllegalStateException.class)
        .hasRootCauseInstanceOf(EnclaveException.class);
    joiner.enclave().close();
  }

  static Enclave failingEnclave(EnclaveException.Reason reason) {
    return (Enclave)
        Proxy.newProxyInstance(
            Enclave.class.getClassLoader(),
            new Class<?>[] {Enclave.class},
            (proxy, method, args) -> {
              throw new EnclaveException(reason, "test enclave refuses " + method.getName());
            });
  }
}
