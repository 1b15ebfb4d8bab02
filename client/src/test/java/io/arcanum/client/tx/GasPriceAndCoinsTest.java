package io.arcanum.client.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fees as secret.js's {@code gasToFee} computes them, exactly; coin text as the SDK writes it. */
class GasPriceAndCoinsTest {
  @Test
  void theFeeIsTheCeilingOfGasTimesPrice() {
    assertThat(GasPrice.DEFAULT.feeFor(25_000).getAmount()).isEqualTo("2500");
    assertThat(GasPrice.DEFAULT.feeFor(200_000).getAmount()).isEqualTo("20000");
    assertThat(GasPrice.DEFAULT.feeFor(1).getAmount()).isEqualTo("1"); // ceil(0.1)
    assertThat(GasPrice.DEFAULT.feeFor(0).getAmount()).isEqualTo("0");
    assertThat(GasPrice.parse("0.0125uscrt").feeFor(25_000).getAmount()).isEqualTo("313");
    assertThat(GasPrice.parse("0.25uscrt").feeFor(Long.MAX_VALUE).getAmount())
        .isEqualTo(
            BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(3)).shiftRight(2).toString());
    Random random = new Random(11);
    for (int i = 0; i < 200; i++) {
      long gas = random.nextLong(0, 10_000_000_000L);
      BigDecimal price = BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(6));
      Coin fee = new GasPrice(price, "uscrt").feeFor(gas);
      assertThat(fee.getAmount())
          .isEqualTo(
              price.multiply(BigDecimal.valueOf(gas)).setScale(0, RoundingMode.CEILING).toString());
      assertThat(fee.getDenom()).isEqualTo("uscrt");
    }
  }

  @Test
  void gasPricesParseAndRefuseWhatIsNotAPrice() {
    assertThat(GasPrice.parse("0.1uscrt")).isEqualTo(GasPrice.DEFAULT);
    assertThat(GasPrice.parse(" 2ibc/ABC ").toString()).isEqualTo("2ibc/ABC");
    assertThat(GasPrice.of(0.25, "uscrt").toString()).isEqualTo("0.25uscrt");
    for (String bad : new String[] {"", "uscrt", "0.1", "-1uscrt", "0.1 uscrt", "1.uscrt"}) {
      assertThatThrownBy(() -> GasPrice.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "gas price must be a decimal amount followed by a denom, like 0.1uscrt; got '"
                  + bad
                  + "'");
    }
    assertThatThrownBy(() -> GasPrice.DEFAULT.feeFor(-1))
        .hasMessage("gas limit must not be negative, got -1");
  }

  @Test
  void coinsParseAndFormat() {
    List<Coin> coins =
        Coins.parse(
            "100uscrt, 5ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2");
    assertThat(coins).hasSize(2);
    assertThat(coins.get(0)).isEqualTo(Coins.uscrt(100));
    assertThat(Coins.format(coins))
        .isEqualTo(
            "100uscrt,5ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2");
    assertThat(Coins.parse("")).isEmpty();
    assertThat(Coins.of(new BigInteger("1000000000000000000000"), "uscrt").getAmount())
        .isEqualTo("1000000000000000000000");
    assertThatThrownBy(() -> Coins.parse("100uscrt,x"))
        .hasMessage("'x' is not a coin like 100uscrt (an integer amount, then a denom)");
    assertThatThrownBy(() -> Coins.parse("1.5uscrt"))
        .hasMessage("'1.5uscrt' is not a coin like 100uscrt (an integer amount, then a denom)");
    assertThatThrownBy(() -> Coins.of(-1, "uscrt"))
        .hasMessage("coin amount must not be negative, got -1");
    assertThatThrownBy(() -> Coins.of(1, "u"))
        .hasMessage(
            "invalid denom 'u': a letter, then 2 to 127 letters, digits or one of / : . _ -");
  }
}
