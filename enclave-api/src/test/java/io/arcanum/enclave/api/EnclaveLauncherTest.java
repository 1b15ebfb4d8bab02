package io.arcanum.enclave.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher's side that needs no enclave: one argument list for both modes, mode names, and a
 * clear refusal when the enclave jar is not on the class path (this module's tests do not have it).
 */
class EnclaveLauncherTest {
  static final EnclaveConfig CONFIG =
      new EnclaveConfig(
          "secret",
          List.of("aa".repeat(32)),
          List.of("bb".repeat(32)),
          List.of("cc".repeat(20)),
          "/p");

  @Test
  void bothModesTakeThePlatformSecretThenTheConfigArguments() {
    List<String> arguments = EnclaveLauncher.arguments(Path.of("/home/x/platform.key"), CONFIG);
    assertThat(arguments.subList(0, 2))
        .containsExactly("--platform-secret", "/home/x/platform.key");
    assertThat(arguments.subList(2, arguments.size())).isEqualTo(CONFIG.toArguments());
    List<String> rest = new ArrayList<>();
    assertThat(EnclaveConfig.fromArguments(arguments, rest)).isEqualTo(CONFIG);
    assertThat(rest).containsExactly("--platform-secret", "/home/x/platform.key");
  }

  @Test
  void modesAreReadByTheirConfigNames() {
    assertThat(EnclaveMode.parse("in-process")).isEqualTo(EnclaveMode.IN_PROCESS);
    assertThat(EnclaveMode.parse("PROCESS")).isEqualTo(EnclaveMode.PROCESS);
    assertThatThrownBy(() -> EnclaveMode.parse("sgx"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[in-process, process]")
        .hasMessageContaining("sgx");
  }

  @Test
  void withoutTheEnclaveJarTheProviderIsUnavailableWithAReason() {
    assertThatThrownBy(EnclaveProvider::load)
        .isInstanceOfSatisfying(
            EnclaveException.class,
            e -> assertThat(e.reason()).isEqualTo(EnclaveException.Reason.ENCLAVE_UNAVAILABLE))
        .hasMessageContaining("arcanum-enclave jar is missing");
    assertThatThrownBy(
            () ->
                EnclaveLauncher.open(
                    EnclaveMode.IN_PROCESS, () -> null, Path.of("/nonexistent"), CONFIG))
        .isInstanceOf(EnclaveException.class);
  }

  @Test
  void simulatedPlatformFactsAreLowerCaseHexOfTheRightLength() {
    new SimulatedPlatformInfo("ab".repeat(32), "cd".repeat(20));
    assertThatThrownBy(() -> new SimulatedPlatformInfo("AB".repeat(32), "cd".repeat(20)))
        .hasMessageContaining("root fingerprint");
    assertThatThrownBy(() -> new SimulatedPlatformInfo("ab".repeat(32), "cd".repeat(19)))
        .hasMessageContaining("machine id");
    assertThatThrownBy(() -> new SimulatedPlatformInfo("zz".repeat(32), "cd".repeat(20)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
