package io.arcanum.chain.registration;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.module.BlockInfo;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.state.KvStore;
import io.arcanum.chain.state.MemoryKvStore;
import io.arcanum.enclave.InProcessEnclave;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveConfig;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.enclave.api.SealedStorage;
import io.arcanum.enclave.attestation.sim.SimulatedPlatform;
import io.arcanum.enclave.sealing.EnclaveMeasurement;
import io.arcanum.enclave.sealing.PlatformSealingSecret;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.secret.registration.v1beta1.RaAuthenticate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A development network in one test: the network's enclave (bootstrapped, trusting one development
 * root and an allow list) and the chain state its genesis wrote, plus joining nodes with their own
 * simulated machines under the same root that produce real simulated evidence.
 */
final class SimulatedNetwork implements AutoCloseable {
  static final String CHAIN_ID = "secretdev-1";
  static final byte[] SENDER = filled(20, 0x42);
  static final byte[] OWNER = filled(32, 0x0e);
  static final long NOW_SECONDS = System.currentTimeMillis() / 1000;

  final Path dir;
  final SimulatedPlatform rootPlatform;
  final String root;
  final Enclave network;
  final NetworkPublicKeys keys;
  final MemoryKvStore state = new MemoryKvStore();
  private final List<String> allowed;

  /** A joining node: its enclave, its machine id and fresh evidence for its registration key. */
  record Joiner(Enclave enclave, String machineId, byte[] registrationKey, byte[] evidence) {}

  /**
   * @param admitted how many joining machines to create and allow-list up front
   */
  SimulatedNetwork(Path dir, int admitted) throws Exception {
    this.dir = dir;
    Path first = Files.createDirectories(dir.resolve("network"));
    rootPlatform = SimulatedPlatform.openOrCreate(first, new SecureRandom());
    root = rootPlatform.rootFingerprint();
    java.util.ArrayList<String> machines = new java.util.ArrayList<>();
    for (int i = 0; i < admitted; i++) {
      machines.add(
          SimulatedPlatform.openOrCreate(platformDir("joiner" + i), new SecureRandom())
              .machine()
              .machineId()
              .hex());
    }
    allowed = List.copyOf(machines);
    network = enclave(new EnclaveConfig("secret", List.of(root), List.of(), allowed, ""), 1);
    keys = network.bootstrap();
    MsgContext genesis = genesisContext();
    new RegistrationGenesisHandler()
        .initGenesis(
            genesis,
            new RegistrationGenesis(keys, List.of(), List.of(root), List.of(), allowed).toJson());
    genesis.writeToParent();
  }

  MsgContext genesisContext() {
    return new MsgContext(
        new BlockInfo(CHAIN_ID, 0, 0), null, 0, state, GasMeter.infinite(), false);
  }

  /** A platform directory with the network's development root and a machine of its own. */
  Path platformDir(String name) throws Exception {
    Path platform = Files.createDirectories(dir.resolve(name));
    for (String file : List.of("dev-root-key.pem", "dev-root-cert.pem")) {
      if (!Files.exists(platform.resolve(file))) {
        Files.copy(dir.resolve("network").resolve(file), platform.resolve(file));
      }
    }
    return platform;
  }

  /** The joining node {@code i} (allow-listed when {@code i < admitted}). */
  Joiner joiner(int i) throws Exception {
    Path platform = platformDir("joiner" + i);
    String machine =
        SimulatedPlatform.openOrCreate(platform, new SecureRandom()).machine().machineId().hex();
    Enclave enclave =
        enclave(
            new EnclaveConfig("secret", List.of(root), List.of(), List.of(), platform.toString()),
            100 + i);
    byte[] registrationKey = enclave.newRegistrationKey();
    byte[] reportData = Arrays.copyOf(registrationKey, 64);
    System.arraycopy(OWNER, 0, reportData, 32, 32);
    return new Joiner(enclave, machine, registrationKey, enclave.attestationEvidence(reportData));
  }

  static Enclave enclave(EnclaveConfig config, int machine) throws Exception {
    Map<String, byte[]> files = new HashMap<>();
    EnclaveHost host =
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
    return new InProcessEnclave(
        host,
        PlatformSealingSecret.of(filled(32, machine)),
        EnclaveMeasurement.ofRunningBuild(),
        new SecureRandom(),
        config);
  }

  /** A message context in a block at {@code seconds}, on top of the committed state. */
  MsgContext context(long seconds, boolean simulate) {
    return new MsgContext(
        new BlockInfo(CHAIN_ID, 7, seconds * 1_000_000_000L + 123),
        null,
        0,
        state,
        GasMeter.limited(10_000_000),
        simulate);
  }

  static Any message(byte[] sender, byte[] certificate, String replaceMachineId) {
    return ProtoTypes.pack(
        RaAuthenticate.newBuilder()
            .setSender(ByteString.copyFrom(sender))
            .setCertificate(ByteString.copyFrom(certificate))
            .setReplaceMachineId(replaceMachineId)
            .build());
  }

  /** Every entry of {@code store}, hex keys in order, to compare before and after. */
  static Map<String, String> snapshot(KvStore store) {
    Map<String, String> out = new TreeMap<>();
    store.scan(
        null,
        null,
        false,
        (k, v) -> {
          out.put(java.util.HexFormat.of().formatHex(k), java.util.HexFormat.of().formatHex(v));
          return true;
        });
    return out;
  }

  static byte[] filled(int length, int value) {
    byte[] out = new byte[length];
    Arrays.fill(out, (byte) value);
    return out;
  }

  @Override
  public void close() {
    network.close();
  }
}
