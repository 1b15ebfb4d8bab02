package io.arcanum.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.blocks.TxRecord;
import io.arcanum.node.consensus.BlockLimits;
import io.arcanum.node.home.NodeHome;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mempool over the real application: signed bank sends wait across blocks (one tx per block),
 * are checked again after every commit, stay while the new state admits them and are dropped when
 * it does not — a tx past its timeout height, and the same sender's next tx whose sequence then no
 * longer follows the committed one.
 */
@Timeout(120)
class RecheckWithTheChainTest {
  static final int A = 0;
  static final int B = 1;
  static final int C = 2;

  @TempDir Path dir;

  @Test
  void waitingTxsAreRecheckedAfterEachCommitAndDroppedWhenTheyBecomeInvalid() throws Exception {
    NodeHome home = TestNode.init(dir.resolve("home"), new BlockLimits(1, 1_000_000));
    try (TestNode node = TestNode.start(home)) {
      BigInteger bBefore = node.balance(B);
      BigInteger cBefore = node.balance(C);
      List<byte[]> aTxs =
          List.of(
              SignedTxs.send(A, 0, B, 1_000),
              SignedTxs.send(A, 1, B, 2_000),
              SignedTxs.send(A, 2, B, 3_000));
      byte[] expiring = SignedTxs.send(B, 0, C, 7, 2); // valid up to height 2
      byte[] following = SignedTxs.send(B, 1, C, 9);
      for (byte[] tx : aTxs) {
        assertOk(node.node.driver().submit(tx));
      }
      assertOk(node.node.driver().submit(expiring));
      assertOk(node.node.driver().submit(following)); // the check state has b at sequence 1
      assertThat(node.node.driver().pendingTxs()).isEqualTo(5);

      node.block(); // a's first send; the other four are rechecked and kept
      assertThat(node.node.driver().pendingTxs()).isEqualTo(4);
      node.block(); // a's second; at height 2 b's first is still valid
      assertThat(node.node.driver().pendingTxs()).isEqualTo(3);
      node.block(); // a's third; at height 3 b's first is past its timeout, b's second out of order
      assertThat(node.node.driver().pendingTxs()).isZero();
      node.block(); // empty

      assertThat(node.height()).isEqualTo(4);
      for (int i = 0; i < 3; i++) {
        TxRecord record = node.app.blockStore().tx(SignedTxs.sha256(aTxs.get(i))).orElseThrow();
        assertThat(record.height()).isEqualTo(i + 1);
        assertThat(record.result().code()).as(record.result().log()).isZero();
      }
      assertThat(node.app.blockStore().block(4).orElseThrow().txHashes()).isEmpty();
      assertThat(node.app.blockStore().tx(SignedTxs.sha256(expiring))).isEmpty();
      assertThat(node.app.blockStore().tx(SignedTxs.sha256(following))).isEmpty();
      assertThat(node.balance(B)).isEqualTo(bBefore.add(BigInteger.valueOf(6_000)));
      assertThat(node.balance(C)).isEqualTo(cBefore);

      // Sent again with sequence 0, b's transfer is admitted and committed.
      byte[] again = SignedTxs.send(B, 0, C, 7);
      assertOk(node.node.driver().submit(again));
      node.block();
      assertThat(node.app.blockStore().tx(SignedTxs.sha256(again)).orElseThrow().height())
          .isEqualTo(5);
      assertThat(node.balance(C)).isEqualTo(cBefore.add(BigInteger.valueOf(7)));
    }
  }

  @Test
  void aTxIncludedInABlockIsNotAdmittedAgain() throws Exception {
    NodeHome home = TestNode.init(dir.resolve("home"), BlockLimits.DEFAULT);
    try (TestNode node = TestNode.start(home)) {
      byte[] tx = SignedTxs.send(A, 0, B, 5);
      assertOk(node.node.driver().submit(tx));
      assertThat(node.node.driver().submit(tx).code()).isEqualTo(19); // waiting
      node.block();
      assertThat(node.node.driver().pendingTxs()).isZero();
      TxResult resent = node.node.driver().submit(tx);
      assertThat(resent.code()).as(resent.log()).isEqualTo(32); // sequence used up
      assertThat(node.node.driver().pendingTxs()).isZero();
    }
  }

  static void assertOk(TxResult result) {
    assertThat(result.code()).as(result.codespace() + " " + result.log()).isZero();
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
