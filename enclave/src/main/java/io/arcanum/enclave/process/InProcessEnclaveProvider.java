package io.arcanum.enclave.process;

import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.EnclaveProvider;
import io.arcanum.enclave.api.SimulatedPlatformInfo;
import io.arcanum.enclave.attestation.sim.SimulatedPlatform;
import io.arcanum.enclave.sealing.EnclaveMeasurement;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/**
 * The enclave module's {@link EnclaveProvider} (registered in {@code META-INF/services}): opens an
 * {@code InProcessEnclave} exactly as the enclave process's main class does, from the same
 * arguments, so a node's configuration means the same in either mode.
 */
public final class InProcessEnclaveProvider implements EnclaveProvider {

  /** For {@link java.util.ServiceLoader}. */
  public InProcessEnclaveProvider() {}

  @Override
  public Enclave open(EnclaveHost host, List<String> arguments) throws EnclaveException {
    return EnclaveProcessMain.open(
        host, arguments, EnclaveMeasurement.ofRunningBuild(), new SecureRandom());
  }

  @Override
  public SimulatedPlatformInfo openSimulatedPlatform(Path directory) throws EnclaveException {
    try {
      SimulatedPlatform platform = SimulatedPlatform.openOrCreate(directory, new SecureRandom());
      return new SimulatedPlatformInfo(
          platform.rootFingerprint(), platform.machine().machineId().hex());
    } catch (IOException | RuntimeException e) {
      throw new EnclaveException(
          Reason.STORAGE_FAILURE,
          "cannot open the simulated platform in " + directory + ": " + e.getMessage());
    }
  }

  @Override
  public byte[] measurement() {
    return EnclaveMeasurement.ofRunningBuild().bytes();
  }
}
