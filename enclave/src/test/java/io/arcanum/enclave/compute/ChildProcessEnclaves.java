package io.arcanum.enclave.compute;

import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.process.EnclaveProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Starts the production enclave process for the compute suites' child-process variants. */
final class ChildProcessEnclaves {
  private ChildProcessEnclaves() {}

  static Enclave start(EnclaveHost host) throws Exception {
    Path machine = Files.createTempDirectory("arcanum-machine");
    return EnclaveProcess.start(
        host,
        EnclaveProcess.Options.defaults()
            .withPlatformSecret(machine.resolve("sim-platform.key"))
            .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(10)));
  }
}
