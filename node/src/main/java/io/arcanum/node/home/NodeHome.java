package io.arcanum.node.home;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A node's home folder (docs/node.md):
 *
 * <pre>
 * config/node.json         NodeConfig: chain id, gas price, block timing, REST port, enclave mode
 * config/node_key.json     the validator's ed25519 key (mode 0600)
 * config/genesis.json      the chain's genesis
 * data/                    the application's state (RocksDB), written by the application
 * enclave/platform.key     the simulated SGX platform's sealing secret (mode 0600)
 * enclave/sim-platform/    the simulated platform: development root and this machine
 * enclave/sealed/          files the enclave sealed (its keychain with the consensus seeds)
 * enclave/attestation_combined.bin   a joining node's attestation evidence (public)
 * node.lock                held while a node runs on this home
 * </pre>
 */
public record NodeHome(Path root) {
  public NodeHome {
    root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  /** {@code arcanum dev}'s default home: {@code ~/.arcanum-dev}. */
  public static NodeHome defaultDev() {
    return new NodeHome(Path.of(System.getProperty("user.home"), ".arcanum-dev"));
  }

  public Path configDir() {
    return root.resolve("config");
  }

  public Path nodeConfigFile() {
    return configDir().resolve("node.json");
  }

  /** Present on a network member ({@link NetworkConfig}); absent on a solo node. */
  public Path networkConfigFile() {
    return configDir().resolve("network.json");
  }

  /** A joining node's admission, signed by a member's node key (docs/network.md). */
  public Path admissionFile() {
    return configDir().resolve("admission.json");
  }

  /** Ratis's log and metadata, and the state snapshots it ships to lagging nodes. */
  public Path raftDir() {
    return dataDir().resolve("raft");
  }

  public Path nodeKeyFile() {
    return configDir().resolve("node_key.json");
  }

  public Path genesisFile() {
    return configDir().resolve("genesis.json");
  }

  public Path dataDir() {
    return root.resolve("data");
  }

  public Path enclaveDir() {
    return root.resolve("enclave");
  }

  public Path platformSecretFile() {
    return enclaveDir().resolve("platform.key");
  }

  public Path simulatedPlatformDir() {
    return enclaveDir().resolve("sim-platform");
  }

  public Path sealedDir() {
    return enclaveDir().resolve("sealed");
  }

  /**
   * The attestation evidence {@code arcanum enclave init} writes for {@code arcanum tx register}
   * (protocol.md §4.1); Secret's name for the file in its SGX storage folder.
   */
  public Path attestationEvidenceFile() {
    return enclaveDir().resolve("attestation_combined.bin");
  }

  public Path lockFile() {
    return root.resolve("node.lock");
  }

  /** Whether {@code init} finished here: genesis is written last. */
  public boolean isInitialized() {
    return Files.isRegularFile(genesisFile());
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
