package io.arcanum.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.client.BroadcastMode;
import io.arcanum.client.TxOptions;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The Cosmos tx flags as the SDK's {@link TxOptions}. */
class TxFlagsTest {
  @Command(name = "t")
  static final class Holder {
    @Mixin TxFlags flags;
  }

  static TxFlags parse(String... args) {
    Holder holder = new Holder();
    CommandLine line = new CommandLine(holder);
    line.setCaseInsensitiveEnumValuesAllowed(true);
    line.parseArgs(args);
    return holder.flags;
  }

  static TxOptions options(String... args) {
    return parse(args).toTxOptions(p -> {});
  }

  @Test
  void defaultsWaitForTheBlockWithSecretJsPriceAndTheCosmosGasLimit() {
    TxOptions options = options();
    assertThat(options.gasLimit().getAsLong()).isEqualTo(200_000);
    assertThat(options.gasPrice().feeFor(200_000).getAmount()).isEqualTo("20000");
    assertThat(options.waitForCommit()).isTrue();
    assertThat(options.broadcastMode()).isEqualTo(BroadcastMode.SYNC);
    assertThat(options.broadcastTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.memo()).isEmpty();
    assertThat(parse().confirm()).isTrue();
    assertThat(parse("-y").confirm()).isFalse();
  }

  @Test
  void fixedFeesAreSpreadOverTheGasLimitExactly() {
    Random random = new Random(6);
    for (int i = 0; i < 200; i++) {
      long gas = 1 + random.nextInt(10_000_000);
      long fee = random.nextInt(1_000_000);
      TxOptions options = options("--gas", Long.toString(gas), "--fees", fee + "uscrt");
      assertThat(options.gasPrice().feeFor(gas).getAmount())
          .as("gas %d fee %d", gas, fee)
          .isEqualTo(Long.toString(fee));
      assertThat(options.gasPrice().denom()).isEqualTo("uscrt");
    }
  }

  @Test
  void modesTimeoutMemoAndGasPricesReachTheOptions() {
    TxOptions sync =
        options("-b", "sync", "--timeout", "5", "--memo", "hi", "--gas-prices", "0.25uscrt");
    assertThat(sync.waitForCommit()).isFalse();
    assertThat(sync.broadcastMode()).isEqualTo(BroadcastMode.SYNC);
    assertThat(sync.broadcastTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(sync.memo()).isEqualTo("hi");
    assertThat(sync.gasPrice().feeFor(200_000).getAmount()).isEqualTo("50000");
    assertThat(options("-b", "async").broadcastMode()).isEqualTo(BroadcastMode.ASYNC);
    assertThat(parse("--gas", "auto").gasLimit()).isEmpty();
    TxFlags store = parse();
    store.autoGasByDefault();
    assertThat(store.gasLimit()).isEmpty();
    TxFlags storeWithGas = parse("--gas", "900000");
    storeWithGas.autoGasByDefault();
    assertThat(storeWithGas.gasLimit().getAsLong()).isEqualTo(900_000);
  }

  @Test
  void conflictingOrMalformedFlagsAreUsageErrors() {
    assertThatThrownBy(() -> options("--fees", "5uscrt", "--gas-prices", "1uscrt"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessage("give --fees or --gas-prices, not both");
    assertThatThrownBy(() -> options("--fees", "5uscrt", "--gas", "auto"))
        .hasMessageContaining("--fees needs a fixed --gas");
    assertThatThrownBy(() -> options("--fees", "5uscrt,6ufoo"))
        .hasMessage("--fees must be one coin, like 5000uscrt");
    assertThatThrownBy(() -> options("--gas", "lots"))
        .hasMessageContaining("--gas must be a positive integer or auto");
    assertThatThrownBy(() -> options("--gas", "0"))
        .hasMessageContaining("--gas must be a positive integer or auto");
    assertThatThrownBy(() -> options("--gas-prices", "cheap"))
        .hasMessageStartingWith("--gas-prices: ");
    assertThatThrownBy(() -> options("--timeout", "0"))
        .hasMessageContaining("--timeout must be a positive");
    assertThatThrownBy(() -> options("--gas", "auto", "--gas-adjustment", "0.5"))
        .hasMessageContaining("--gas-adjustment must be 1.0 or more");
  }
}
