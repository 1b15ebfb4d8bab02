package io.arcanum.chain.blocks;

import java.util.List;

/**
 * One page of a tx search.
 *
 * @param txs the matching txs on this page, in the requested order
 * @param total how many txs match in all
 */
public record TxPage(List<TxRecord> txs, long total) {
  public TxPage {
    txs = List.copyOf(txs);
  }
}
