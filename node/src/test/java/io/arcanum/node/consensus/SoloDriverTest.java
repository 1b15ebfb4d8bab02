package io.arcanum.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.chain.abci.Application;
import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.node.CounterApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The solo driver against the counter app, on a manual scheduler and a fake clock: which blocks it
 * makes and when it asks to be woken, without waiting for real time.
 */
class SoloDriverTest {
  static final long MS = 1_000_000L;
  static final long GENESIS = 1_800_000_000_000L * MS;
  @TempDir Path data;
  final AtomicLong clock = new AtomicLong(GENESIS + 5000 * MS);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final BlockTiming timing = new BlockTiming(Duration.ofSeconds(1), Duration.ofMillis(200));
  final BlockLimits limits = new BlockLimits(2, 1000);

  SoloDriver driver(Application app, long halt) {
    return new SoloDriver(app, timing, limits, clock::get, scheduler, halt);
  }

  CounterApp app() {
    return new CounterApp(data, "secretdev-1", GENESIS);
  }

  static byte[] tx(int n) {
    return new byte[] {1, (byte) n};
  }

  @Test
  void anIdleChainMakesEmptyBlocksEveryInterval() {
    CounterApp app = app();
    SoloDriver driver = driver(app, 0);
    List<Block> seen = new ArrayList<>();
    driver.addListener((block, result) -> seen.add(block));
    driver.start();
    assertThat(scheduler.lastDelay()).isEqualTo(1000 * MS);
    for (int i = 0; i < 3; i++) {
      assertThat(scheduler.runNext()).isTrue();
    }
    assertThat(seen).extracting(Block::height).containsExactly(1L, 2L, 3L);
    assertThat(seen).allSatisfy(b -> assertThat(b.txs()).isEmpty());
    assertThat(seen.get(1).timeNanos() - seen.get(0).timeNanos()).isEqualTo(1000 * MS);
    assertThat(driver.height()).isEqualTo(3);
    assertThat(scheduler.waiting()).isEqualTo(1);
  }

  @Test
  void aTxComesIntoTheNextBlockSoonerThanTheInterval() {
    CounterApp app = app();
    SoloDriver driver = driver(app, 0);
    driver.start();
    scheduler.runNext(); // block 1
    clock.addAndGet(50 * MS);
    assertThat(driver.submit(tx(1)).isOk()).isTrue();
    // Rescheduled: 200 ms after block 1, so 150 ms from now, instead of 950 ms.
    assertThat(scheduler.lastDelay()).isEqualTo(150 * MS);
    assertThat(scheduler.waiting()).isEqualTo(1);
    scheduler.runNext();
    assertThat(app.blocks.get(1).txs()).singleElement().isEqualTo(tx(1));
    assertThat(app.blocks.get(1).timeNanos() - app.blocks.get(0).timeNanos()).isEqualTo(200 * MS);
    assertThat(scheduler.lastDelay()).isEqualTo(1000 * MS); // idle again
  }

  @Test
  void aTxLongAfterTheLastBlockGetsABlockAtOnce() {
    SoloDriver driver = driver(app(), 0);
    driver.start();
    clock.addAndGet(700 * MS);
    driver.submit(tx(1));
    assertThat(scheduler.lastDelay()).isZero();
  }

  @Test
  void aFullMempoolSpillsIntoTheNextBlockAtTheMinimumInterval() {
    CounterApp app = app();
    SoloDriver driver = driver(app, 0);
    driver.start();
    for (int i = 1; i <= 5; i++) {
      driver.submit(tx(i));
    }
    scheduler.runNext();
    assertThat(app.blocks.get(0).txs()).hasSize(2);
    assertThat(driver.pendingTxs()).isEqualTo(3);
    assertThat(scheduler.lastDelay()).isEqualTo(200 * MS);
    scheduler.runNext();
    scheduler.runNext();
    assertThat(app.blocks).extracting(b -> b.txs().size()).containsExactly(2, 2, 1);
  }

  @Test
  void aTxThatFailsItsCheckIsNotQueued() {
    SoloDriver driver = driver(app(), 0);
    driver.start();
    TxResult result = driver.submit(new byte[] {0});
    assertThat(result.isOk()).isFalse();
    assertThat(driver.pendingTxs()).isZero();
    assertThat(scheduler.lastDelay()).isEqualTo(1000 * MS);
  }

  @Test
  void blockTimeNeverGoesBackwardsWhenTheClockDoes() {
    CounterApp app = app();
    SoloDriver driver = driver(app, 0);
    driver.start();
    scheduler.runNext();
    long first = app.blocks.get(0).timeNanos();
    clock.addAndGet(-60_000 * MS); // NTP steps the clock back a minute
    scheduler.runNext();
    assertThat(app.blocks.get(1).timeNanos()).isGreaterThan(first);
  }

  @Test
  void theFirstBlockIsNeverBeforeGenesis() {
    clock.set(GENESIS - 10_000 * MS); // a genesis time in the future
    CounterApp app = app();
    driver(app, 0).start();
    scheduler.runNext();
    assertThat(app.blocks.get(0).timeNanos()).isGreaterThan(GENESIS);
  }

  @Test
  void aRestartResumesAfterTheLastCommittedBlock() {
    CounterApp first = app();
    SoloDriver driver = driver(first, 0);
    driver.start();
    scheduler.runNext();
    scheduler.runNext();
    driver.close();
    assertThat(scheduler.closed).isTrue();

    CounterApp again = app(); // reads counter.json
    ManualScheduler second = new ManualScheduler(clock);
    SoloDriver resumed = new SoloDriver(again, timing, limits, clock::get, second, 0);
    resumed.start();
    assertThat(resumed.height()).isEqualTo(2);
    second.runNext();
    assertThat(again.blocks).extracting(Block::height).containsExactly(3L);
    assertThat(again.blocks.get(0).timeNanos()).isGreaterThan(first.blocks.get(1).timeNanos());
  }

  @Test
  void theHaltHeightStopsTheDriver() throws Exception {
    SoloDriver driver = driver(app(), 2);
    driver.start();
    scheduler.runNext();
    scheduler.runNext();
    driver.awaitStopped(); // returns at once: halted
    assertThat(driver.height()).isEqualTo(2);
    assertThat(scheduler.runNext()).isFalse();
    assertThatThrownBy(() -> driver.submit(tx(1))).hasMessageContaining("stopping");
    // Started again on a chain already at the halt height, it makes nothing.
    SoloDriver again =
        new SoloDriver(app(), timing, limits, clock::get, new ManualScheduler(clock), 2);
    again.start();
    again.awaitStopped();
    assertThat(again.height()).isEqualTo(2);
  }

  @Test
  void aFailingBlockStopsTheDriverWithItsCause() throws Exception {
    CounterApp app = app();
    SoloDriver driver =
        new SoloDriver(
            new ForwardingApp(app) {
              @Override
              public long commit() {
                throw new IllegalStateException("disk full");
              }
            },
            timing,
            limits,
            clock::get,
            scheduler,
            0);
    driver.start();
    driver.submit(tx(1));
    scheduler.runNext();
    driver.awaitStopped();
    assertThat(driver.failure()).hasMessage("disk full");
    assertThat(driver.pendingTxs()).isOne(); // not committed, so not removed
    assertThat(driver.height()).isZero();
    assertThat(scheduler.waiting()).isZero();
  }

  @Test
  void aSupersededScheduleDoesNotMakeABlock() {
    CounterApp app = app();
    SoloDriver driver = driver(app, 0);
    driver.start();
    driver.produceBlock(12345); // a stale ticket, as a cancelled task that raced its cancel
    assertThat(app.blocks).isEmpty();
  }

  @Test
  void aBlockTakesTheOldestTxsWithinItsByteLimit() {
    CounterApp app = app();
    SoloDriver driver = driver(app, 0);
    driver.start();
    byte[] big = new byte[600];
    big[0] = 1;
    byte[] bigger = big.clone();
    bigger[1] = 1;
    driver.submit(big);
    driver.submit(bigger); // 1 200 bytes with the first: waits for the next block
    driver.submit(tx(3)); // fits, but never overtakes an older tx
    scheduler.runNext();
    scheduler.runNext();
    assertThat(app.blocks).extracting(b -> b.txs().size()).containsExactly(1, 2);
    assertThat(app.blocks.get(1).txs().get(0)).isEqualTo(bigger);
    assertThat(driver.submit(new byte[1001]).log()).contains("tx too large");
  }

  @Test
  void aWaitingTxIsRefusedAsADuplicateAndAFullMempoolRefusesMore() {
    SoloDriver driver = driver(app(), 0);
    driver.start();
    assertThat(driver.submit(tx(1)).isOk()).isTrue();
    TxResult again = driver.submit(tx(1));
    assertThat(again.code()).isEqualTo(19);
    assertThat(again.log()).isEqualTo("tx already in mempool");
    for (int i = 1; i < TxPool.MEMPOOL_TXS; i++) {
      assertThat(driver.submit(new byte[] {1, (byte) i, (byte) (i >> 8)}).isOk()).isTrue();
    }
    TxResult full = driver.submit(tx(2));
    assertThat(full.code()).isEqualTo(20);
    assertThat(full.log()).contains("mempool is full");
    assertThat(driver.pendingTxs()).isEqualTo(TxPool.MEMPOOL_TXS);
  }

  @Test
  void txsStayInTheMempoolUntilABlockIncludingThemCommits() {
    CounterApp counter = app();
    List<Integer> waitingDuringFinalize = new ArrayList<>();
    SoloDriver[] driver = new SoloDriver[1];
    Application app =
        new ForwardingApp(counter) {
          @Override
          public BlockResult finalizeBlock(Block block) {
            if (block.height() == 1) {
              waitingDuringFinalize.add(driver[0].pendingTxs());
              // A resubmission of a tx in the block is refused; a new tx waits for the next.
              assertThat(driver[0].submit(tx(1)).code()).isEqualTo(19);
              assertThat(driver[0].submit(tx(9)).isOk()).isTrue();
            }
            return super.finalizeBlock(block);
          }
        };
    driver[0] = driver(app, 0);
    driver[0].start();
    driver[0].submit(tx(1));
    driver[0].submit(tx(2));
    driver[0].submit(tx(3));
    scheduler.runNext();
    assertThat(waitingDuringFinalize).containsExactly(3);
    assertThat(counter.blocks.get(0).txs()).containsExactly(tx(1), tx(2));
    assertThat(driver[0].pendingTxs()).isEqualTo(2);
    scheduler.runNext();
    assertThat(counter.blocks.get(1).txs()).containsExactly(tx(3), tx(9));
    assertThat(driver[0].pendingTxs()).isZero();
  }

  @Test
  void afterEachCommitTheWaitingTxsAreCheckedAgainAndInvalidOnesDropped() {
    // A tx {1, n} is valid while the committed height is below n (as a tx with a timeout height).
    CounterApp counter = app();
    List<Long> checkedAtHeight = new ArrayList<>();
    Application app =
        new ForwardingApp(counter) {
          @Override
          public TxResult checkTx(byte[] tx) {
            long height = counter.info().lastHeight();
            checkedAtHeight.add(height);
            boolean ok = tx[1] > height;
            return new TxResult(ok ? 0 : 30, ok ? "" : "sdk", "", null, 0, 0, List.of());
          }
        };
    SoloDriver driver =
        new SoloDriver(app, timing, new BlockLimits(1, 1000), clock::get, scheduler, 0);
    driver.start();
    for (int n : new int[] {5, 1, 2, 6}) {
      assertThat(driver.submit(tx(n)).isOk()).isTrue();
    }
    checkedAtHeight.clear();
    scheduler.runNext(); // block 1: tx 5; recheck at height 1 drops tx 1, keeps 2 and 6
    assertThat(checkedAtHeight).containsExactly(1L, 1L, 1L);
    assertThat(driver.pendingTxs()).isEqualTo(2);
    scheduler.runNext(); // block 2: tx 2; recheck keeps 6
    scheduler.runNext(); // block 3: tx 6
    assertThat(counter.blocks)
        .extracting(b -> b.txs().get(0)[1])
        .containsExactly((byte) 5, (byte) 2, (byte) 6);
    assertThat(driver.pendingTxs()).isZero();
  }
}
