package io.arcanum.chain.app;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.compute.ComputeHost;
import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.chain.store.RocksStore;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.enclave.InProcessEnclave;
import io.arcanum.enclave.api.DirectorySealedStorage;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveConfig;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.enclave.attestation.sim.DevelopmentRoot;
import io.arcanum.enclave.attestation.sim.SimulatedPlatform;
import io.arcanum.enclave.sealing.EnclaveMeasurement;
import io.arcanum.enclave.sealing.PlatformSealingSecret;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.secret.registration.v1beta1.Key;
import io.arcanum.proto.secret.registration.v1beta1.QueryEncryptedSeedRequest;
import io.arcanum.proto.secret.registration.v1beta1.QueryEncryptedSeedResponse;
import io.arcanum.proto.secret.registration.v1beta1.RaAuthenticate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A development network for tests of the whole application ({@link SecretApp}) with the real
 * enclave. Every node has its own directory ({@code node<i>/}: RocksDB state, sealed enclave files,
 * simulated platform with its own machine) and its own {@link InProcessEnclave} behind a {@link
 * ComputeHost}, as the node runs it. Node 0 bootstraps the network and writes the genesis: the
 * accounts of {@link TestChain} plus the registration section with the master keys and the
 * attestation trust (one development root; every node's machine on the allow list).
 *
 * <p>Other nodes get the seeds the real way (protocol.md §4): their enclave makes a registration
 * key and evidence ({@link #evidence}), a {@code RaAuthenticate} tx ({@link #registrationTx}) runs
 * in a block, and the node installs the encrypted seed the chain stored for it ({@link
 * #installSeedsFrom}). Genesis time is ten minutes ago, because the enclave checks the simulated
 * collateral (issued now, an hour back-dated) at block time.
 */
final class SecretTestNetwork {
  static final byte[] OWNER = filled(32, 0x0e);

  final Path dir;
  final String root;
  final List<String> machines;
  final NetworkPublicKeys keys;
  final RegistrationGenesis registration;
  final Genesis genesis;
  private final Map<Integer, byte[]> registrationKeys = new HashMap<>();
  private final Map<Integer, Node> open = new HashMap<>();

  private SecretTestNetwork(Path dir, String root, List<String> machines) throws EnclaveException {
    this.dir = dir;
    this.root = root;
    this.machines = List.copyOf(machines);
    // Node 0's enclave before genesis exists: the trust genesis will name.
    try (Enclave bootstrap =
        enclave(
            0,
            host(0),
            new RegistrationGenesis(
                    new NetworkPublicKeys(new byte[32], new byte[32]),
                    List.of(),
                    List.of(root),
                    List.of(),
                    this.machines)
                .enclaveConfig("secret", platformPath(0)))) {
      this.keys = bootstrap.bootstrap();
    }
    this.registration =
        new RegistrationGenesis(keys, List.of(), List.of(root), List.of(), this.machines);
    Instant time = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    this.genesis =
        TestChain.genesisBuilder(time)
            .section(RegistrationGenesis.MODULE, registration.toJson())
            .build();
  }

  /** {@code nodes} node directories under one development root; node 0 bootstraps. */
  static SecretTestNetwork create(Path dir, int nodes) throws Exception {
    SecureRandom random = new SecureRandom();
    DevelopmentRoot root = DevelopmentRoot.create(random);
    List<String> machines = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      Path platform = platform(dir, i);
      root.save(platform);
      machines.add(SimulatedPlatform.openOrCreate(platform, random).machine().machineId().hex());
    }
    return new SecretTestNetwork(dir, root.fingerprint(), machines);
  }

  Path home(int node) {
    return dir.resolve("node" + node);
  }

  private String platformPath(int node) {
    return home(node).resolve("platform").toString();
  }

  private static Path platform(Path dir, int node) throws IOException {
    return Files.createDirectories(dir.resolve("node" + node).resolve("platform"));
  }

  /** What genesis and this node's home tell its enclave (RegistrationGenesis.enclaveConfig). */
  EnclaveConfig enclaveConfig(int node) {
    return registration.enclaveConfig("secret", platformPath(node));
  }

  /** Node {@code node}'s enclave on its own, with its sealed files (for the registration steps). */
  Enclave enclave(int node) throws EnclaveException {
    return enclave(node, host(node));
  }

  private ComputeHost host(int node) {
    try {
      return new ComputeHost(
          new DirectorySealedStorage(Files.createDirectories(home(node).resolve("sealed"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Enclave enclave(int node, ComputeHost host) throws EnclaveException {
    return enclave(node, host, enclaveConfig(node));
  }

  private static Enclave enclave(int node, ComputeHost host, EnclaveConfig config)
      throws EnclaveException {
    return new InProcessEnclave(
        host,
        PlatformSealingSecret.of(filled(32, 0x40 + node)),
        EnclaveMeasurement.ofRunningBuild(),
        new SecureRandom(),
        config);
  }

  /** Node {@code node}'s chain: SecretApp over its RocksDB state with its enclave. */
  TestChain open(int node) {
    return TestChain.create(
        home(node).resolve("state"),
        ChainConfig.defaults(TestTxs.CHAIN_ID),
        genesis,
        new Node(node));
  }

  /** The enclave of node {@code node}'s open chain. */
  Enclave enclaveOf(int node) {
    return open.get(node).enclave;
  }

  /** Opens and closes the enclave with the chain, as a node process does. */
  private final class Node implements TestChain.AppOpener {
    private final int node;
    private Enclave enclave;

    Node(int node) {
      this.node = node;
    }

    @Override
    public ChainApp open(ChainConfig config, Genesis genesis, RocksStore store) {
      ComputeHost host = host(node);
      try {
        enclave = enclave(node, host);
      } catch (EnclaveException e) {
        throw new IllegalStateException("node " + node + "'s enclave: " + e.getMessage(), e);
      }
      open.put(node, this);
      return SecretApp.open(config, store, genesis, enclave, host);
    }

    @Override
    public void closed() {
      enclave.close();
      open.remove(node);
    }
  }

  /** Node {@code node}'s attestation evidence for a fresh registration key (protocol.md §4.1). */
  byte[] evidence(int node) throws EnclaveException {
    try (Enclave enclave = enclave(node)) {
      byte[] registrationKey = enclave.newRegistrationKey();
      registrationKeys.put(node, registrationKey);
      byte[] reportData = Arrays.copyOf(registrationKey, 64);
      System.arraycopy(OWNER, 0, reportData, 32, 32);
      return enclave.attestationEvidence(reportData);
    }
  }

  /**
   * {@code RaAuthenticate} of node {@code node}'s evidence, sent and paid for by {@code sender}.
   */
  static Any raAuthenticate(Secp256k1PrivateKey sender, byte[] evidence) {
    return ProtoTypes.pack(
        RaAuthenticate.newBuilder()
            .setSender(ByteString.copyFrom(TestTxs.address(sender)))
            .setCertificate(ByteString.copyFrom(evidence))
            .build());
  }

  /** Node {@code node}'s registration as a signed tx of account a (number 0). */
  byte[] registrationTx(int node, long sequence) throws EnclaveException {
    return TestTxs.tx(TestTxs.A, raAuthenticate(TestTxs.A, evidence(node)))
        .gas(1_000_000)
        .sequence(sequence)
        .build();
  }

  /**
   * Node {@code node} fetches the seed the chain stored for its registration key from {@code chain}
   * (the {@code EncryptedSeed} query) and installs it (protocol.md §4.3).
   */
  NetworkPublicKeys installSeedsFrom(int node, TestChain chain) throws Exception {
    QueryResponse r =
        chain.query(
            "/secret.registration.v1beta1.Query/EncryptedSeed",
            QueryEncryptedSeedRequest.newBuilder()
                .setPubKey(ByteString.copyFrom(registrationKeys.get(node)))
                .build(),
            0);
    if (r.code() != 0) {
      throw new IllegalStateException("no seed for node " + node + ": " + r.log());
    }
    byte[] seed = QueryEncryptedSeedResponse.parseFrom(r.value()).getEncryptedSeed().toByteArray();
    try (Enclave enclave = enclave(node)) {
      return enclave.installSeeds(keys.seedExchangeKey(), seed);
    }
  }

  /** The IO key secret.js encrypts to: the chain's {@code TxKey} query (secretjs-api.md §2). */
  static byte[] txKey(TestChain chain) {
    QueryResponse r =
        chain.query("/secret.registration.v1beta1.Query/TxKey", Key.getDefaultInstance(), 0);
    try {
      return Key.parseFrom(r.value()).getKey().toByteArray();
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] filled(int length, int value) {
    byte[] out = new byte[length];
    Arrays.fill(out, (byte) value);
    return out;
  }
}
