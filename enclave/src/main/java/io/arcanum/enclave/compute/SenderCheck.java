package io.arcanum.enclave.compute;

import io.arcanum.enclave.api.Coin;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.SigInfo;
import java.util.List;

/**
 * Proves inside the enclave that the message about to run is the one its sender signed (protocol.md
 * §10.1), or that a contract-to-contract call carries a valid callback signature (§10.2).
 */
@FunctionalInterface
public interface SenderCheck {

  /** Which compute message is being run. */
  enum Kind {
    INSTANTIATE,
    EXECUTE,
    MIGRATE
  }

  /**
   * What the enclave is about to run, as the node described it.
   *
   * @param contract canonical contract address; {@code null} for instantiate
   * @param message the exact input bytes
   * @param admin instantiate: the admin of the message ({@code ""} for none)
   */
  record Expected(
      Kind kind, byte[] sender, byte[] contract, byte[] message, List<Coin> funds, String admin) {}

  /**
   * @throws EnclaveException UNAUTHORIZED naming the check that failed
   */
  void verify(SigInfo sigInfo, Expected expected) throws EnclaveException;
}
