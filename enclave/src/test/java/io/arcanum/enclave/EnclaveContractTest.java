package io.arcanum.enclave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.seed.KeySchedule;
import io.arcanum.crypto.seed.SeedList;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.EnclaveStatus;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.enclave.api.SealedStorage;
import io.arcanum.enclave.sealing.EnclaveMeasurement;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the boundary must do, run against the enclave in this process
 * ({@link InProcessEnclaveTest}) and in a child process ({@code ChildProcessEnclaveTest}): each
 * subclass says only how to open an enclave on a given host, machine, build and random source.
 */
public abstract class EnclaveContractTest {
  protected static final EnclaveMeasurement BUILD = EnclaveMeasurement.ofRunningBuild();
  private final Machine machine = new Machine(new byte[32]);
  private final EnclaveMeasurement build = BUILD;
  private final MemoryStorage storage = new MemoryStorage();
  private final EnclaveHost host = () -> storage;

  /** A simulated machine: its platform sealing secret. */
  protected record Machine(byte[] secret) {}

  /**
   * Opens an enclave on {@code host} as if on {@code machine}, built as {@code build}.
   *
   * @param randomSeed {@code null} for a fresh {@link SecureRandom}, else the seed of {@link
   *     #deterministic}, whose stream the enclave must use
   */
  protected abstract Enclave open(
      EnclaveHost host, Machine machine, EnclaveMeasurement build, Long randomSeed)
      throws EnclaveException;

  /** Sealed files in memory; can be told to fail writes. */
  public static final class MemoryStorage implements SealedStorage {
    final Map<String, byte[]> files = new HashMap<>();
    boolean failWrites;

    @Override
    public Optional<byte[]> read(String name) {
      return Optional.ofNullable(files.get(name)).map(byte[]::clone);
    }

    @Override
    public void write(String name, byte[] bytes) throws IOException {
      if (failWrites) {
        throw new IOException("disk full");
      }
      files.put(name, bytes.clone());
    }
  }

  private Enclave start() throws EnclaveException {
    return open(host, machine, build, null);
  }

  /** The reproducible random source tests replay to know which seeds an enclave made. */
  public static SecureRandom deterministic(long seed) throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed);
    return random;
  }

  @Test
  void bootstrapPublishesTheLatestSeedsKeysAndSealsThem() throws Exception {
    NetworkPublicKeys keys;
    try (Enclave enclave = open(host, machine, build, 7L)) {
      assertThat(enclave.status()).isEqualTo(new EnclaveStatus(0, false));
      keys = enclave.bootstrap();
      assertThat(enclave.status()).isEqualTo(new EnclaveStatus(2, false));
    }
    // The same random stream gives the same seeds: the published keys are the schedule's.
    SeedList expectedSeeds = SeedList.bootstrap(deterministic(7));
    KeySchedule schedule = KeySchedule.derive(expectedSeeds);
    assertThat(keys.seedExchangeKey()).isEqualTo(schedule.seedExchangePublicKey().bytes());
    assertThat(keys.ioExchangeKey()).isEqualTo(schedule.ioExchangePublicKey().bytes());
    // What the host holds reveals no seed.
    String sealed =
        java.util.HexFormat.of().formatHex(storage.files.get(InProcessEnclave.KEYCHAIN_FILE));
    for (int i = 0; i < expectedSeeds.size(); i++) {
      assertThat(sealed)
          .doesNotContain(java.util.HexFormat.of().formatHex(expectedSeeds.get(i).exportSecret()));
    }
  }

  @Test
  void aRestartedEnclaveResumesWithTheSameKeys() throws Exception {
    NetworkPublicKeys keys;
    byte[] registration;
    try (Enclave enclave = start()) {
      keys = enclave.bootstrap();
      registration = enclave.newRegistrationKey();
    }
    try (Enclave restarted = start()) {
      assertThat(restarted.networkPublicKeys()).isEqualTo(keys);
      assertThat(restarted.registrationPublicKey()).isEqualTo(registration);
      assertThat(restarted.status()).isEqualTo(new EnclaveStatus(2, true));
    }
  }

  @Test
  void aSecondBootstrapIsRefusedAndChangesNothing() throws Exception {
    try (Enclave enclave = start()) {
      NetworkPublicKeys keys = enclave.bootstrap();
      byte[] sealed = storage.files.get(InProcessEnclave.KEYCHAIN_FILE).clone();
      assertThatThrownBy(enclave::bootstrap)
          .isInstanceOf(EnclaveException.class)
          .satisfies(
              e ->
                  assertThat(((EnclaveException) e).reason())
                      .isEqualTo(Reason.ALREADY_INITIALIZED));
      assertThat(enclave.networkPublicKeys()).isEqualTo(keys);
      assertThat(storage.files.get(InProcessEnclave.KEYCHAIN_FILE)).isEqualTo(sealed);
    }
  }

  @Test
  void aFailedSealWriteLeavesTheEnclaveAsItWas() throws Exception {
    try (Enclave enclave = start()) {
      storage.failWrites = true;
      assertThatThrownBy(enclave::bootstrap)
          .isInstanceOf(EnclaveException.class)
          .hasMessageContaining("STORAGE_FAILURE");
      assertThat(enclave.status()).isEqualTo(new EnclaveStatus(0, false));
      assertThatThrownBy(enclave::networkPublicKeys).hasMessageContaining("NOT_INITIALIZED");
    }
  }

  /** A second node receives the bootstrap node's seeds through the on-chain blob (§4.2–§4.3). */
  @Test
  void aJoiningNodeInstallsTheNetworksSeedsAndServesTheSameKeys() throws Exception {
    MemoryStorage bootstrapStorage = new MemoryStorage();
    MemoryStorage joiningStorage = new MemoryStorage();
    try (Enclave bootstrap = open(() -> bootstrapStorage, machine, build, 11L);
        Enclave joining =
            open(
                () -> joiningStorage,
                new Machine(
                    new byte[] {
                      9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
                      9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9
                    }),
                build,
                null)) {
      NetworkPublicKeys network = bootstrap.bootstrap();
      byte[] registration = joining.newRegistrationKey();
      // What the bootstrap enclave will put on chain once attestation is verified: the seeds it
      // sealed, encrypted for the joining node (same random stream → same seeds).
      SeedList seeds = SeedList.bootstrap(deterministic(11));
      byte[] blob =
          io.arcanum.enclave.keys.SeedExchange.encryptFor(
              KeySchedule.derive(seeds).seedExchangeKey(),
              seeds,
              new io.arcanum.crypto.x25519.X25519PublicKey(registration));

      assertThatThrownBy(() -> joining.installSeeds(new byte[32], blob))
          .hasMessageContaining("INVALID_INPUT");
      assertThat(joining.status().seeds()).isZero();
      byte[] tampered = blob.clone();
      tampered[5] ^= 1;
      assertThatThrownBy(() -> joining.installSeeds(network.seedExchangeKey(), tampered))
          .hasMessageContaining("does not open");
      assertThat(joining.status().seeds()).isZero();

      assertThat(joining.installSeeds(network.seedExchangeKey(), blob)).isEqualTo(network);
      assertThat(joining.status()).isEqualTo(new EnclaveStatus(2, true));
      assertThatThrownBy(() -> joining.installSeeds(network.seedExchangeKey(), blob))
          .hasMessageContaining("ALREADY_INITIALIZED");
    }
  }

  @Test
  void keysBeforeBootstrapOrRegistrationAreRefusedByName() throws Exception {
    try (Enclave enclave = start()) {
      assertThatThrownBy(enclave::networkPublicKeys).hasMessageContaining("NOT_INITIALIZED");
      assertThatThrownBy(enclave::registrationPublicKey)
          .hasMessageContaining("NO_REGISTRATION_KEY");
    }
  }

  @Test
  void sealedKeysFromAnotherBuildOrMachineOrTamperedAreRefused() throws Exception {
    try (Enclave enclave = start()) {
      enclave.bootstrap();
    }
    assertThatThrownBy(() -> open(host, machine, new EnclaveMeasurement(new byte[32]), null))
        .hasMessageContaining("SEALED_DATA_REJECTED")
        .hasMessageContaining("another enclave build");
    assertThatThrownBy(
            () ->
                open(
                    host,
                    new Machine(
                        new byte[] {
                          1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                          0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
                        }),
                    build,
                    null))
        .hasMessageContaining("SEALED_DATA_REJECTED")
        .hasMessageContaining("another machine");
    byte[] sealed = storage.files.get(InProcessEnclave.KEYCHAIN_FILE);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(this::start).hasMessageContaining("SEALED_DATA_REJECTED");
  }
}
