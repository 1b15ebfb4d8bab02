package io.arcanum.chain.blocks;

import io.arcanum.chain.abci.TxResult;
import java.util.HexFormat;

/**
 * A committed tx with its result, as {@code GET /cosmos/tx/v1beta1/txs/{hash}} needs it
 * (secretjs-api.md §3 E7).
 *
 * @param hash SHA-256 of {@code tx}
 * @param height the block it is in
 * @param index its position in the block
 * @param timeNanos the block's time, Unix nanoseconds
 * @param tx the exact TxRaw bytes
 * @param result what executing it produced
 */
public record TxRecord(
    byte[] hash, long height, int index, long timeNanos, byte[] tx, TxResult result) {
  public TxRecord {
    hash = hash.clone();
    tx = tx.clone();
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  @Override
  public byte[] tx() {
    return tx.clone();
  }

  /** Upper-case hex of the hash, as clients write it ({@code txhash}). */
  public String hashHex() {
    return HexFormat.of().withUpperCase().formatHex(hash);
  }
}
