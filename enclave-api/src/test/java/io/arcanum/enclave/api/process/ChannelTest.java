package io.arcanum.enclave.api.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.process.TestService.Host;
import io.arcanum.enclave.api.process.TestService.Service;
import io.arcanum.enclave.api.process.TestService.ServiceHost;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conversation protocol with both ends in this JVM over a real Unix socket, so the enclave
 * side's threads can be watched directly. The child-process tests repeat the essentials across a
 * process boundary.
 */
@Timeout(60)
class ChannelTest {
  @TempDir Path directory;
  private final List<AutoCloseable> open = new ArrayList<>();

  record Ends(Service service, Channel hostSide, Channel enclaveSide, TestService.Impl impl) {}

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }

  /** Two sockets connected through a listening one. */
  SocketChannel[] socketPair() throws IOException {
    Path path = directory.resolve("s" + open.size() + ".sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(path));
      SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(path));
      SocketChannel accepted = server.accept();
      open.add(client);
      open.add(accepted);
      return new SocketChannel[] {client, accepted};
    }
  }

  Ends connect(ServiceHost host, Duration callTimeout) throws Throwable {
    SocketChannel[] sockets = socketPair();
    MethodTable service = MethodTable.of(Service.class);
    MethodTable hostTable = MethodTable.of(ServiceHost.class);
    Channel enclaveSide =
        new Channel(
            sockets[1], Channel.Role.ENCLAVE, service, hostTable, null, 1 << 20, "the host");
    ServiceHost hostProxy = RemoteProxy.create(ServiceHost.class, enclaveSide, null, null);
    TestService.Impl[] impl = new TestService.Impl[1];
    enclaveSide.opener(() -> impl[0] = new TestService.Impl(hostProxy)).start();
    Channel hostSide =
        new Channel(
                sockets[0],
                Channel.Role.HOST,
                hostTable,
                service,
                callTimeout,
                1 << 20,
                "the enclave process")
            .serving(host)
            .start();
    hostSide.open(Duration.ofSeconds(10));
    Service proxy =
        RemoteProxy.create(Service.class, hostSide, () -> hostSide.close("closed"), null);
    return new Ends(proxy, hostSide, enclaveSide, impl[0]);
  }

  Ends connect(Host host) throws Throwable {
    Ends ends = connect(host, Duration.ofSeconds(30));
    host.service = ends.service();
    return ends;
  }

  @Test
  void nestedCallsRunOnTheWaitingThreadsOfBothSides() throws Throwable {
    Host host = new Host();
    Ends ends = connect(host);
    // fib(12) nests twelve ECALL-in-OCALL levels; the enclave holds a lock across each nesting,
    // so a nested ECALL served on any other thread would deadlock.
    assertThat(ends.service().fib(12)).isEqualTo(144);
    assertThat(new HashSet<>(host.fibThreads)).containsExactly(Thread.currentThread().getName());
    List<String> enclaveThreads = ends.service().fibThreads();
    assertThat(enclaveThreads).hasSizeGreaterThan(100);
    assertThat(new HashSet<>(enclaveThreads)).hasSize(1);
  }

  @Test
  void callsFromManyThreadsAreServedConcurrently() throws Throwable {
    Host host = new Host();
    Ends ends = connect(host);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long base = t * 1000L;
        results.add(
            pool.submit(
                () -> {
                  // Served one after another, these would never meet.
                  ends.service().rendezvous(threads);
                  long sum = 0;
                  for (int i = 0; i < 200; i++) {
                    sum += ends.service().add(base, i);
                  }
                  return sum + ends.service().fib(9);
                }));
      }
      for (int t = 0; t < threads; t++) {
        assertThat(results.get(t).get(30, TimeUnit.SECONDS))
            .isEqualTo(200 * t * 1000L + 199 * 200 / 2 + 34);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void failuresComeBackAsTheMethodsOwnExceptions() throws Throwable {
    Host host = new Host();
    host.store =
        name -> {
          throw new IOException("disk gone");
        };
    Ends ends = connect(host);
    Service service = ends.service();
    // The host's IOException fails the OCALL, the enclave lets it through, the ECALL fails.
    assertThatThrownBy(() -> service.read("x"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("disk gone");
    assertThatThrownBy(() -> service.readArchive("x"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("this host keeps no archive");
    assertThatThrownBy(() -> service.refuse("no such key"))
        .isInstanceOf(EnclaveException.class)
        .hasMessage("INVALID_INPUT: no such key")
        .satisfies(e -> assertThat(((EnclaveException) e).reason()).isEqualTo(Reason.INVALID_INPUT))
        .hasNoCause();
    assertThatThrownBy(() -> service.failWith("npe"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("java.lang.NullPointerException in the enclave process: nothing there");
    assertThatThrownBy(() -> service.failWith("argument"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad argument");
    assertThatThrownBy(() -> service.failWith("state")).hasMessage("bad state");
    assertThatThrownBy(() -> service.failWith("error"))
        .hasMessage("java.lang.AssertionError in the enclave process: broken");
    assertThat(service.addSupplied(() -> 40, 2)).isEqualTo(42); // default, run locally
    // After all that the conversation protocol is intact.
    assertThat(service.add(2, 3)).isEqualTo(5);
  }

  @Test
  void theEnclaveCannotCallTheHostOutsideAnEcall() throws Throwable {
    Ends ends = connect(new Host());
    ServiceHost hostProxy = RemoteProxy.create(ServiceHost.class, ends.enclaveSide(), null, null);
    assertThatThrownBy(() -> hostProxy.fib(3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only on a thread that serves a call from the host");
  }

  @Test
  void aLostPeerFailsWaitingAndLaterCallsAtOnce() throws Throwable {
    Ends ends = connect(new Host());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> sleeping =
          pool.submit(
              () -> {
                ends.service().sleep(60_000);
                return null;
              });
      Thread.sleep(200);
      ends.enclaveSide().close("gone");
      assertThatThrownBy(() -> sleeping.get(5, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(EnclaveException.class)
          .hasMessageContaining("ENCLAVE_UNAVAILABLE")
          .hasMessageContaining("the enclave process"); // closed, or a write failed
      assertThatThrownBy(() -> ends.service().refuse("x"))
          .hasMessageContaining("ENCLAVE_UNAVAILABLE");
      // A method that cannot throw EnclaveException gets it as the cause of an unchecked one.
      assertThatThrownBy(() -> ends.service().add(1, 2))
          .isInstanceOf(IllegalStateException.class)
          .hasCauseInstanceOf(EnclaveException.class);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPeerThatStopsAnsweringIsCutOffAfterTheCallTimeout() throws Throwable {
    Ends ends = connect(new Host(), Duration.ofMillis(300));
    long start = System.nanoTime();
    assertThatThrownBy(() -> ends.service().sleep(10_000))
        .hasMessageContaining("ENCLAVE_UNAVAILABLE")
        .hasMessageContaining("did not answer within PT0.3S");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(ends.hostSide().isOpen()).isFalse();
  }

  @Test
  void closeMakesTheRemoteCallOnceThenEndsTheSession() throws Throwable {
    Ends ends = connect(new Host());
    ends.service().close();
    ends.service().close();
    assertThat(ends.impl().closed).isTrue();
    ends.enclaveSide().awaitClosed();
    assertThat(ends.hostSide().closeReason()).isEqualTo("closed");
    assertThat(ends.service().toString()).isEqualTo("Service in the enclave process");
  }
}
