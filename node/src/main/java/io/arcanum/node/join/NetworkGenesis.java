package io.arcanum.node.join;

import io.arcanum.chain.app.Genesis;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.module.BlockInfo;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.registration.NodeRegistration;
import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.chain.registration.RegistrationGenesisHandler;
import io.arcanum.chain.registration.RegistrationStore;
import io.arcanum.chain.state.MemoryKvStore;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveConfig;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveProvider;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.enclave.api.NodeAuthentication;
import io.arcanum.enclave.api.SimulatedPlatformInfo;
import io.arcanum.node.enclave.NodeEnclave;
import io.arcanum.node.genesis.FundedAccount;
import io.arcanum.node.genesis.GenesisFile;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.HomeInitializer;
import io.arcanum.node.home.JsonFiles;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.home.NodeKey;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The offline genesis ceremony of a development network with several validators (for {@code arcanum
 * testnet}): validator 0 bootstraps (protocol.md §3), every other home becomes a machine under
 * validator 0's development root (§14 item 3a), and validators 1… register with the bootstrap
 * enclave before the chain exists — their evidence verified and the seeds encrypted for them by the
 * bootstrap enclave exactly as {@code RaAuthenticate} would on chain (§4.2), installed (§4.3), and
 * recorded in genesis {@code registration.registration} (Secret's {@code reg_info}). Spare homes
 * are left as {@code arcanum init --genesis} leaves a joining home — platform, validator key,
 * genesis, no seeds, not registered — but allow-listed, so a developer can walk the on-chain join
 * with them.
 *
 * <p>Every home gets byte-identical {@code genesis.json}, written last; genesis trusts the
 * development root, this build's measurement, and every validator's and spare's machine.
 *
 * @param genesis what every home's {@code config/genesis.json} holds
 * @param validators the validator homes in the order given (0 bootstrapped)
 * @param spares the spare homes in the order given
 */
public record NetworkGenesis(Genesis genesis, List<Member> validators, List<Member> spares) {
  public NetworkGenesis {
    Objects.requireNonNull(genesis, "genesis");
    validators = List.copyOf(validators);
    spares = List.copyOf(spares);
  }

  /**
   * One home of the network.
   *
   * @param machineId its simulated machine, on genesis's allow list
   * @param validatorKey its ed25519 validator (consensus) public key, the machine's owner key
   * @param validatorAddress CometBFT's address of that key (upper-case hex, 20 bytes)
   */
  public record Member(
      NodeHome home, String machineId, byte[] validatorKey, String validatorAddress) {
    public Member {
      Objects.requireNonNull(home, "home");
      validatorKey = validatorKey.clone();
    }

    @Override
    public byte[] validatorKey() {
      return validatorKey.clone();
    }

    @Override
    public String toString() {
      return "Member[" + home + ", machine " + machineId + ", validator " + validatorAddress + "]";
    }
  }

  /**
   * Runs the ceremony.
   *
   * @param validators at least one home; none may be initialised (no genesis yet)
   * @param spares homes to leave ready to join; may be empty
   * @param config written as every home's {@code node.json} (same ports: the caller adjusts them);
   *     its chain id and address prefix are the network's
   * @param accounts funded in genesis, account numbers in this order
   * @param genesisTime the chain's genesis time
   * @throws ConfigException if a home is initialised already, given twice, or holds seeds
   * @throws EnclaveException if an enclave refuses a step (e.g. the bootstrap enclave does not
   *     admit a validator's evidence)
   */
  public static NetworkGenesis create(
      List<NodeHome> validators,
      List<NodeHome> spares,
      NodeConfig config,
      List<FundedAccount> accounts,
      Instant genesisTime)
      throws ConfigException, EnclaveException, IOException {
    List<NodeHome> homes = new ArrayList<>(validators);
    homes.addAll(spares);
    checkHomes(validators, homes);
    EnclaveProvider provider = EnclaveProvider.load();

    // Machines first: genesis's allow list, and so every enclave's policy, names all of them.
    List<Member> members = new ArrayList<>();
    NodeHome bootstrap = validators.get(0);
    String root = null;
    for (NodeHome home : homes) {
      prepare(home, config);
      if (!home.equals(bootstrap)) {
        DevelopmentRootFiles.copy(bootstrap.simulatedPlatformDir(), home.simulatedPlatformDir());
      }
      SimulatedPlatformInfo platform = provider.openSimulatedPlatform(home.simulatedPlatformDir());
      root = root == null ? platform.rootFingerprint() : root;
      if (!platform.rootFingerprint().equals(root)) {
        throw new IllegalStateException(home + "'s platform opened under another root");
      }
      try (NodeKey key = NodeKey.read(home.nodeKeyFile())) {
        members.add(new Member(home, platform.machineId(), key.publicKey().bytes(), key.address()));
      }
    }
    EnclaveConfig trust =
        new EnclaveConfig(
            config.bech32Prefix(),
            List.of(root),
            List.of(HexFormat.of().formatHex(provider.measurement())),
            members.stream().map(Member::machineId).toList(),
            "");

    NetworkPublicKeys keys;
    List<NodeRegistration> registrations = new ArrayList<>();
    try (Enclave network = open(bootstrap, config, trust)) {
      if (network.status().initialized()) {
        throw holdsSeeds(bootstrap);
      }
      keys = network.bootstrap();
      for (NodeHome home : validators.subList(1, validators.size())) {
        registrations.add(register(home, config, trust, network, keys));
      }
    }
    RegistrationGenesis registration =
        new RegistrationGenesis(
            keys,
            registrations,
            trust.developmentRoots(),
            trust.allowedMeasurements(),
            trust.machineAllowList());
    Genesis genesis = HomeInitializer.genesis(config, accounts, genesisTime, registration);
    checkAccepted(genesis, registrations);

    GenesisFile.write(genesis, bootstrap.genesisFile());
    byte[] bytes = Files.readAllBytes(bootstrap.genesisFile());
    for (NodeHome home : homes.subList(1, homes.size())) {
      JsonFiles.write(home.genesisFile(), bytes, false);
    }
    for (NodeHome home : validators) {
      checkOpens(home, keys);
    }
    return new NetworkGenesis(
        genesis,
        members.subList(0, validators.size()),
        members.subList(validators.size(), members.size()));
  }

  /**
   * Validator {@code home} joins offline: registration key and evidence in its enclave (§4.1), the
   * bootstrap enclave's verification and seed encryption (§4.2, at the ceremony's time: the
   * simulated platform issues collateral for the moment it quotes), the seed installed (§4.3).
   */
  private static NodeRegistration register(
      NodeHome home,
      NodeConfig config,
      EnclaveConfig trust,
      Enclave network,
      NetworkPublicKeys keys)
      throws ConfigException, EnclaveException {
    try (Enclave enclave = open(home, config, trust);
        NodeKey owner = NodeKey.read(home.nodeKeyFile())) {
      if (enclave.status().initialized()) {
        throw holdsSeeds(home);
      }
      EnclaveInit.Evidence evidence;
      try {
        evidence = EnclaveInit.evidence(enclave, owner);
      } catch (JoinException e) {
        throw new IllegalStateException("checked above: the enclave holds no seeds", e);
      }
      NodeAuthentication admitted =
          network.authenticateNewNode(
              evidence.evidence(), "", Math.floorDiv(System.currentTimeMillis(), 1000L));
      if (!Arrays.equals(admitted.registrationPublicKey(), evidence.registrationKey())) {
        throw new IllegalStateException(
            "the bootstrap enclave admitted another registration key than " + home + "'s");
      }
      NetworkPublicKeys installed =
          enclave.installSeeds(keys.seedExchangeKey(), admitted.encryptedSeed());
      if (!installed.equals(keys)) {
        throw new IllegalStateException(home + "'s enclave derived other network keys");
      }
      return new NodeRegistration(
          evidence.registrationKey(), evidence.evidence(), admitted.encryptedSeed());
    }
  }

  /** The registration module's InitGenesis takes the section and stores every registration. */
  private static void checkAccepted(Genesis genesis, List<NodeRegistration> registrations) {
    MemoryKvStore state = new MemoryKvStore();
    MsgContext context =
        new MsgContext(
            new BlockInfo(genesis.chainId(), 0, genesis.genesisTimeNanos()),
            null,
            0,
            state,
            GasMeter.infinite(),
            false);
    try {
      new RegistrationGenesisHandler()
          .initGenesis(context, genesis.section(RegistrationGenesis.MODULE));
    } catch (ChainException e) {
      throw new IllegalStateException("the chain refuses the ceremony's genesis: " + e, e);
    }
    for (NodeRegistration node : registrations) {
      boolean stored =
          RegistrationStore.node(context.store(), node.registrationPublicKey())
              .filter(n -> Arrays.equals(n.encryptedSeed(), node.encryptedSeed()))
              .isPresent();
      if (!stored) {
        throw new IllegalStateException("genesis did not store a validator's registration");
      }
    }
  }

  /** The validator's enclave opens as its node will open it and serves the network's keys. */
  private static void checkOpens(NodeHome home, NetworkPublicKeys keys)
      throws ConfigException, EnclaveException {
    try (HomeEnclave opened = HomeEnclave.open(home)) {
      if (!opened.enclave().networkPublicKeys().equals(keys)) {
        throw new IllegalStateException(home + "'s enclave does not hold the network's keys");
      }
    }
  }

  private static void checkHomes(List<NodeHome> validators, List<NodeHome> homes)
      throws ConfigException {
    if (validators.isEmpty()) {
      throw new IllegalArgumentException("a network needs at least one validator");
    }
    Set<NodeHome> distinct = new HashSet<>();
    for (NodeHome home : homes) {
      if (!distinct.add(home)) {
        throw new ConfigException(home + " is given twice");
      }
      if (home.isInitialized()) {
        throw new ConfigException(
            home + " is already initialised (" + home.genesisFile() + " exists)");
      }
    }
  }

  /** {@code node.json} and the validator key, each kept if an interrupted run made it. */
  private static void prepare(NodeHome home, NodeConfig config)
      throws ConfigException, IOException {
    Files.createDirectories(home.configDir());
    if (Files.exists(home.nodeConfigFile())) {
      String chain = NodeConfig.read(home.nodeConfigFile()).chainId();
      if (!chain.equals(config.chainId())) {
        throw new ConfigException(
            home.nodeConfigFile() + " is for chain " + chain + ", not " + config.chainId());
      }
    } else {
      config.write(home.nodeConfigFile());
    }
    if (!Files.exists(home.nodeKeyFile())) {
      try (NodeKey key = NodeKey.generate(new SecureRandom())) {
        key.write(home.nodeKeyFile());
      }
    }
  }

  private static Enclave open(NodeHome home, NodeConfig config, EnclaveConfig trust)
      throws ConfigException, EnclaveException {
    try {
      return NodeEnclave.open(
          home,
          config,
          new EnclaveConfig(
              trust.bech32Prefix(),
              trust.developmentRoots(),
              trust.allowedMeasurements(),
              trust.machineAllowList(),
              home.simulatedPlatformDir().toString()),
          NodeEnclave.router(home));
    } catch (IOException e) {
      throw new ConfigException("cannot open " + home.sealedDir() + ": " + e.getMessage(), e);
    }
  }

  private static ConfigException holdsSeeds(NodeHome home) {
    return new ConfigException(
        home
            + "'s enclave already holds seeds from an earlier, unfinished ceremony; start again"
            + " with empty homes");
  }
}
