package io.arcanum.client;

import io.arcanum.client.tx.GasPrice;
import io.arcanum.client.tx.SignerData;
import io.arcanum.client.tx.TxBuilder;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Per-tx options, secret.js's {@code TxOptions} (secretjs-api.md §4.3) with its defaults: gas limit
 * 25 000, gas price 0.1 uscrt (fee = ceil(limit × price)), memo {@code ""}, broadcast sync, wait
 * for commit, time out after 60 s. Only the check interval differs: 1 s instead of 6 s, since dev
 * chains make a block every second or two (set it back to 6 s for mainnet).
 *
 * <pre>{@code
 * TxOptions.builder().gasLimit(200_000).memo("hello").build()
 * }</pre>
 */
public final class TxOptions {
  private static final TxOptions DEFAULTS = new Builder().build();

  private final OptionalLong gasLimit;
  private final OptionalDouble gasAdjustment;
  private final GasPrice gasPrice;
  private final String feeGranter;
  private final String memo;
  private final BroadcastMode broadcastMode;
  private final boolean waitForCommit;
  private final Duration broadcastTimeout;
  private final Duration broadcastCheckInterval;
  private final Optional<SignerData> explicitSignerData;
  private final Consumer<TxProgress> progress;

  private TxOptions(Builder b) {
    this.gasLimit = b.gasLimit;
    this.gasAdjustment = b.gasAdjustment;
    this.gasPrice = b.gasPrice;
    this.feeGranter = b.feeGranter;
    this.memo = b.memo;
    this.broadcastMode = b.broadcastMode;
    this.waitForCommit = b.waitForCommit;
    this.broadcastTimeout = b.broadcastTimeout;
    this.broadcastCheckInterval = b.broadcastCheckInterval;
    this.explicitSignerData = b.explicitSignerData;
    this.progress = b.progress;
  }

  /** secret.js's defaults (see the class comment). */
  public static TxOptions defaults() {
    return DEFAULTS;
  }

  /** The defaults with this gas limit, the option most calls set. */
  public static TxOptions withGasLimit(long gasLimit) {
    return builder().gasLimit(gasLimit).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.gasLimit = gasLimit;
    b.gasAdjustment = gasAdjustment;
    b.gasPrice = gasPrice;
    b.feeGranter = feeGranter;
    b.memo = memo;
    b.broadcastMode = broadcastMode;
    b.waitForCommit = waitForCommit;
    b.broadcastTimeout = broadcastTimeout;
    b.broadcastCheckInterval = broadcastCheckInterval;
    b.explicitSignerData = explicitSignerData;
    b.progress = progress;
    return b;
  }

  /** The explicit gas limit, if set. */
  public OptionalLong gasLimit() {
    return gasLimit;
  }

  /**
   * If set (and no explicit gas limit), the tx is simulated first and gets {@code gasUsed × this}.
   */
  public OptionalDouble gasAdjustment() {
    return gasAdjustment;
  }

  /** The gas limit to use when neither an explicit limit nor estimation applies. */
  public long gasLimitOrDefault() {
    return gasLimit.orElse(TxBuilder.DEFAULT_GAS_LIMIT);
  }

  public GasPrice gasPrice() {
    return gasPrice;
  }

  /** The fee granter's address, or {@code ""}. */
  public String feeGranter() {
    return feeGranter;
  }

  public String memo() {
    return memo;
  }

  public BroadcastMode broadcastMode() {
    return broadcastMode;
  }

  public boolean waitForCommit() {
    return waitForCommit;
  }

  public Duration broadcastTimeout() {
    return broadcastTimeout;
  }

  public Duration broadcastCheckInterval() {
    return broadcastCheckInterval;
  }

  /** Account number, sequence and chain id to sign with instead of asking the node. */
  public Optional<SignerData> explicitSignerData() {
    return explicitSignerData;
  }

  /** Called at each step of a broadcast; does nothing by default. */
  public Consumer<TxProgress> progress() {
    return progress;
  }

  @Override
  public String toString() {
    return "TxOptions[gasLimit="
        + (gasLimit.isPresent() ? gasLimit.getAsLong() : "default")
        + ", gasPrice="
        + gasPrice
        + ", memo="
        + memo.length()
        + " chars, mode="
        + broadcastMode
        + ", waitForCommit="
        + waitForCommit
        + "]";
  }

  /** Builds {@link TxOptions}; every setter checks its argument. */
  public static final class Builder {
    private OptionalLong gasLimit = OptionalLong.empty();
    private OptionalDouble gasAdjustment = OptionalDouble.empty();
    private GasPrice gasPrice = GasPrice.DEFAULT;
    private String feeGranter = "";
    private String memo = "";
    private BroadcastMode broadcastMode = BroadcastMode.SYNC;
    private boolean waitForCommit = true;
    private Duration broadcastTimeout = Duration.ofSeconds(60);
    private Duration broadcastCheckInterval = Duration.ofSeconds(1);
    private Optional<SignerData> explicitSignerData = Optional.empty();
    private Consumer<TxProgress> progress = p -> {};

    private Builder() {}

    /** The tx's gas limit (default 25 000, secret.js's). */
    public Builder gasLimit(long limit) {
      if (limit <= 0) {
        throw new IllegalArgumentException("gas limit must be positive, got " + limit);
      }
      this.gasLimit = OptionalLong.of(limit);
      return this;
    }

    /**
     * Estimates the gas limit by simulating the tx first: {@code ceil(gasUsed × adjustment)}, e.g.
     * 1.3. An explicit {@link #gasLimit} wins. Secret and Arcanum nodes refuse to simulate
     * instantiate and execute (the enclave checks the sender's signature, which a simulation does
     * not have), so those fail with an {@link io.arcanum.client.lcd.LcdException}; store and send
     * simulate everywhere.
     */
    public Builder estimateGas(double adjustment) {
      if (!(adjustment >= 1.0) || Double.isInfinite(adjustment)) {
        throw new IllegalArgumentException("gas adjustment must be 1.0 or more, got " + adjustment);
      }
      this.gasAdjustment = OptionalDouble.of(adjustment);
      return this;
    }

    /** The fee per gas (default 0.1 uscrt). */
    public Builder gasPrice(GasPrice price) {
      this.gasPrice = Objects.requireNonNull(price, "gasPrice");
      return this;
    }

    /** Has the fee paid by a granter (a fee grant must exist on chain). */
    public Builder feeGranter(String address) {
      this.feeGranter = Objects.requireNonNull(address, "feeGranter");
      return this;
    }

    public Builder memo(String text) {
      this.memo = Objects.requireNonNull(text, "memo");
      return this;
    }

    public Builder broadcastMode(BroadcastMode mode) {
      this.broadcastMode = Objects.requireNonNull(mode, "broadcastMode");
      return this;
    }

    /**
     * Whether to wait until the tx is in a block (default true). Without waiting, the result has
     * only the hash and the CheckTx answer ({@link TxResponse#isCommitted()} is false).
     */
    public Builder waitForCommit(boolean wait) {
      this.waitForCommit = wait;
      return this;
    }

    /** How long to wait for the tx to be committed (default 60 s). */
    public Builder broadcastTimeout(Duration timeout) {
      this.broadcastTimeout = positive(timeout, "broadcast timeout");
      return this;
    }

    /** Time between checks for the tx (default 1 s; the first check comes after half of it). */
    public Builder broadcastCheckInterval(Duration interval) {
      this.broadcastCheckInterval = positive(interval, "broadcast check interval");
      return this;
    }

    /** Signs with these instead of reading the account from the node (offline signing). */
    public Builder explicitSignerData(SignerData signerData) {
      this.explicitSignerData = Optional.of(signerData);
      return this;
    }

    /** Called at each step of a broadcast (on the calling thread). */
    public Builder progress(Consumer<TxProgress> listener) {
      this.progress = Objects.requireNonNull(listener, "progress");
      return this;
    }

    public TxOptions build() {
      return new TxOptions(this);
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, got " + d);
      }
      return d;
    }
  }
}
