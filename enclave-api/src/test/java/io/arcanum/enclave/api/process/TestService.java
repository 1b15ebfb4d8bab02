package io.arcanum.enclave.api.process;

import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A pair of interfaces unlike the enclave's, to show the transport works for any pair: re-entrant
 * recursion through the host, accessors, every failure kind, blocking and concurrency. The
 * interfaces are package-private because their records are: a proxy of a public interface lives in
 * another module and could not name them.
 */
final class TestService {
  private TestService() {}

  /** What the "enclave" serves. */
  interface Service extends AutoCloseable {
    long add(long a, long b);

    /** A supplier cannot cross: this runs on the calling side and calls add across. */
    default long addSupplied(java.util.function.LongSupplier a, long b) {
      return add(a.getAsLong(), b);
    }

    /** Round-trips a value through the peer's codec. */
    CodecSamples.Sample echo(CodecSamples.Sample value);

    /** fib(n) = host.fib(n-1) + host.fib(n-2); the host answers by calling fib here again. */
    long fib(int n);

    /** The names of the threads that served fib calls since the last ask, then forgets them. */
    List<String> fibThreads();

    /** Reads through the host's store accessor: the host's IOException comes back. */
    Optional<byte[]> read(String name) throws IOException;

    /** Reads through the host's archive accessor, which the host may not support. */
    Optional<byte[]> readArchive(String name) throws IOException;

    void refuse(String why) throws EnclaveException;

    void failWith(String exceptionKind);

    /** Blocks until {@code parties} calls meet here: possible only if they are served at once. */
    int rendezvous(int parties) throws EnclaveException;

    void sleep(long millis) throws EnclaveException;

    long pid();

    @Override
    void close();
  }

  /** What the "host" serves. */
  interface ServiceHost {
    Store store();

    default Store archive() {
      throw new UnsupportedOperationException("this host keeps no archive");
    }

    long fib(int n);
  }

  interface Store {
    Optional<byte[]> read(String name) throws IOException;
  }

  /** The same service with an extra host method: another fingerprint. */
  interface OtherHost extends ServiceHost {
    void extra();
  }

  /** The served object, in the test JVM or in a child's. */
  static final class Impl implements Service {
    private final ServiceHost host;
    private final List<String> fibThreads = new ArrayList<>();
    private final ConcurrentHashMap<Integer, CyclicBarrier> barriers = new ConcurrentHashMap<>();
    volatile boolean closed;

    Impl(ServiceHost host) {
      this.host = host;
    }

    @Override
    public long add(long a, long b) {
      return a + b;
    }

    @Override
    public CodecSamples.Sample echo(CodecSamples.Sample value) {
      return value;
    }

    @Override
    public long fib(int n) {
      synchronized (fibThreads) { // held across the nested calls: they must come back here
        fibThreads.add(Thread.currentThread().getName());
        return n < 2 ? n : host.fib(n - 1) + host.fib(n - 2);
      }
    }

    @Override
    public List<String> fibThreads() {
      synchronized (fibThreads) {
        List<String> names = List.copyOf(fibThreads);
        fibThreads.clear();
        return names;
      }
    }

    @Override
    public Optional<byte[]> read(String name) throws IOException {
      return host.store().read(name);
    }

    @Override
    public Optional<byte[]> readArchive(String name) throws IOException {
      return host.archive().read(name);
    }

    @Override
    public void refuse(String why) throws EnclaveException {
      throw new EnclaveException(Reason.INVALID_INPUT, why);
    }

    @Override
    public void failWith(String exceptionKind) {
      switch (exceptionKind) {
        case "npe" -> throw new NullPointerException("nothing there");
        case "argument" -> throw new IllegalArgumentException("bad argument");
        case "state" -> throw new IllegalStateException("bad state");
        case "error" -> throw new AssertionError("broken");
        default -> throw new UnsupportedOperationException(exceptionKind);
      }
    }

    @Override
    public int rendezvous(int parties) throws EnclaveException {
      try {
        return barriers.computeIfAbsent(parties, CyclicBarrier::new).await(20, TimeUnit.SECONDS);
      } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
        throw new EnclaveException(Reason.INVALID_INPUT, "the calls did not meet: " + e);
      }
    }

    @Override
    public void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public long pid() {
      return ProcessHandle.current().pid();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** A host whose fib calls back into the service, recording the threads it ran on. */
  static final class Host implements ServiceHost {
    volatile Service service;
    volatile Store store =
        name -> Optional.of(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    final List<String> fibThreads = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public Store store() {
      return store;
    }

    @Override
    public long fib(int n) {
      fibThreads.add(Thread.currentThread().getName());
      return service.fib(n);
    }
  }
}
