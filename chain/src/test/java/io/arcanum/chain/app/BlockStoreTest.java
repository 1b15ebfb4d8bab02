package io.arcanum.chain.app;

import static io.arcanum.chain.app.TestTxs.A;
import static io.arcanum.chain.app.TestTxs.B;
import static io.arcanum.chain.app.TestTxs.bech32;
import static io.arcanum.chain.app.TestTxs.send;
import static io.arcanum.chain.app.TestTxs.sha256;
import static io.arcanum.chain.app.TestTxs.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.blocks.BlockRecord;
import io.arcanum.chain.blocks.BlockStore;
import io.arcanum.chain.blocks.TxPage;
import io.arcanum.chain.blocks.TxQuery;
import io.arcanum.chain.blocks.TxRecord;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocks, tx results and the event index are committed with the state and read back by hash, height
 * and event conditions — also after the store is reopened (secretjs-api.md §3 E7 and the optional
 * txs search).
 */
class BlockStoreTest {
  @TempDir Path dir;

  private static String hex(byte[] tx) {
    return HexFormat.of().withUpperCase().formatHex(sha256(tx));
  }

  private static List<String> hashes(TxPage page) {
    return page.txs().stream().map(TxRecord::hashHex).toList();
  }

  @Test
  void blocksAndTxsAreFoundByHashHeightAndEventsAcrossARestart() {
    try (TestChain chain = TestChain.create(dir)) {
      byte[] genesisHash = chain.app.info().lastAppHash();
      byte[] ok1 = tx(A, send(A, B, 1)).build();
      byte[] badSeq = tx(A, send(A, B, 2)).sequence(9).build();
      BlockResult first = chain.block(ok1, badSeq);
      byte[] ok2 = tx(B, send(B, A, 3)).accountNumber(1).memo("from b").build();
      byte[] failing = tx(A, send(A, B, TestChain.RICH * 5)).sequence(1).build();
      BlockResult second = chain.block(ok2, failing);
      // ok1 again: fails (sequence) but must not replace the successful result under its hash
      BlockResult third = chain.block(ok1);
      assertThat(third.txResults().get(0).code()).isEqualTo(32);

      for (int round = 0; round < 2; round++) {
        BlockStore blocks = chain.app.blockStore();
        assertThat(blocks.latestHeight()).isEqualTo(3);
        assertThat(blocks.chainId()).isEqualTo(TestTxs.CHAIN_ID);

        BlockRecord b1 = blocks.block(1).orElseThrow();
        assertThat(b1.height()).isEqualTo(1);
        assertThat(b1.timeNanos()).isEqualTo(TestChain.timeOf(1));
        assertThat(b1.chainId()).isEqualTo(TestTxs.CHAIN_ID);
        assertThat(b1.txHashes()).containsExactly(sha256(ok1), sha256(badSeq));
        assertThat(b1.appHash()).isEqualTo(first.appHash());
        assertThat(b1.lastAppHash()).isEqualTo(genesisHash);
        assertThat(blocks.block(2).orElseThrow().lastAppHash()).isEqualTo(first.appHash());
        assertThat(blocks.block(4)).isEmpty();
        assertThat(blocks.block(0)).isEmpty();

        TxRecord r1 = blocks.tx(hex(ok1)).orElseThrow();
        assertThat(r1.height()).isEqualTo(1);
        assertThat(r1.index()).isZero();
        assertThat(r1.tx()).isEqualTo(ok1);
        assertThat(r1.timeNanos()).isEqualTo(TestChain.timeOf(1));
        assertSameResult(r1.result(), first.txResults().get(0));
        assertSameResult(
            blocks.tx(hex(badSeq).toLowerCase()).orElseThrow().result(), first.txResults().get(1));
        assertSameResult(
            blocks.tx(sha256(failing)).orElseThrow().result(), second.txResults().get(1));
        assertThat(blocks.tx("00".repeat(32))).isEmpty();
        assertThat(blocks.txs(2).stream().map(TxRecord::hashHex))
            .containsExactly(hex(ok2), hex(failing));

        assertThat(
                hashes(
                    blocks.search(
                        TxQuery.parse("message.sender='" + bech32(A) + "'"), 1, 10, false)))
            .containsExactly(hex(ok1), hex(failing));
        assertThat(hashes(blocks.search(TxQuery.parse("tx.height=2"), 1, 10, false)))
            .containsExactly(hex(ok2), hex(failing));
        assertThat(
                hashes(
                    blocks.search(TxQuery.parse("tx.acc_seq='" + bech32(B) + "/0'"), 1, 10, false)))
            .containsExactly(hex(ok2));
        assertThat(
                hashes(
                    blocks.search(
                        TxQuery.parse(
                            "message.action='/cosmos.bank.v1beta1.MsgSend' AND transfer.recipient='"
                                + bech32(B)
                                + "'"),
                        1,
                        10,
                        false)))
            .containsExactly(hex(ok1));
        TxPage page =
            blocks.search(
                TxQuery.parseAll(List.of("message.sender=" + bech32(A), "tx.height=2")),
                1,
                10,
                false);
        assertThat(hashes(page)).containsExactly(hex(failing));
        TxPage descending = blocks.search(TxQuery.parse("message.module='bank'"), 1, 1, true);
        assertThat(descending.total()).isEqualTo(2);
        assertThat(hashes(descending)).containsExactly(hex(ok2));
        assertThat(hashes(blocks.search(TxQuery.parse("message.module='bank'"), 2, 1, true)))
            .containsExactly(hex(ok1));
        assertThat(blocks.search(TxQuery.parse("message.module='bank'"), 3, 1, true).txs())
            .isEmpty();
        assertThat(blocks.search(TxQuery.parse("message.sender='nobody'"), 1, 10, false).total())
            .isZero();

        chain.reopen();
      }
    }
  }

  @Test
  void malformedSearchesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> TxQuery.parse("message.sender>3"))
        .hasMessage("invalid event condition 'message.sender>3', expected type.key=value");
    assertThatThrownBy(() -> TxQuery.parse("nodot=3"))
        .hasMessageContaining("expected type.key=value");
    assertThat(TxQuery.parse("a.b = 'x y' and c.d=\"z\"").conditions())
        .containsExactly(new TxQuery.Condition("a.b", "x y"), new TxQuery.Condition("c.d", "z"));
  }

  private static void assertSameResult(TxResult actual, TxResult expected) {
    assertThat(actual.code()).isEqualTo(expected.code());
    assertThat(actual.codespace()).isEqualTo(expected.codespace());
    assertThat(actual.log()).isEqualTo(expected.log());
    assertThat(actual.data()).isEqualTo(expected.data());
    assertThat(actual.gasWanted()).isEqualTo(expected.gasWanted());
    assertThat(actual.gasUsed()).isEqualTo(expected.gasUsed());
    assertThat(actual.events()).isEqualTo(expected.events());
  }
}
