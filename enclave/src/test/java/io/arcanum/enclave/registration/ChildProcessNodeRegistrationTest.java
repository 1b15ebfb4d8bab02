package io.arcanum.enclave.registration;

import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveConfig;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.process.EnclaveProcess;
import io.arcanum.enclave.sealing.PlatformSealingSecret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@link NodeRegistrationTest} with every node's enclave in a child JVM, configured by arguments.
 */
class ChildProcessNodeRegistrationTest extends NodeRegistrationTest {
  @Override
  Enclave open(EnclaveHost host, PlatformSealingSecret machine, EnclaveConfig config)
      throws Exception {
    Path secret =
        dir.resolve("machine-" + Integer.toHexString(System.identityHashCode(machine)) + ".key");
    if (!Files.exists(secret)) {
      Files.write(secret, machine.exportSecret());
    }
    return EnclaveProcess.start(
        host,
        EnclaveProcess.Options.defaults()
            .withPlatformSecret(secret)
            .withArguments(config.toArguments())
            .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(10)));
  }
}
