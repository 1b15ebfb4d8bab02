package io.arcanum.chain.compute;

import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.BlockInfo;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.module.TxInfo;
import io.arcanum.enclave.api.BlockEnv;
import io.arcanum.enclave.api.ContractCall;
import java.util.HexFormat;

/**
 * Where a contract call runs: the message context (a sub-message's own branch), the gas budget, and
 * how deep in a chain of sub-messages it is (0 for the tx's own message).
 */
record CallFrame(MsgContext context, GasBudget gas, int depth) {

  static CallFrame top(MsgContext context) {
    return new CallFrame(context, GasBudget.of(context.gas()), 0);
  }

  ComputeState state() {
    return new ComputeState(context.store());
  }

  ComputeState unmetered() {
    return new ComputeState(context.unmeteredStore());
  }

  /** The scope the enclave's OCALLs reach during a call from this frame. */
  CallScope scope() throws ChainException {
    return new CallScope(
        context.store(), context.unmeteredStore(), context.gas(), blockEnv(context.block()), false);
  }

  /** The tx's index and hash as contracts see them ({@code env.transaction}), or null. */
  ContractCall.TransactionInfo transaction() {
    TxInfo tx = context.tx();
    return tx == null
        ? null
        : new ContractCall.TransactionInfo(
            tx.index(), HexFormat.of().withUpperCase().formatHex(tx.hash()));
  }

  /**
   * @throws ChainException {@code sdk} 18 at height 0: contracts run in blocks only
   */
  static BlockEnv blockEnv(BlockInfo block) throws ChainException {
    if (block.height() < 1) {
      throw SdkErrors.INVALID_REQUEST.wrap(
          "contracts cannot run at height " + block.height() + " (genesis)");
    }
    // Secret's block random (protocol.md §11) is not part of the chain's block info yet.
    return new BlockEnv(block.height(), block.timeNanos(), block.chainId(), null);
  }
}
