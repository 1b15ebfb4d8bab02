package io.arcanum.enclave;

import io.arcanum.crypto.seed.KeySchedule;
import io.arcanum.crypto.seed.SeedList;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.enclave.api.AdminUpdateCall;
import io.arcanum.enclave.api.ContractCall;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveConfig;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.EnclaveStatus;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.enclave.api.NodeAuthentication;
import io.arcanum.enclave.api.QueryCall;
import io.arcanum.enclave.api.ReplyCall;
import io.arcanum.enclave.attestation.AttestationException;
import io.arcanum.enclave.attestation.AttestationPolicy;
import io.arcanum.enclave.attestation.QuotingPlatform;
import io.arcanum.enclave.attestation.sim.SimulatedPlatform;
import io.arcanum.enclave.compute.ContractExecutor;
import io.arcanum.enclave.keys.Keychain;
import io.arcanum.enclave.keys.SeedExchange;
import io.arcanum.enclave.registration.NodeRegistrar;
import io.arcanum.enclave.sealing.EnclaveMeasurement;
import io.arcanum.enclave.sealing.PlatformSealingSecret;
import io.arcanum.enclave.sealing.SealedDataException;
import io.arcanum.enclave.sealing.Sealer;
import io.arcanum.wasm.WasmVm;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The enclave running in the node's own process. On start it unseals its keychain if the host has
 * one; every change of keys is sealed before the call returns, so a restart resumes where it was. A
 * refused call changes nothing.
 */
public final class InProcessEnclave implements Enclave {
  /** The sealed file's name (Secret: {@code data-<hex MRENCLAVE>.bin}). */
  public static final String KEYCHAIN_FILE = "keychain.sealed";

  private final EnclaveHost host;
  private final EnclaveMeasurement measurement;
  private final Sealer sealer;
  private final SecureRandom random;
  private final WasmVm vm;
  private final NodeRegistrar registrar;
  private final QuotingPlatform quoting;
  private final ContractExecutor executor;
  private Keychain keychain;
  private KeySchedule schedule;

  /**
   * @throws EnclaveException SEALED_DATA_REJECTED if the host's sealed keychain was not written by
   *     this build on this machine or was altered; STORAGE_FAILURE if it cannot be read
   */
  public InProcessEnclave(
      EnclaveHost host,
      PlatformSealingSecret platform,
      EnclaveMeasurement measurement,
      SecureRandom random)
      throws EnclaveException {
    this(host, platform, measurement, random, EnclaveConfig.defaults());
  }

  /**
   * @param config genesis and node settings: address prefix, development roots, allowed
   *     measurements, allow-listed machines, this node's simulated platform
   * @throws EnclaveException also INVALID_INPUT for a malformed config, STORAGE_FAILURE if the
   *     simulated platform's files cannot be read or created
   */
  public InProcessEnclave(
      EnclaveHost host,
      PlatformSealingSecret platform,
      EnclaveMeasurement measurement,
      SecureRandom random,
      EnclaveConfig config)
      throws EnclaveException {
    this.host = host;
    this.registrar = new NodeRegistrar(policy(config, measurement));
    this.quoting = quotingPlatform(config, random);
    this.vm = WasmVm.builder().build();
    this.executor = new ContractExecutor(host, vm, "secret");
    this.measurement = measurement;
    this.random = random;
    this.sealer = new Sealer(platform, measurement, random);
    this.keychain = unsealKeychain();
    this.schedule = keychain.seeds().map(KeySchedule::derive).orElse(null);
  }

  private Keychain unsealKeychain() throws EnclaveException {
    Optional<byte[]> sealed;
    try {
      sealed = host.sealedStorage().read(KEYCHAIN_FILE);
    } catch (IOException e) {
      throw new EnclaveException(Reason.STORAGE_FAILURE, "cannot read the sealed keychain", e);
    }
    if (sealed.isEmpty()) {
      return Keychain.empty();
    }
    byte[] plain = null;
    try {
      plain = sealer.unseal(KEYCHAIN_FILE, sealed.get());
      return Keychain.decode(plain);
    } catch (SealedDataException e) {
      throw new EnclaveException(Reason.SEALED_DATA_REJECTED, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new EnclaveException(
          Reason.SEALED_DATA_REJECTED, "sealed keychain is malformed: " + e.getMessage());
    } finally {
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  @Override
  public synchronized NetworkPublicKeys bootstrap() throws EnclaveException {
    requireNoSeeds();
    SeedList seeds = SeedList.bootstrap(random);
    commit(keychain.withSeeds(seeds));
    return networkPublicKeys();
  }

  @Override
  public synchronized NetworkPublicKeys installSeeds(
      byte[] networkSeedExchangeKey, byte[] encryptedSeeds) throws EnclaveException {
    requireNoSeeds();
    X25519PrivateKey registration =
        keychain
            .registrationKey()
            .orElseThrow(
                () ->
                    new EnclaveException(
                        Reason.NO_REGISTRATION_KEY,
                        "seeds are encrypted for a registration key; create one first"));
    if (networkSeedExchangeKey == null || networkSeedExchangeKey.length != 32) {
      throw new EnclaveException(
          Reason.INVALID_INPUT, "the network seed-exchange public key must be 32 bytes");
    }
    X25519PublicKey network = new X25519PublicKey(networkSeedExchangeKey);
    SeedList seeds;
    try {
      seeds = SeedExchange.decrypt(registration, network, encryptedSeeds);
    } catch (IllegalArgumentException e) {
      throw new EnclaveException(Reason.INVALID_INPUT, e.getMessage());
    }
    // The latest seed must be the network's: its exchange key is the key the seeds came under.
    KeySchedule check = KeySchedule.derive(seeds);
    boolean matches = check.seedExchangePublicKey().equals(network);
    check.destroy();
    if (!matches) {
      seeds.destroy();
      throw new EnclaveException(
          Reason.INVALID_INPUT,
          "the decrypted seeds do not derive the given network seed-exchange key");
    }
    commit(keychain.withSeeds(seeds));
    return networkPublicKeys();
  }

  @Override
  public synchronized byte[] newRegistrationKey() throws EnclaveException {
    X25519PrivateKey key = X25519PrivateKey.generate(random);
    commit(keychain.withRegistrationKey(key));
    return key.publicKey().bytes();
  }

  @Override
  public synchronized byte[] registrationPublicKey() throws EnclaveException {
    return keychain
        .registrationKey()
        .orElseThrow(
            () ->
                new EnclaveException(
                    Reason.NO_REGISTRATION_KEY, "no registration key has been created"))
        .publicKey()
        .bytes();
  }

  @Override
  public synchronized NetworkPublicKeys networkPublicKeys() throws EnclaveException {
    if (schedule == null) {
      throw new EnclaveException(
          Reason.NOT_INITIALIZED, "no seeds yet: bootstrap or install the network's seeds first");
    }
    return new NetworkPublicKeys(
        schedule.seedExchangePublicKey().bytes(), schedule.ioExchangePublicKey().bytes());
  }

  private static AttestationPolicy policy(EnclaveConfig config, EnclaveMeasurement own)
      throws EnclaveException {
    try {
      Set<String> measurements =
          config.allowedMeasurements().isEmpty()
              ? Set.of(HexFormat.of().formatHex(own.bytes()))
              : Set.copyOf(config.allowedMeasurements());
      AttestationPolicy policy =
          AttestationPolicy.production(measurements, Set.copyOf(config.machineAllowList()));
      for (String root : config.developmentRoots()) {
        policy = policy.withDevelopmentRoot(root);
      }
      return policy;
    } catch (IllegalArgumentException e) {
      throw new EnclaveException(Reason.INVALID_INPUT, "enclave config: " + e.getMessage());
    }
  }

  private static QuotingPlatform quotingPlatform(EnclaveConfig config, SecureRandom random)
      throws EnclaveException {
    if (config.simulatedPlatform().isEmpty()) {
      return null;
    }
    try {
      return SimulatedPlatform.openOrCreate(Path.of(config.simulatedPlatform()), random);
    } catch (IOException | RuntimeException e) {
      throw new EnclaveException(
          Reason.STORAGE_FAILURE, "cannot open the simulated platform: " + e.getMessage());
    }
  }

  @Override
  public byte[] attestationEvidence(byte[] reportData) throws EnclaveException {
    if (reportData == null || reportData.length != 64) {
      throw new EnclaveException(
          Reason.INVALID_INPUT,
          "report data must be 64 bytes (registration key ‖ owner key), got "
              + (reportData == null ? "none" : reportData.length));
    }
    if (!Arrays.equals(Arrays.copyOf(reportData, 32), registrationPublicKey())) {
      throw new EnclaveException(
          Reason.INVALID_INPUT,
          "the first 32 bytes of the report data must be this enclave's registration key");
    }
    if (quoting == null) {
      throw new EnclaveException(
          Reason.ATTESTATION_REJECTED,
          "this node has no quoting platform: no SGX support in this build, and no simulated"
              + " platform configured");
    }
    try {
      return quoting.evidence(measurement.bytes(), reportData, System.currentTimeMillis() / 1000);
    } catch (AttestationException e) {
      throw new EnclaveException(Reason.ATTESTATION_REJECTED, e.getMessage());
    }
  }

  @Override
  public NodeAuthentication authenticateNewNode(
      byte[] evidence, String replaceMachineId, long blockTimeSeconds) throws EnclaveException {
    KeySchedule keys = keys();
    SeedList seeds;
    synchronized (this) {
      seeds = keychain.seeds().orElseThrow();
    }
    return registrar.authenticate(keys, seeds, evidence, replaceMachineId, blockTimeSeconds);
  }

  @Override
  public ContractResult instantiate(ContractCall call) throws EnclaveException {
    return executor.instantiate(keys(), call);
  }

  @Override
  public ContractResult execute(ContractCall call) throws EnclaveException {
    return executor.execute(keys(), call);
  }

  @Override
  public ContractResult migrate(ContractCall call) throws EnclaveException {
    return executor.migrate(keys(), call);
  }

  @Override
  public ContractResult query(QueryCall call) throws EnclaveException {
    return executor.query(keys(), call);
  }

  @Override
  public ContractResult reply(ReplyCall call) throws EnclaveException {
    return executor.reply(keys(), call);
  }

  @Override
  public byte[] updateAdmin(AdminUpdateCall call) throws EnclaveException {
    return executor.updateAdmin(keys(), call);
  }

  /** The key schedule calls run with; contract calls run concurrently with each other. */
  private synchronized KeySchedule keys() throws EnclaveException {
    if (schedule == null) {
      throw new EnclaveException(
          Reason.NOT_INITIALIZED, "no seeds yet: bootstrap or install the network's seeds first");
    }
    return schedule;
  }

  @Override
  public synchronized EnclaveStatus status() {
    return new EnclaveStatus(
        keychain.seeds().map(SeedList::size).orElse(0), keychain.registrationKey().isPresent());
  }

  @Override
  public byte[] measurement() {
    return measurement.bytes();
  }

  private void requireNoSeeds() throws EnclaveException {
    if (schedule != null) {
      throw new EnclaveException(
          Reason.ALREADY_INITIALIZED,
          "this enclave already holds " + schedule.seedCount() + " seeds");
    }
  }

  /** Seals {@code next} and only then makes it current, so a failed write changes nothing. */
  private void commit(Keychain next) throws EnclaveException {
    byte[] plain = next.encode();
    try {
      host.sealedStorage().write(KEYCHAIN_FILE, sealer.seal(KEYCHAIN_FILE, plain));
    } catch (IOException e) {
      throw new EnclaveException(Reason.STORAGE_FAILURE, "cannot store the sealed keychain", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
    boolean seedsChanged = next.seeds().orElse(null) != keychain.seeds().orElse(null);
    keychain = next;
    if (seedsChanged) {
      KeySchedule old = schedule;
      schedule = next.seeds().map(KeySchedule::derive).orElse(null);
      if (old != null) {
        old.destroy();
      }
    }
  }

  @Override
  public synchronized void close() {
    vm.close();
    if (schedule != null) {
      schedule.destroy();
    }
    keychain.seeds().ifPresent(SeedList::destroy);
    keychain.registrationKey().ifPresent(X25519PrivateKey::destroy);
  }
}
