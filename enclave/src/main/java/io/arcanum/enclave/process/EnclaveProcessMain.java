package io.arcanum.enclave.process;

import io.arcanum.enclave.InProcessEnclave;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveConfig;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.process.EnclaveProcess;
import io.arcanum.enclave.api.process.EnclaveProcessChild;
import io.arcanum.enclave.sealing.EnclaveMeasurement;
import io.arcanum.enclave.sealing.PlatformSealingSecret;
import io.arcanum.wasm.runtime.VmThreads;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The enclave process's main class ({@link EnclaveProcess.Options#ENCLAVE_MAIN_CLASS}): an {@link
 * InProcessEnclave} in this JVM, whose OCALLs go back to the host over the socket. Started only by
 * {@link EnclaveProcess#start}; arguments: {@code [--platform-secret <file>]} and those of {@link
 * EnclaveConfig#toArguments()}.
 */
public final class EnclaveProcessMain {
  private EnclaveProcessMain() {}

  public static void main(String[] args) {
    EnclaveProcessChild.run(
        args,
        Enclave.class,
        EnclaveHost.class,
        (host, arguments) ->
            open(host, arguments, EnclaveMeasurement.ofRunningBuild(), new SecureRandom()),
        // Contract code runs on the serving thread itself, which alone may make OCALLs.
        VmThreads.factory("enclave-call"));
  }

  /** Opens the enclave; tests pass another measurement or random source. */
  static Enclave open(
      EnclaveHost host, List<String> arguments, EnclaveMeasurement build, SecureRandom random)
      throws EnclaveException {
    Path secretFile = PlatformSealingSecret.defaultLocation();
    List<String> rest = new ArrayList<>();
    EnclaveConfig config;
    try {
      config = EnclaveConfig.fromArguments(arguments, rest);
    } catch (IllegalArgumentException e) {
      throw new EnclaveException(Reason.INVALID_INPUT, e.getMessage());
    }
    for (int i = 0; i < rest.size(); i += 2) {
      if (rest.get(i).equals("--platform-secret")) {
        secretFile = Path.of(rest.get(i + 1));
      } else {
        throw new EnclaveException(
            Reason.INVALID_INPUT, "unknown enclave process argument " + rest.get(i));
      }
    }
    PlatformSealingSecret platform;
    try {
      // A fresh source: the enclave's own stream stays as given (tests replay it).
      platform = PlatformSealingSecret.loadOrCreate(secretFile, new SecureRandom());
    } catch (IOException e) {
      throw new EnclaveException(
          Reason.STORAGE_FAILURE, "cannot load the platform sealing secret: " + e.getMessage());
    }
    return new InProcessEnclave(host, platform, build, random, config);
  }
}
