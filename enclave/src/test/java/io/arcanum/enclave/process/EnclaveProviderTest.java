package io.arcanum.enclave.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.enclave.api.DirectorySealedStorage;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveConfig;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.EnclaveLauncher;
import io.arcanum.enclave.api.EnclaveMode;
import io.arcanum.enclave.api.EnclaveProvider;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.enclave.api.SimulatedPlatformInfo;
import io.arcanum.enclave.api.process.EnclaveProcess;
import io.arcanum.enclave.sealing.EnclaveMeasurement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider SPI as the node uses it: found by {@link java.util.ServiceLoader}, it opens the same
 * enclave from the same arguments as the enclave process, so a keychain sealed in one mode opens in
 * the other.
 */
@Timeout(180)
class EnclaveProviderTest {
  @TempDir Path home;

  EnclaveHost host() throws Exception {
    DirectorySealedStorage storage = new DirectorySealedStorage(home.resolve("sealed"));
    return () -> storage;
  }

  EnclaveConfig config() {
    return new EnclaveConfig(
        "secret", List.of(), List.of(), List.of(), home.resolve("platform").toString());
  }

  static EnclaveProcess.Options processOptions() {
    return EnclaveProcess.Options.defaults()
        .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(10));
  }

  @Test
  void theServiceLoaderFindsTheEnclaveModulesProvider() throws Exception {
    EnclaveProvider provider = EnclaveProvider.load();
    assertThat(provider).isInstanceOf(InProcessEnclaveProvider.class);
    assertThat(provider.measurement()).isEqualTo(EnclaveMeasurement.ofRunningBuild().bytes());
  }

  @Test
  void aKeychainSealedInProcessOpensInAChildProcessAndBack() throws Exception {
    Path secret = home.resolve("platform.key");
    NetworkPublicKeys keys;
    try (Enclave enclave =
        EnclaveLauncher.open(EnclaveMode.IN_PROCESS, host(), secret, config(), processOptions())) {
      assertThat(enclave).isInstanceOf(io.arcanum.enclave.InProcessEnclave.class);
      keys = enclave.bootstrap();
    }
    try (Enclave child =
        EnclaveLauncher.open(EnclaveMode.PROCESS, host(), secret, config(), processOptions())) {
      assertThat(EnclaveProcess.processOf(child)).isPresent();
      assertThat(child.networkPublicKeys()).isEqualTo(keys);
      child.newRegistrationKey();
    }
    try (Enclave again =
        EnclaveLauncher.open(EnclaveMode.IN_PROCESS, host(), secret, config(), processOptions())) {
      assertThat(again.networkPublicKeys()).isEqualTo(keys);
      assertThat(again.status().hasRegistrationKey()).isTrue();
    }
  }

  @Test
  void anotherPlatformSecretCannotOpenTheSealedKeychain() throws Exception {
    try (Enclave enclave =
        EnclaveLauncher.open(
            EnclaveMode.IN_PROCESS, host(), home.resolve("a.key"), config(), processOptions())) {
      enclave.bootstrap();
    }
    assertThatThrownBy(
            () ->
                EnclaveLauncher.open(
                    EnclaveMode.IN_PROCESS, host(), home.resolve("b.key"), config()))
        .isInstanceOfSatisfying(
            EnclaveException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.SEALED_DATA_REJECTED));
  }

  @Test
  void unknownArgumentsAreRefusedByName() throws Exception {
    assertThatThrownBy(() -> EnclaveProvider.load().open(host(), List.of("--colour", "blue")))
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT))
        .hasMessageContaining("--colour");
  }

  @Test
  void theSimulatedPlatformKeepsItsRootAndMachine() throws Exception {
    EnclaveProvider provider = EnclaveProvider.load();
    SimulatedPlatformInfo first = provider.openSimulatedPlatform(home.resolve("platform"));
    assertThat(provider.openSimulatedPlatform(home.resolve("platform"))).isEqualTo(first);
    assertThat(provider.openSimulatedPlatform(home.resolve("other"))).isNotEqualTo(first);
  }
}
