package io.arcanum.enclave.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.SpecFiles;
import io.arcanum.enclave.InProcessEnclave;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveConfig;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.NodeAuthentication;
import io.arcanum.enclave.api.SealedStorage;
import io.arcanum.enclave.attestation.RegistrationEvidence;
import io.arcanum.enclave.attestation.sim.SimulatedPlatform;
import io.arcanum.enclave.sealing.EnclaveMeasurement;
import io.arcanum.enclave.sealing.PlatformSealingSecret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registration end to end through the ECALLs (protocol.md §4, §12, §14): a joining node produces
 * simulated evidence, the network's enclave verifies it at block time and encrypts the seeds for
 * it, and the new node installs them and derives the same network keys. Foreign, tampered and
 * non-admitted evidence is refused.
 */
class NodeRegistrationTest {
  @TempDir Path dir;
  static final long NOW = System.currentTimeMillis() / 1000;
  static final byte[] OWNER = filled(32, 0x0e);

  static byte[] filled(int length, int value) {
    byte[] out = new byte[length];
    Arrays.fill(out, (byte) value);
    return out;
  }

  /** A node: its own sealed files and, optionally, a simulated platform directory. */
  final class Node {
    final Map<String, byte[]> files = new HashMap<>();
    final EnclaveHost host =
        () ->
            new SealedStorage() {
              @Override
              public Optional<byte[]> read(String name) {
                return Optional.ofNullable(files.get(name));
              }

              @Override
              public void write(String name, byte[] bytes) {
                files.put(name, bytes.clone());
              }
            };
    final PlatformSealingSecret machine = PlatformSealingSecret.of(filled(32, files.hashCode()));

    Enclave start(EnclaveConfig config) throws Exception {
      return open(host, machine, config);
    }
  }

  /** Opens the enclave under test; the child-process variant overrides this. */
  Enclave open(EnclaveHost host, PlatformSealingSecret machine, EnclaveConfig config)
      throws Exception {
    return new InProcessEnclave(
        host, machine, EnclaveMeasurement.ofRunningBuild(), new SecureRandom(), config);
  }

  /** A platform directory sharing the development root of {@code rootDir}, with its own machine. */
  Path platformDir(String name, Path rootDir) throws Exception {
    Path platform = dir.resolve(name);
    Files.createDirectories(platform);
    if (rootDir != null) {
      for (String file : List.of("dev-root-key.pem", "dev-root-cert.pem")) {
        Files.copy(rootDir.resolve(file), platform.resolve(file));
      }
    }
    return platform;
  }

  static EnclaveConfig config(String root, List<String> machines, Path platform) {
    return new EnclaveConfig(
        "secret",
        root == null ? List.of() : List.of(root),
        List.of(),
        machines,
        platform == null ? "" : platform.toString());
  }

  static byte[] reportData(byte[] registrationKey, byte[] owner) {
    byte[] data = Arrays.copyOf(registrationKey, 64);
    System.arraycopy(owner, 0, data, 32, 32);
    return data;
  }

  @Test
  void aJoiningNodeWithAdmittedSimulatedEvidenceGetsTheNetworksSeeds() throws Exception {
    Path first = platformDir("first", null);
    SimulatedPlatform firstPlatform = SimulatedPlatform.openOrCreate(first, new SecureRandom());
    Path second = platformDir("second", first);
    SimulatedPlatform joiningPlatform = SimulatedPlatform.openOrCreate(second, new SecureRandom());
    String root = firstPlatform.rootFingerprint();
    assertThat(joiningPlatform.rootFingerprint()).isEqualTo(root);
    List<String> allowed = List.of(joiningPlatform.machine().machineId().hex());

    Node bootstrapNode = new Node();
    Node joiningNode = new Node();
    try (Enclave network = bootstrapNode.start(config(root, allowed, first));
        Enclave joining = joiningNode.start(config(root, allowed, second))) {
      var keys = network.bootstrap();
      byte[] registrationKey = joining.newRegistrationKey();
      byte[] evidence = joining.attestationEvidence(reportData(registrationKey, OWNER));
      assertThat(RegistrationEvidence.parse(evidence).jwt()).isEmpty();

      NodeAuthentication auth = network.authenticateNewNode(evidence, "", NOW);
      assertThat(auth.encryptedSeed()).hasSize(96);
      assertThat(auth.registrationPublicKey()).isEqualTo(registrationKey);
      assertThat(Arrays.copyOf(auth.machineInfo(), 32)).isEqualTo(OWNER);
      assertThat(Arrays.copyOfRange(auth.machineInfo(), 32, 52))
          .isEqualTo(joiningPlatform.machine().machineId().bytes());
      // Deterministic: every node runs this for the registration tx and must agree.
      assertThat(network.authenticateNewNode(evidence, "", NOW).encryptedSeed())
          .isEqualTo(auth.encryptedSeed());

      assertThat(joining.installSeeds(keys.seedExchangeKey(), auth.encryptedSeed()))
          .isEqualTo(keys);
    }
    // The network's other nodes (here: the same enclave after a restart) agree byte for byte.
    try (Enclave restarted = bootstrapNode.start(config(root, allowed, first));
        Enclave joining = joiningNode.start(config(root, allowed, second))) {
      assertThat(joining.networkPublicKeys()).isEqualTo(restarted.networkPublicKeys());
    }
  }

  @Test
  void evidenceIsRefusedWhenForeignNotAdmittedOrTampered() throws Exception {
    Path first = platformDir("first", null);
    SimulatedPlatform firstPlatform = SimulatedPlatform.openOrCreate(first, new SecureRandom());
    Path second = platformDir("second", first);
    SimulatedPlatform joiningPlatform = SimulatedPlatform.openOrCreate(second, new SecureRandom());
    String root = firstPlatform.rootFingerprint();
    String joiningMachine = joiningPlatform.machine().machineId().hex();
    Node joiningNode = new Node();
    byte[] evidence;
    try (Enclave joining = joiningNode.start(config(root, List.of(), second))) {
      evidence = joining.attestationEvidence(reportData(joining.newRegistrationKey(), OWNER));
      assertThatThrownBy(() -> joining.attestationEvidence(reportData(filled(32, 1), OWNER)))
          .isInstanceOfSatisfying(
              EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT))
          .hasMessageContaining("registration key");
    }
    try (Enclave realOnly = new Node().start(config(null, List.of(joiningMachine), null));
        Enclave notAdmitted = new Node().start(config(root, List.of(), null));
        Enclave admitting = new Node().start(config(root, List.of(joiningMachine), null))) {
      realOnly.bootstrap();
      notAdmitted.bootstrap();
      admitting.bootstrap();
      assertRejected(() -> realOnly.authenticateNewNode(evidence, "", NOW), "root");
      assertRejected(() -> notAdmitted.authenticateNewNode(evidence, "", NOW), "allow-list");
      assertRejected(() -> admitting.authenticateNewNode(evidence, "", NOW + 90L * 24 * 3600), "");
      java.util.Random random = new java.util.Random(7);
      for (int i = 0; i < 40; i++) {
        byte[] tampered = evidence.clone();
        tampered[12 + random.nextInt(tampered.length - 12)] ^= (byte) (1 << random.nextInt(8));
        assertThatThrownBy(() -> admitting.authenticateNewNode(tampered, "", NOW))
            .isInstanceOf(EnclaveException.class);
      }
      assertThat(admitting.authenticateNewNode(evidence, "", NOW).encryptedSeed()).hasSize(96);
    }
  }

  @Test
  void theRealFixtureIsRefusedAsExpiredCollateral() throws Exception {
    byte[] quote =
        Files.readAllBytes(SpecFiles.specDir().resolve("fixtures/attestation_dcap.quote"));
    byte[] collateral =
        Files.readAllBytes(SpecFiles.specDir().resolve("fixtures/attestation_dcap.collateral"));
    byte[] evidence = new RegistrationEvidence(quote, collateral, Optional.empty()).encodeDefault();
    try (Enclave network =
        new Node()
            .start(
                new EnclaveConfig(
                    "secret",
                    List.of(),
                    List.of("15abbb64470ce2f74791479a8121a08b2fb146b9467a190d3e495925dcdd1cf7"),
                    List.of("7075df3f95443aaf47ac201ec93d38adff38c929"),
                    ""))) {
      network.bootstrap();
      assertRejected(
          () -> network.authenticateNewNode(evidence, "", 1709649832L), "COLLATERAL_EXPIRED");
    }
  }

  @Test
  void anOwnerCanMoveItsAdmissionToANewMachineAndNobodyElseCan() throws Exception {
    Path first = platformDir("first", null);
    SimulatedPlatform oldPlatform = SimulatedPlatform.openOrCreate(first, new SecureRandom());
    Path second = platformDir("second", first);
    SimulatedPlatform newPlatform = SimulatedPlatform.openOrCreate(second, new SecureRandom());
    String root = oldPlatform.rootFingerprint();
    String oldMachine = oldPlatform.machine().machineId().hex();
    Node oldNode = new Node();
    Node newNode = new Node();
    try (Enclave network = new Node().start(config(root, List.of(oldMachine), null));
        Enclave old = oldNode.start(config(root, List.of(), first));
        Enclave replacement = newNode.start(config(root, List.of(), second))) {
      network.bootstrap();
      network.authenticateNewNode(
          old.attestationEvidence(reportData(old.newRegistrationKey(), OWNER)), "", NOW);
      byte[] stranger =
          replacement.attestationEvidence(
              reportData(replacement.newRegistrationKey(), filled(32, 0x5a)));
      assertRejected(() -> network.authenticateNewNode(stranger, oldMachine, NOW), "owner");
      assertRejected(() -> network.authenticateNewNode(stranger, "", NOW), "allow-list");
      byte[] owners =
          replacement.attestationEvidence(reportData(replacement.registrationPublicKey(), OWNER));
      assertThat(network.authenticateNewNode(owners, oldMachine, NOW).encryptedSeed()).hasSize(96);
      // The old machine's admission moved: it can no longer register.
      byte[] oldAgain = old.attestationEvidence(reportData(old.registrationPublicKey(), OWNER));
      assertRejected(() -> network.authenticateNewNode(oldAgain, "", NOW), "allow-list");
      assertThatThrownBy(() -> network.authenticateNewNode(owners, "xyz", NOW))
          .isInstanceOfSatisfying(
              EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT));
    }
  }

  interface Call {
    void run() throws Exception;
  }

  static void assertRejected(Call call, String messagePart) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            EnclaveException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.ATTESTATION_REJECTED))
        .hasMessageContaining(messagePart);
  }
}
