package io.arcanum.node.consensus;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** {@link BlockScheduler} on one platform thread, {@code solo-driver}. */
public final class ExecutorBlockScheduler implements BlockScheduler {
  private final ScheduledThreadPoolExecutor executor;

  public ExecutorBlockScheduler() {
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "solo-driver");
              thread.setDaemon(false);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  @Override
  public Scheduled schedule(Runnable task, long delayNanos) {
    var future = executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  /** Waits up to two minutes for a block in progress; a block that hangs longer is abandoned. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(2, TimeUnit.MINUTES)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
