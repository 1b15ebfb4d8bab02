package io.arcanum.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.node.CounterApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the driver on the real scheduler while a block is in progress: the block finishes and
 * commits, and no block starts after. Ordered by latches, not by time.
 */
@Timeout(60)
class SoloDriverShutdownTest {
  @TempDir Path data;

  @Test
  void closeLetsTheBlockInProgressCommit() throws Exception {
    CounterApp counter = new CounterApp(data, "secretdev-1", 0);
    CountDownLatch inBlock = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ForwardingApp app =
        new ForwardingApp(counter) {
          @Override
          public BlockResult finalizeBlock(Block block) {
            inBlock.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
            return super.finalizeBlock(block);
          }
        };
    SoloDriver driver =
        new SoloDriver(
            app,
            new BlockTiming(Duration.ofMillis(1), Duration.ofMillis(1)),
            BlockLimits.DEFAULT,
            SoloDriver::systemNanos,
            new ExecutorBlockScheduler(),
            0);
    driver.start();
    inBlock.await(); // block 1 is being executed
    ExecutorService closer = Executors.newSingleThreadExecutor();
    Future<?> closing = closer.submit(driver::close);
    while (!isClosing(driver)) {
      Thread.onSpinWait();
    }
    assertThat(closing.isDone()).isFalse(); // close waits for the block
    release.countDown();
    closing.get();
    closer.shutdown();
    assertThat(counter.blocks).extracting(Block::height).containsExactly(1L);
    assertThat(counter.info().lastHeight()).isEqualTo(1);
    assertThat(driver.height()).isEqualTo(1);
  }

  /** Whether close has begun: a closed driver refuses new txs. */
  private static boolean isClosing(SoloDriver driver) {
    try {
      driver.submit(new byte[] {1});
      return false;
    } catch (IllegalStateException closing) {
      return true;
    }
  }
}
