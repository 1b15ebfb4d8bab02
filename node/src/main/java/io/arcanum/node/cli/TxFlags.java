package io.arcanum.node.cli;

import io.arcanum.client.BroadcastMode;
import io.arcanum.client.TxOptions;
import io.arcanum.client.TxProgress;
import io.arcanum.client.tx.Coins;
import io.arcanum.client.tx.GasPrice;
import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The Cosmos tx flags: {@code --gas}, {@code --gas-adjustment}, {@code --gas-prices}, {@code
 * --fees}, {@code --memo}, {@code --yes}, {@code --broadcast-mode}, {@code --timeout}, turned into
 * the SDK's {@link TxOptions}. Defaults follow secret.js where secretcli has none: gas price 0.1
 * uscrt (LocalSecret's minimum is 0.0125), and the CLI waits for the tx to be included.
 */
public final class TxFlags {
  /** The Cosmos SDK CLI's default gas limit. */
  public static final long DEFAULT_GAS = 200_000;

  /** How long to wait for inclusion unless {@code --timeout} says otherwise (secret.js: 60 s). */
  public static final int DEFAULT_TIMEOUT_SECONDS = 60;

  /** What the CLI does after the node accepted the tx. */
  public enum Mode {
    /** Wait until the tx is in a block and print its (decrypted) result. */
    BLOCK,
    /** Return after CheckTx with the hash; {@code query tx} shows the result later. */
    SYNC,
    /** Return as soon as the node has the tx, before CheckTx. */
    ASYNC
  }

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--gas",
      paramLabel = "N|auto",
      defaultValue = "200000",
      description =
          "gas limit, or auto to simulate first and use --gas-adjustment × the gas used (default:"
              + " ${DEFAULT-VALUE}; auto for store and register)")
  String gas;

  /** Whether an omitted {@code --gas} means auto (store: code upload gas grows with its size). */
  private boolean autoByDefault;

  @Option(
      names = "--gas-adjustment",
      paramLabel = "X",
      defaultValue = "1.3",
      description = "with --gas auto: the factor on the simulated gas (default: ${DEFAULT-VALUE})")
  double gasAdjustment;

  @Option(
      names = "--gas-prices",
      paramLabel = "PRICE",
      description =
          "price per gas, e.g. 0.25uscrt; the fee is ceil(gas × price) (default: 0.1uscrt)")
  String gasPrices;

  @Option(
      names = "--fees",
      paramLabel = "COIN",
      description = "the whole fee, e.g. 5000uscrt, instead of --gas-prices")
  String fees;

  @Option(names = "--memo", paramLabel = "TEXT", defaultValue = "", description = "the tx's memo")
  String memo;

  @Option(
      names = {"-y", "--yes"},
      description = "do not ask before signing and broadcasting (only a terminal is asked)")
  boolean yes;

  @Option(
      names = {"-b", "--broadcast-mode"},
      paramLabel = "block|sync|async",
      defaultValue = "block",
      description =
          "block: wait for the tx to be included and print its result; sync: return after the"
              + " node checked it; async: return at once (default: ${DEFAULT-VALUE})")
  Mode mode;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "how long to wait for the tx to be included (default: ${DEFAULT-VALUE})")
  int timeoutSeconds;

  /** Whether to ask before broadcasting (a terminal, and no {@code --yes}). */
  public boolean confirm() {
    return !yes;
  }

  /** The factor {@code --gas auto} applies to the simulated gas. */
  public double gasAdjustment() {
    return gasAdjustment;
  }

  public Mode mode() {
    return mode;
  }

  /** Makes an omitted {@code --gas} mean {@code auto}. */
  public void autoGasByDefault() {
    autoByDefault = true;
  }

  /** The gas limit, or empty for {@code auto}. */
  public java.util.OptionalLong gasLimit() {
    boolean given = mixee.commandLine().getParseResult().hasMatchedOption("--gas");
    if (gas.equalsIgnoreCase("auto") || (autoByDefault && !given)) {
      return java.util.OptionalLong.empty();
    }
    try {
      long limit = Long.parseLong(gas);
      if (limit <= 0) {
        throw usage("--gas must be a positive integer or auto, got " + gas);
      }
      return java.util.OptionalLong.of(limit);
    } catch (NumberFormatException e) {
      throw usage("--gas must be a positive integer or auto, got '" + gas + "'");
    }
  }

  /**
   * The SDK's options for these flags, reporting progress to {@code progress}.
   *
   * @throws CommandLine.ParameterException for malformed or conflicting flags
   */
  public TxOptions toTxOptions(Consumer<TxProgress> progress) {
    if (timeoutSeconds <= 0) {
      throw usage("--timeout must be a positive number of seconds, got " + timeoutSeconds);
    }
    TxOptions.Builder options =
        TxOptions.builder()
            .memo(memo)
            .broadcastMode(mode == Mode.ASYNC ? BroadcastMode.ASYNC : BroadcastMode.SYNC)
            .waitForCommit(mode == Mode.BLOCK)
            .broadcastTimeout(Duration.ofSeconds(timeoutSeconds))
            .progress(progress);
    java.util.OptionalLong limit = gasLimit();
    if (limit.isPresent()) {
      options.gasLimit(limit.getAsLong());
    } else {
      if (!(gasAdjustment >= 1.0)) {
        throw usage("--gas-adjustment must be 1.0 or more, got " + gasAdjustment);
      }
      options.estimateGas(gasAdjustment);
    }
    options.gasPrice(gasPrice(limit));
    return options.build();
  }

  /**
   * The price per gas: {@code --gas-prices}, or {@code --fees} spread over the gas limit so that
   * ceil(limit × price) is exactly the fee.
   */
  private GasPrice gasPrice(java.util.OptionalLong limit) {
    if (fees != null && gasPrices != null) {
      throw usage("give --fees or --gas-prices, not both");
    }
    if (fees == null) {
      try {
        return gasPrices == null ? GasPrice.DEFAULT : GasPrice.parse(gasPrices);
      } catch (IllegalArgumentException e) {
        throw usage("--gas-prices: " + e.getMessage());
      }
    }
    if (limit.isEmpty()) {
      throw usage("--fees needs a fixed --gas (the fee is not known before simulating)");
    }
    List<Coin> fee;
    try {
      fee = Coins.parse(fees);
    } catch (IllegalArgumentException e) {
      throw usage("--fees: " + e.getMessage());
    }
    if (fee.size() != 1) {
      throw usage("--fees must be one coin, like 5000uscrt");
    }
    BigDecimal amount = new BigDecimal(new BigInteger(fee.get(0).getAmount()));
    // rounded down to 18 places: ceil(limit × price) gives back exactly the fee
    BigDecimal price =
        amount
            .divide(BigDecimal.valueOf(limit.getAsLong()), 18, RoundingMode.DOWN)
            .stripTrailingZeros();
    return new GasPrice(price, fee.get(0).getDenom());
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(mixee.commandLine(), message);
  }
}
