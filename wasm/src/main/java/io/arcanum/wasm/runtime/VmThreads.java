package io.arcanum.wasm.runtime;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Platform threads with a large explicit stack for contract calls. The injected call-depth bound
 * (docs/gas.md) is what stops recursion, deterministically; the large stack only guarantees that
 * the JVM never reaches its own limit first, in either engine. A nested call (a smart query made
 * from inside a call) runs inline on the calling VM thread.
 */
public final class VmThreads implements AutoCloseable {
  /** Stack reserved per VM thread; committed lazily by the OS, so mostly address space. */
  public static final long STACK_BYTES = 1L << 30;

  private final ExecutorService executor;

  public VmThreads(int threads) {
    this.executor = Executors.newFixedThreadPool(threads, factory("arcanum-wasm"));
  }

  /**
   * Makes VM threads for a caller's own pool, so contract calls made on them run inline: used where
   * the calling thread itself must make the host calls (the enclave process answers host calls only
   * on the thread serving the call).
   */
  public static ThreadFactory factory(String namePrefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread =
          new VmThread(runnable, namePrefix + "-" + counter.incrementAndGet(), STACK_BYTES);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Runs {@code task} on a VM thread (inline if already on one) and returns its result. */
  public <T> T run(Callable<T> task) {
    try {
      if (Thread.currentThread() instanceof VmThread) {
        return task.call();
      }
      Future<T> future = executor.submit(task);
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a contract call", e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static final class VmThread extends Thread {
    VmThread(Runnable runnable, String name, long stackBytes) {
      super(null, runnable, name, stackBytes);
    }
  }
}
