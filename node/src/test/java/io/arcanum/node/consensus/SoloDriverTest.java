package io.arcanum.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.chain.abci.Block;
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
  final BlockTiming timing = new BlockTiming(Duration.ofSeconds(1), Duration.ofMillis(200), 2);

  SoloDriver driver(CounterApp app, long halt) {
    return new SoloDriver(app, timing, clock::get, scheduler, halt);
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
    SoloDriver resumed = new SoloDriver(again, timing, clock::get, second, 0);
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
    SoloDriver again = new SoloDriver(app(), timing, clock::get, new ManualScheduler(clock), 2);
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
            clock::get,
            scheduler,
            0);
    driver.start();
    scheduler.runNext();
    driver.awaitStopped();
    assertThat(driver.failure()).hasMessage("disk full");
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
}
