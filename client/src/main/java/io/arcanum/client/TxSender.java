package io.arcanum.client;

import com.google.protobuf.Any;
import io.arcanum.client.lcd.IndexedTx;
import io.arcanum.client.lcd.LcdClient;
import io.arcanum.client.lcd.LcdException;
import io.arcanum.client.tx.SignedTx;
import io.arcanum.client.tx.SignerData;
import io.arcanum.client.tx.TxBuilder;
import io.arcanum.client.wallet.Wallet;
import io.arcanum.proto.cosmos.base.abci.v1beta1.GasInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.Fee;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * secret.js's {@code signAndBroadcast} (secretjs-api.md §2, §4.4): encode the messages, read the
 * account, choose the gas limit, sign, broadcast, and poll the tx by hash until its block.
 */
final class TxSender {
  private final LcdClient lcd;
  private final String chainId;
  private final Wallet wallet; // null for a query-only client
  private final MessageEncoder encoder;
  private final TxResponseDecoder decoder;
  private final Ticker ticker;

  TxSender(
      LcdClient lcd,
      String chainId,
      Wallet wallet,
      MessageEncoder encoder,
      TxResponseDecoder decoder,
      Ticker ticker) {
    this.lcd = lcd;
    this.chainId = chainId;
    this.wallet = wallet;
    this.encoder = encoder;
    this.decoder = decoder;
    this.ticker = ticker;
  }

  SignedTx sign(List<? extends TxMsg> msgs, TxOptions options) {
    Wallet signer = requireWallet();
    List<Any> messages = encode(msgs, signer); // bad input fails before any request
    SignerData signerData = signerData(options);
    long gasLimit;
    if (options.gasLimit().isPresent()) {
      gasLimit = options.gasLimit().getAsLong();
    } else if (options.gasAdjustment().isPresent()) {
      GasInfo gas = simulate(messages, options, signerData.sequence());
      gasLimit = (long) Math.ceil(gas.getGasUsed() * options.gasAdjustment().getAsDouble());
    } else {
      gasLimit = options.gasLimitOrDefault();
    }
    Fee fee = TxBuilder.fee(gasLimit, options.gasPrice(), options.feeGranter());
    return TxBuilder.sign(signer, messages, fee, options.memo(), signerData);
  }

  GasInfo simulate(List<? extends TxMsg> msgs, TxOptions options) {
    Wallet signer = requireWallet();
    return simulate(encode(msgs, signer), options, signerData(options).sequence());
  }

  private GasInfo simulate(List<Any> messages, TxOptions options, long sequence) {
    Wallet signer = requireWallet();
    Fee fee = TxBuilder.fee(options.gasLimitOrDefault(), options.gasPrice(), options.feeGranter());
    SignedTx tx =
        TxBuilder.forSimulation(
            signer.publicKeyAny(), signer.signMode(), messages, fee, options.memo(), sequence);
    return lcd.simulate(tx.txBytes()).getGasInfo();
  }

  TxResponse broadcastSigned(SignedTx tx, TxOptions options) {
    long start = ticker.nanoTime();
    io.arcanum.proto.cosmos.base.abci.v1beta1.TxResponse checked =
        lcd.broadcastTx(
            tx.txBytes(),
            options.broadcastMode() == BroadcastMode.ASYNC
                ? io.arcanum.proto.cosmos.tx.v1beta1.BroadcastMode.BROADCAST_MODE_ASYNC
                : io.arcanum.proto.cosmos.tx.v1beta1.BroadcastMode.BROADCAST_MODE_SYNC);
    if (checked.getCode() != 0) {
      throw new BroadcastRejectedException(
          tx.hash(), checked.getCode(), checked.getCodespace(), checked.getRawLog());
    }
    options
        .progress()
        .accept(new TxProgress(TxProgress.Stage.BROADCAST, tx.hash(), 0, Duration.ZERO));
    if (!options.waitForCommit()) {
      return TxResponseDecoder.uncommitted(checked, tx.hash());
    }
    return waitForCommit(tx.hash(), options, start);
  }

  // secret.js: sleep half an interval, then poll every interval while "tx not found"
  private TxResponse waitForCommit(String hash, TxOptions options, long start) {
    Duration interval = options.broadcastCheckInterval();
    sleep(interval.dividedBy(2), hash);
    for (int checks = 1; ; checks++) {
      Optional<IndexedTx> found = lcd.getTx(hash);
      Duration elapsed = Duration.ofNanos(ticker.nanoTime() - start);
      if (found.isPresent()) {
        options
            .progress()
            .accept(new TxProgress(TxProgress.Stage.COMMITTED, hash, checks, elapsed));
        return decoder.decode(found.get());
      }
      if (elapsed.compareTo(options.broadcastTimeout()) > 0) {
        throw new TxTimeoutException(hash, options.broadcastTimeout());
      }
      options.progress().accept(new TxProgress(TxProgress.Stage.WAITING, hash, checks, elapsed));
      sleep(interval, hash);
    }
  }

  private void sleep(Duration duration, String hash) {
    try {
      ticker.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SecretNetworkException("interrupted while waiting for tx " + hash, e);
    }
  }

  private List<Any> encode(List<? extends TxMsg> msgs, Wallet signer) {
    if (msgs.isEmpty()) {
      throw new IllegalArgumentException("a tx needs at least one message");
    }
    List<Any> out = new ArrayList<>(msgs.size());
    for (TxMsg msg : msgs) {
      out.add(encoder.encode(Objects.requireNonNull(msg, "msg"), signer));
    }
    return out;
  }

  /** secret.js reads the account before every tx (secretjs-api.md §4.4). */
  private SignerData signerData(TxOptions options) {
    if (options.explicitSignerData().isPresent()) {
      return options.explicitSignerData().get();
    }
    if (chainId.isEmpty()) {
      throw new IllegalStateException("this client has no chain id; build it with .chainId(...)");
    }
    String address = requireWallet().address();
    try {
      var account = lcd.account(address);
      return new SignerData(account.getAccountNumber(), account.getSequence(), chainId);
    } catch (LcdException e) {
      if (e.isNotFound()) {
        throw new SecretNetworkException(
            "cannot sign for "
                + address
                + ": the account does not exist on the chain yet (it must receive funds first)",
            e);
      }
      throw e;
    }
  }

  Wallet requireWallet() {
    if (wallet == null) {
      throw new IllegalStateException("this client has no wallet; build it with .wallet(...)");
    }
    return wallet;
  }
}
