package io.arcanum.chain.app;

import com.google.protobuf.Any;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.auth.Addresses;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.gas.OutOfGasException;
import io.arcanum.chain.module.BlockInfo;
import io.arcanum.chain.module.MessageHandler;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.module.TxInfo;
import io.arcanum.chain.state.CacheKvStore;
import io.arcanum.chain.state.KvStore;
import io.arcanum.chain.tx.AnteHandler;
import io.arcanum.chain.tx.AnteResult;
import io.arcanum.chain.tx.DecodedTx;
import io.arcanum.chain.tx.ExecMode;
import io.arcanum.chain.tx.TxDecoder;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxMsgData;
import java.util.ArrayList;
import java.util.List;

/**
 * One tx through baseapp's {@code runTx} (docs/chain.md "Tx lifecycle"): size, decode, every
 * message's signer, the ante handler in its own branch (kept even if a message fails), then the
 * messages in a second branch that is written only if all succeed. Every failure becomes a result
 * with the error's code and log; nothing a tx does can fail the block.
 */
final class TxRunner {
  private static final System.Logger LOG = System.getLogger(TxRunner.class.getName());

  private final TxDecoder decoder;
  private final AnteHandler ante;
  private final MessageRouter router;
  private final Addresses addresses;
  private final int maxTxBytes;

  TxRunner(
      TxDecoder decoder,
      AnteHandler ante,
      MessageRouter router,
      Addresses addresses,
      int maxTxBytes) {
    this.decoder = decoder;
    this.ante = ante;
    this.router = router;
    this.addresses = addresses;
    this.maxTxBytes = maxTxBytes;
  }

  /**
   * Runs {@code txBytes} on {@code state}: on success the ante's writes and (except in {@link
   * ExecMode#CHECK}) the messages' writes are applied to it; on failure only the ante's writes, or
   * nothing if the ante failed.
   */
  /** The gas a simulation may use whatever the tx's own limit (100 million). */
  static final long SIMULATION_GAS_LIMIT = 100_000_000;

  TxResult run(KvStore state, BlockInfo block, int index, byte[] txBytes, ExecMode mode) {
    if (txBytes.length > maxTxBytes) {
      return failure(
          SdkErrors.TX_TOO_LARGE.wrapf(
              "tx is %d bytes, the maximum is %d", txBytes.length, maxTxBytes),
          0,
          0,
          List.of());
    }
    DecodedTx tx;
    List<byte[]> signers;
    try {
      tx = decoder.decode(txBytes);
      signers = signers(tx);
    } catch (ChainException e) {
      return failure(e, 0, 0, List.of());
    }
    long gasWanted = tx.gasLimit();
    boolean simulate = mode == ExecMode.SIMULATE;
    long limit = gasWanted < 0 ? Long.MAX_VALUE : gasWanted;
    // The SDK simulates with an infinite gas meter (ante SetGasMeter), so a client estimates a tx
    // whose gas limit is still a guess (secret.js signs simulations with its default 25 000);
    // bounded here so a simulated contract loop ends.
    GasMeter gas = GasMeter.limited(simulate ? Math.max(limit, SIMULATION_GAS_LIMIT) : limit);

    MsgContext anteContext = new MsgContext(block, null, 0, state, gas, simulate);
    AnteResult signer;
    try {
      signer = ante.run(anteContext, tx, signers, mode);
    } catch (ChainException e) {
      return failure(e, gasWanted, gas.consumed(), List.of());
    } catch (OutOfGasException e) {
      return outOfGas(e, gasWanted, gas, List.of());
    } catch (RuntimeException e) {
      return internal(e, tx, gasWanted, gas, List.of());
    }
    anteContext.writeToParent();
    List<Event> anteEvents = anteContext.events();
    if (mode == ExecMode.CHECK) {
      return new TxResult(0, "", "", new byte[0], gasWanted, gas.consumed(), List.of());
    }

    TxInfo info =
        new TxInfo(
            index,
            tx.hash(),
            tx.txBytes(),
            signer.signMode(),
            signer.signBytes(),
            signer.publicKey(),
            signer.signature(),
            signer.signer());
    CacheKvStore messages = new CacheKvStore(state);
    List<Event> events = new ArrayList<>(anteEvents);
    TxMsgData.Builder data = TxMsgData.newBuilder();
    for (int i = 0; i < tx.messages().size(); i++) {
      Any message = tx.messages().get(i);
      MsgContext context = new MsgContext(block, info, i, messages, gas, simulate);
      Any response;
      try {
        response = router.handler(message.getTypeUrl()).deliver(context, message);
        if (response == null) {
          throw SdkErrors.LOGIC.wrapf(
              "got nil Msg response at index %d for msg %s", i, message.getTypeUrl());
        }
      } catch (ChainException e) {
        return failure(
            e.wrap("failed to execute message; message index: " + i),
            gasWanted,
            gas.consumed(),
            anteEvents);
      } catch (OutOfGasException e) {
        return outOfGas(e, gasWanted, gas, anteEvents);
      } catch (RuntimeException e) {
        return internal(e, tx, gasWanted, gas, anteEvents);
      }
      context.writeToParent();
      events.addAll(
          MessageRouter.messageEvents(
              i, message.getTypeUrl(), addresses.format(signers.get(i)), context.events()));
      data.addMsgResponses(response);
    }
    messages.write();
    return new TxResult(0, "", "", data.build().toByteArray(), gasWanted, gas.consumed(), events);
  }

  /**
   * baseapp's {@code validateBasicTxMsgs}: at least one message, each routable, and its signer
   * ({@link MessageHandler#signer}, the message's stateless checks).
   */
  private List<byte[]> signers(DecodedTx tx) throws ChainException {
    if (tx.messages().isEmpty()) {
      throw SdkErrors.INVALID_REQUEST.wrap("must contain at least one message");
    }
    List<byte[]> signers = new ArrayList<>();
    for (Any message : tx.messages()) {
      MessageHandler handler = router.handler(message.getTypeUrl());
      if (handler == null) {
        throw SdkErrors.UNKNOWN_REQUEST.wrap(
            "no message handler found for " + message.getTypeUrl());
      }
      signers.add(handler.signer(message));
    }
    return signers;
  }

  private static TxResult failure(
      ChainException e, long gasWanted, long gasUsed, List<Event> events) {
    return new TxResult(
        e.code(), e.codespace(), e.getMessage(), new byte[0], gasWanted, gasUsed, events);
  }

  /** baseapp's out-of-gas recovery: code 11, never "failed to execute message". */
  private static TxResult outOfGas(
      OutOfGasException e, long gasWanted, GasMeter gas, List<Event> events) {
    return failure(SdkErrors.OUT_OF_GAS.wrap(e.getMessage()), gasWanted, gas.consumed(), events);
  }

  private static TxResult internal(
      RuntimeException e, DecodedTx tx, long gasWanted, GasMeter gas, List<Event> events) {
    // The exception's message may hold contract data; log where it came from, not what it says.
    StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
    LOG.log(
        System.Logger.Level.ERROR,
        "bug while running tx {0}: {1} at {2}",
        tx.hashHex(),
        e.getClass().getName(),
        at);
    return new TxResult(
        TxResult.INTERNAL_CODE,
        TxResult.INTERNAL_CODESPACE,
        "internal error",
        new byte[0],
        gasWanted,
        gas.consumed(),
        events);
  }
}
