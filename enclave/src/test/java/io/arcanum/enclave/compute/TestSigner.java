package io.arcanum.enclave.compute;

import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.SigInfo;
import java.util.Arrays;

/**
 * Stand-in signatures for compute tests until the real §10.1 check is wired: a "signature" names
 * the signer and the signed message; {@link #CHECK} requires both to match what runs and no funds.
 */
final class TestSigner {
  private TestSigner() {}

  static SigInfo sign(byte[] signer, byte[] message) {
    return new SigInfo(message, signer, SigInfo.SIGN_MODE_DIRECT, null, new byte[64], null);
  }

  static final SenderCheck CHECK =
      (sig, expected) -> {
        if (!Arrays.equals(sig.signBytes(), expected.sender())
            || !Arrays.equals(sig.txBytes(), expected.message())
            || !expected.funds().isEmpty()) {
          throw new EnclaveException(Reason.UNAUTHORIZED, "test signature does not match");
        }
      };
}
