package io.arcanum.node.consensus;

/**
 * Runs the driver's block production after a delay, one task at a time. The node uses {@link
 * ExecutorBlockScheduler}; tests step a manual one, so timing is checked without waiting.
 */
public interface BlockScheduler extends AutoCloseable {

  /** Runs {@code task} after {@code delayNanos} unless cancelled first. */
  Scheduled schedule(Runnable task, long delayNanos);

  /** Stops taking tasks and waits for a running one to finish. */
  @Override
  void close();

  /** A scheduled task. */
  interface Scheduled {
    /** Keeps it from starting; a task already running finishes. */
    void cancel();
  }
}
