package io.arcanum.chain.compute;

import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.gas.GasConfig;
import io.arcanum.chain.gas.GasKvStore;
import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.gas.OutOfGasException;
import io.arcanum.chain.module.QueryContext;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.QueryCall;

/**
 * Smart queries (Secret's {@code querySmartImpl}): a client's encrypted query in, the encrypted
 * answer out. A client's query waits for the host's lock like any ECALL; a contract's query runs
 * nested inside the call that made it, over that call's state and gas meter.
 */
final class SmartQueries {
  /** SDK gas a client's query may use when the context sets no tighter bound (Secret: 10 M). */
  static final long QUERY_GAS_LIMIT = 10_000_000;

  private final Enclave enclave;
  private final ComputeHost host;

  SmartQueries(Enclave enclave, ComputeHost host) {
    this.enclave = enclave;
    this.host = host;
  }

  /**
   * A client's smart query.
   *
   * @return the raw AES-SIV answer ({@code QuerySecretContractResponse.data})
   * @throws ChainException {@code compute} 4 {@code "encrypted: <b64>: query contract failed"} for
   *     a contract error, {@code compute} 9 for an unknown contract, {@code sdk} 11 out of gas
   */
  byte[] query(QueryContext context, byte[] contract, byte[] message) throws ChainException {
    GasMeter gas =
        context.gas().isInfinite()
            ? GasMeter.limited(QUERY_GAS_LIMIT)
            : GasMeter.limited(Math.min(QUERY_GAS_LIMIT, context.gas().remaining()));
    GasKvStore metered = new GasKvStore(context.store(), gas, GasConfig.KV);
    try {
      gas.consume(GasBudget.INSTANCE_COST, "Loading CosmWasm module: query");
      ContractRef ref = ContractRef.require(new ComputeState(metered), contract);
      CallScope scope =
          new CallScope(metered, context.store(), gas, CallFrame.blockEnv(context.block()), true);
      GasBudget budget = GasBudget.of(gas);
      long limit = budget.wasmLimit();
      ContractResult result;
      try {
        result =
            host.call(
                scope,
                () ->
                    enclave.query(
                        new QueryCall(
                            ref.codeHash(),
                            scope.block(),
                            contract,
                            ref.key(),
                            message,
                            limit,
                            0)));
      } catch (EnclaveException e) {
        throw ComputeErrors.QUERY_FAILED.wrap(e.getMessage());
      }
      budget.chargeWasm(result.gasUsed());
      if (!result.isOk()) {
        if (result.error().startsWith("OUT_OF_GAS")) {
          throw budget.exhaust();
        }
        throw ComputeErrors.QUERY_FAILED.wrap(result.error());
      }
      return result.output();
    } catch (OutOfGasException e) {
      throw SdkErrors.OUT_OF_GAS.wrap(e.getMessage());
    }
  }

  /**
   * A contract's smart query of {@code ref}, made from inside the call of {@code outer} (an OCALL):
   * charges the instance cost to the caller's meter and runs nested.
   */
  ContractResult nested(CallScope outer, ContractRef ref, byte[] message, int depth, long gasLimit)
      throws EnclaveException {
    outer.gas().consume(GasBudget.INSTANCE_COST, "Loading CosmWasm module: query");
    CallScope scope = outer.forQuery();
    return host.nested(
        scope,
        () ->
            enclave.query(
                new QueryCall(
                    ref.codeHash(),
                    outer.block(),
                    ref.address(),
                    ref.key(),
                    message,
                    gasLimit,
                    depth)));
  }
}
