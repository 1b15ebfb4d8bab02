package io.arcanum.enclave;

import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.sealing.EnclaveMeasurement;
import io.arcanum.enclave.sealing.PlatformSealingSecret;
import java.security.SecureRandom;

/** The boundary's contract, met by the enclave in this process. */
class InProcessEnclaveTest extends EnclaveContractTest {
  @Override
  protected Enclave open(
      EnclaveHost host, Machine machine, EnclaveMeasurement build, Long randomSeed)
      throws EnclaveException {
    SecureRandom random;
    try {
      random = randomSeed == null ? new SecureRandom() : deterministic(randomSeed);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return new InProcessEnclave(host, PlatformSealingSecret.of(machine.secret()), build, random);
  }
}
