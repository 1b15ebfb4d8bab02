package io.arcanum.chain.app;

import static io.arcanum.chain.app.TestTxs.send;
import static io.arcanum.chain.app.TestTxs.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two nodes fed the same blocks reach the same app hash and the same results at every height — with
 * valid transfers, txs refused by the ante handler, failing and out-of-gas messages, all seeded
 * random — and a node restarted from disk (also one that lost a finalized, uncommitted block)
 * carries on in step.
 */
class DeterminismTest {
  @TempDir Path one;
  @TempDir Path two;

  private static final List<Secp256k1PrivateKey> KEYS =
      List.of(TestTxs.A, TestTxs.B, TestTxs.C, TestTxs.D);

  /** Seeded random blocks; sequences are predicted from which txs should pass the ante. */
  private static final class Generator {
    private final Random random;
    private final long[] next = new long[KEYS.size()];

    Generator(long seed) {
      this.random = new Random(seed);
    }

    List<byte[]> block() {
      List<byte[]> txs = new ArrayList<>();
      int count = random.nextInt(6);
      for (int i = 0; i < count; i++) {
        txs.add(next());
      }
      return txs;
    }

    private byte[] next() {
      int who = random.nextInt(2); // a or b pay fees; c and d cannot
      Secp256k1PrivateKey from = KEYS.get(who);
      Secp256k1PrivateKey to = KEYS.get(random.nextInt(KEYS.size()));
      int kind = random.nextInt(8);
      TestTxs.Tx t;
      switch (kind) {
        case 0 -> {
          // refused by the ante handler: wrong sequence
          return tx(from, send(from, to, 1)).accountNumber(who).sequence(next[who] + 3).build();
        }
        case 1 -> {
          // refused: c cannot pay the fee
          return tx(TestTxs.C, send(TestTxs.C, to, 1)).accountNumber(2).build();
        }
        case 2 -> t = tx(from, send(from, to, TestChain.RICH * 3)); // message fails
        // the ante handler needs about 30 000 gas, each send about 20 000 more: out of gas
        case 3 -> t = tx(from, send(from, to, 1), send(from, to, 2), send(from, to, 3)).gas(48_000);
        case 4 -> t = tx(from, send(from, to, 1 + random.nextInt(1000))).amino();
        default ->
            t =
                tx(from, send(from, to, 1 + random.nextInt(1_000_000)))
                    .memo(Long.toString(random.nextLong()))
                    .fee(random.nextInt(10_000));
      }
      return t.accountNumber(who).sequence(next[who]++).build();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void twoNodesAgreeAtEveryHeightAndARestartedNodeCarriesOn(long seed) {
    Generator generator = new Generator(seed);
    try (TestChain first = TestChain.create(one);
        TestChain second = TestChain.create(two)) {
      assertThat(first.app.info().lastAppHash()).isEqualTo(second.app.info().lastAppHash());
      Set<Integer> codes = new TreeSet<>();
      for (int height = 1; height <= 30; height++) {
        byte[][] txs = generator.block().toArray(byte[][]::new);
        BlockResult a = first.block(txs);
        if (height == 10) {
          second.reopen();
        }
        if (height == 20) {
          // a crash after finalizing, before committing: the block is lost and replayed
          second.finalize(txs);
          second.reopen();
          assertThat(second.height()).isEqualTo(19);
        }
        BlockResult b = second.block(txs);
        assertThat(b.appHash()).as("height %d", height).isEqualTo(a.appHash());
        assertThat(b.txResults().stream().map(TestChain::summary))
            .containsExactlyElementsOf(a.txResults().stream().map(TestChain::summary).toList());
        a.txResults().forEach(r -> codes.add(r.code()));
      }
      // the blocks held successes, sequence and fee refusals, failed messages and out-of-gas
      assertThat(codes).contains(0, 5, 11, 32);
      assertThat(first.app.info().lastAppHash()).isEqualTo(second.app.info().lastAppHash());
      assertThat(first.app.info().lastHeight()).isEqualTo(30);
    }
  }

  @Test
  void blocksOutOfOrderOrBackInTimeAreRefused() {
    try (TestChain chain = TestChain.create(one)) {
      chain.block();
      assertThatThrownBy(
              () -> chain.app.finalizeBlock(new Block(3, TestChain.timeOf(3), null, List.of())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("expected block 2, got 3");
      assertThatThrownBy(
              () -> chain.app.finalizeBlock(new Block(2, TestChain.timeOf(0), null, List.of())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("goes back in time");
      assertThatThrownBy(() -> chain.app.commit())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("no finalized block to commit");
      chain.finalize();
      assertThatThrownBy(chain::finalize)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("block 2 is finalized but not committed");
    }
  }
}
