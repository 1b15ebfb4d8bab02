package io.arcanum.node.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link BlockScheduler} the test steps by hand on a fake clock: {@link #runNext()} moves the
 * clock to the earliest due task and runs it. Timing is asserted on the delays asked for, never on
 * elapsed time.
 */
public final class ManualScheduler implements BlockScheduler {
  final AtomicLong clock;
  final List<Long> delays = new ArrayList<>();
  private final List<Task> tasks = new ArrayList<>();
  boolean closed;

  private static final class Task {
    final Runnable body;
    final long due;
    boolean cancelled;

    Task(Runnable body, long due) {
      this.body = body;
      this.due = due;
    }
  }

  public ManualScheduler(AtomicLong clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Scheduled schedule(Runnable task, long delayNanos) {
    if (closed) {
      throw new java.util.concurrent.RejectedExecutionException("closed");
    }
    delays.add(delayNanos);
    Task t = new Task(task, clock.get() + delayNanos);
    tasks.add(t);
    return () -> t.cancelled = true;
  }

  /** The live (not cancelled) tasks waiting. */
  public synchronized int waiting() {
    return (int) tasks.stream().filter(t -> !t.cancelled).count();
  }

  synchronized long lastDelay() {
    return delays.get(delays.size() - 1);
  }

  /** Advances the clock to the earliest live task and runs it; false if there is none. */
  public boolean runNext() {
    Task next;
    synchronized (this) {
      tasks.removeIf(t -> t.cancelled);
      next = tasks.stream().min((a, b) -> Long.compare(a.due, b.due)).orElse(null);
      if (next == null) {
        return false;
      }
      tasks.remove(next);
      clock.set(Math.max(clock.get(), next.due));
    }
    next.body.run();
    return true;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
