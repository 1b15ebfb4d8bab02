package io.arcanum.chain.app;

import io.arcanum.chain.tx.GasPrice;
import java.util.Objects;

/**
 * The chain's parameters. All but {@code minGasPrice} are consensus rules: every node of a chain
 * must use the same values, or they compute different results.
 *
 * @param chainId the chain id signers sign for (must equal the genesis file's)
 * @param bech32Prefix the account address prefix ({@code secret})
 * @param minGasPrice this node's minimum gas price for mempool admission ({@code checkTx} only)
 * @param maxTxBytes the largest tx accepted, in bytes ({@code sdk} 21 above it)
 * @param maxBlockGas the consensus max block gas a tx's gas limit may not exceed; 0 for none
 * @param queryGasLimit the gas bound of one query (contract queries)
 */
public record ChainConfig(
    String chainId,
    String bech32Prefix,
    GasPrice minGasPrice,
    int maxTxBytes,
    long maxBlockGas,
    long queryGasLimit) {

  /** 3 MiB. */
  public static final int DEFAULT_MAX_TX_BYTES = 3 * 1024 * 1024;

  /** wasmd's default {@code query_gas_limit}. */
  public static final long DEFAULT_QUERY_GAS_LIMIT = 3_000_000;

  public ChainConfig {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(bech32Prefix, "bech32Prefix");
    Objects.requireNonNull(minGasPrice, "minGasPrice");
    if (chainId.isEmpty() || chainId.length() > 50) {
      throw new IllegalArgumentException("chain id must have 1 to 50 characters: " + chainId);
    }
    if (maxTxBytes < 1 || queryGasLimit < 1) {
      throw new IllegalArgumentException("maxTxBytes and queryGasLimit must be positive");
    }
  }

  /** LocalSecret's settings: prefix {@code secret}, 0.0125uscrt, 3 MiB txs, no block gas limit. */
  public static ChainConfig defaults(String chainId) {
    return new ChainConfig(
        chainId, "secret", GasPrice.LOCAL_SECRET, DEFAULT_MAX_TX_BYTES, 0, DEFAULT_QUERY_GAS_LIMIT);
  }

  public ChainConfig withBech32Prefix(String prefix) {
    return new ChainConfig(chainId, prefix, minGasPrice, maxTxBytes, maxBlockGas, queryGasLimit);
  }

  public ChainConfig withMinGasPrice(GasPrice price) {
    return new ChainConfig(chainId, bech32Prefix, price, maxTxBytes, maxBlockGas, queryGasLimit);
  }

  public ChainConfig withMaxTxBytes(int bytes) {
    return new ChainConfig(chainId, bech32Prefix, minGasPrice, bytes, maxBlockGas, queryGasLimit);
  }

  public ChainConfig withMaxBlockGas(long gas) {
    return new ChainConfig(chainId, bech32Prefix, minGasPrice, maxTxBytes, gas, queryGasLimit);
  }

  public ChainConfig withQueryGasLimit(long gas) {
    return new ChainConfig(chainId, bech32Prefix, minGasPrice, maxTxBytes, maxBlockGas, gas);
  }
}
