package io.arcanum.wasm.instrument;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs wasm on a thread with an explicit, large stack, as the VM will: the instrumentation's
 * call-depth bound must trap long before the JVM stack overflows.
 */
final class BigStack {
  static final long STACK_BYTES = 512L << 20;

  private BigStack() {}

  static <T> T run(Callable<T> task) {
    return run(task, STACK_BYTES);
  }

  static <T> T run(Callable<T> task, long stackBytes) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result.set(task.call());
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "wasm",
            stackBytes);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
    return result.get();
  }
}
