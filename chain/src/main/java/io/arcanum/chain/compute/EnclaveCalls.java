package io.arcanum.chain.compute;

import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.ErrorCode;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.gas.OutOfGasException;
import io.arcanum.enclave.api.AdminUpdateCall;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveException;

/**
 * Makes the ECALLs of contract calls on the chain's side of the boundary: with the frame's scope as
 * the current call, the budget's wasm gas limit, the call's wasm gas charged afterwards, and every
 * way a call can end turned into a result or a clean error.
 *
 * <ul>
 *   <li>OK and CONTRACT_ERROR come back as results (a sub-message's caller may get the error as a
 *       reply; the enclave signed it);
 *   <li>FAILED out of gas throws {@link OutOfGasException} ({@code sdk} 11);
 *   <li>other FAILED outcomes (trap, malformed result, …) and refused ECALLs ({@link
 *       EnclaveException}: a forged signature, a wrong code hash, …) throw the operation's compute
 *       error naming the reason, e.g. {@code "UNAUTHORIZED: …: execute contract failed"}.
 * </ul>
 */
final class EnclaveCalls {
  private final Enclave enclave;
  private final ComputeHost host;

  EnclaveCalls(Enclave enclave, ComputeHost host) {
    this.enclave = enclave;
    this.host = host;
  }

  /** One ECALL, given the wasm gas limit it may use. */
  @FunctionalInterface
  interface Ecall {
    ContractResult run(Enclave enclave, long wasmGasLimit) throws EnclaveException;
  }

  /**
   * The {@code updateAdmin} ECALL, as the current call of {@code frame}.
   *
   * @return the new admin's proof (empty when cleared)
   * @throws ChainException {@code sdk} 4 naming why the enclave refused the change
   */
  byte[] updateAdmin(CallFrame frame, AdminUpdateCall call) throws ChainException {
    try {
      return host.call(frame.scope(), () -> enclave.updateAdmin(call));
    } catch (EnclaveException e) {
      throw SdkErrors.UNAUTHORIZED.wrap(e.getMessage());
    }
  }

  /**
   * @param failed the operation's error ({@link ComputeErrors#EXECUTE_FAILED}, …)
   * @return an OK or CONTRACT_ERROR result, its gas charged
   */
  ContractResult run(CallFrame frame, ErrorCode failed, Ecall call) throws ChainException {
    long limit = frame.gas().wasmLimit();
    CallScope scope = frame.scope();
    ContractResult result;
    try {
      result = host.call(scope, () -> call.run(enclave, limit));
    } catch (EnclaveException e) {
      throw failed.wrap(e.getMessage());
    }
    frame.gas().chargeWasm(result.gasUsed());
    if (result.outcome() == ContractResult.Outcome.FAILED) {
      if (result.error().startsWith("OUT_OF_GAS")) {
        throw frame.gas().exhaust();
      }
      throw failed.wrap(result.error());
    }
    return result;
  }
}
