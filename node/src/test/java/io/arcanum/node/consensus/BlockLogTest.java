package io.arcanum.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.TxResult;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The block line: public facts only. */
class BlockLogTest {
  @Test
  void theLineShowsHeightTxsFailuresHashPrefixAndTimeButNoTxContent() {
    byte[] secretTx = "{\"transfer\":{\"amount\":\"42\"}}".getBytes(StandardCharsets.UTF_8);
    Block block = new Block(12, 1_767_323_045_123_000_000L, null, List.of(secretTx, secretTx));
    TxResult ok = new TxResult(0, "", "", null, 1, 1, List.of());
    TxResult failed =
        new TxResult(
            5, "compute", "encrypted: c2VjcmV0: execute contract failed", null, 1, 1, List.of());
    byte[] hash =
        HexFormat.of().parseHex("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    String line = BlockLog.line(block, new BlockResult(12, List.of(ok, failed), List.of(), hash));
    assertThat(line)
        .isEqualTo("height=12 txs=2 failed=1 app_hash=9F86D081 time=2026-01-02T03:04:05.123Z")
        .doesNotContain("transfer")
        .doesNotContain("encrypted");
  }
}
