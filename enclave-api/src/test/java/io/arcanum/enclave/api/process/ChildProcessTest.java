package io.arcanum.enclave.api.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.process.TestService.Host;
import io.arcanum.enclave.api.process.TestService.Service;
import io.arcanum.enclave.api.process.TestService.ServiceHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The transport across a real child JVM, with the test interface pair. */
@Timeout(120)
class ChildProcessTest {
  @TempDir Path sockets;
  private final List<Service> started = new ArrayList<>();

  EnclaveProcess.Options options(String... flags) {
    return EnclaveProcess.Options.defaults()
        .withMainClass(TestChildMain.class.getName())
        .withArguments(List.of(flags))
        .withSocketDirectory(sockets)
        .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(5));
  }

  Service start(Host host, EnclaveProcess.Options options) throws EnclaveException {
    Service service = EnclaveProcess.start(Service.class, ServiceHost.class, host, options);
    host.service = service;
    started.add(service);
    return service;
  }

  @AfterEach
  void stopAll() {
    started.forEach(Service::close);
  }

  static void assertStopped(Service service) throws Exception {
    ProcessHandle child = EnclaveProcess.processOf(service).orElseThrow();
    child.onExit().get(10, TimeUnit.SECONDS);
    assertThat(child.isAlive()).isFalse();
  }

  @Test
  void callsCrossIntoAnotherProcessAndBackRecursively() throws Exception {
    Host host = new Host();
    Service service = start(host, options());
    assertThat(service.pid()).isNotEqualTo(ProcessHandle.current().pid());
    assertThat(service.pid()).isEqualTo(EnclaveProcess.processOf(service).orElseThrow().pid());
    assertThat(service.fib(10)).isEqualTo(55);
    assertThat(new HashSet<>(host.fibThreads)).containsExactly(Thread.currentThread().getName());
    assertThat(new HashSet<>(service.fibThreads())).hasSize(1);
    CodecSamples.Sample sample = CodecSamples.random(42);
    assertThat(service.echo(sample))
        .usingRecursiveComparison()
        .ignoringCollectionOrderInFieldsMatchingRegexes(".*tags")
        .withEqualsForType(Float::equals, Float.class)
        .isEqualTo(sample);
    assertThat(service.read("abc"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo("abc".getBytes()));
    // The socket and its directory are gone once the child is connected.
    try (var left = Files.list(sockets)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void concurrentCallersAreServedAtOnce() throws Exception {
    Service service = start(new Host(), options());
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(
            threads.submit(
                () -> {
                  service.rendezvous(4); // only if all four are served at the same time
                  return service.fib(7);
                }));
      }
      for (Future<Long> call : calls) {
        assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(13);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void ocallFailuresFailTheEcall() throws Exception {
    Host host = new Host();
    host.store =
        name -> {
          throw new IOException("disk gone");
        };
    Service service = start(host, options());
    assertThatThrownBy(() -> service.read("x"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("disk gone");
    assertThatThrownBy(() -> service.readArchive("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(service.add(1, 1)).isEqualTo(2);
  }

  @Test
  void aChildKilledDuringACallFailsItFastAndEveryCallAfter() throws Exception {
    Service service = start(new Host(), options());
    ProcessHandle child = EnclaveProcess.processOf(service).orElseThrow();
    CompletableFuture<Void> sleeping =
        CompletableFuture.runAsync(
            () -> {
              try {
                service.sleep(60_000);
              } catch (EnclaveException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(300);
    long killedAt = System.nanoTime();
    child.destroyForcibly();
    assertThatThrownBy(() -> sleeping.get(10, TimeUnit.SECONDS))
        .rootCause()
        .isInstanceOf(EnclaveException.class)
        .hasMessageContaining("ENCLAVE_UNAVAILABLE")
        .hasMessageContaining("the enclave process"); // closed, or a write failed
    assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(5));
    assertThatThrownBy(() -> service.refuse("x"))
        .isInstanceOf(EnclaveException.class)
        .satisfies(
            e -> assertThat(((EnclaveException) e).reason()).isEqualTo(Reason.ENCLAVE_UNAVAILABLE));
  }

  @Test
  void aChildKilledWhileTheHostServesItsOcallFailsTheEcall() throws Exception {
    Host host = new Host();
    Service service = start(host, options());
    host.store =
        name -> {
          ProcessHandle child = EnclaveProcess.processOf(host.service).orElseThrow();
          child.destroyForcibly();
          child.onExit().join();
          return Optional.of(new byte[1]);
        };
    // read() may throw IOException but not EnclaveException: it comes as the cause.
    assertThatThrownBy(() -> service.read("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ENCLAVE_UNAVAILABLE")
        .cause()
        .isInstanceOf(EnclaveException.class);
  }

  @Test
  void aHungChildIsKilledAfterTheCallTimeout() throws Exception {
    Service service =
        start(
            new Host(),
            options()
                .withTimeouts(
                    Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(5)));
    assertThatThrownBy(() -> service.sleep(60_000))
        .hasMessageContaining("ENCLAVE_UNAVAILABLE")
        .hasMessageContaining("did not answer within PT0.5S");
    assertStopped(service);
  }

  @Test
  void closeClosesTheServedObjectAndStopsTheChild() throws Exception {
    Service service = start(new Host(), options());
    service.close();
    assertStopped(service);
    assertThatThrownBy(() -> service.refuse("x")).hasMessageContaining("the enclave was closed");
  }

  @Test
  void theChildsOwnRefusalToOpenIsThrownAsIs() {
    assertThatThrownBy(() -> start(new Host(), options("--refuse-open")))
        .isInstanceOf(EnclaveException.class)
        .hasMessage("SEALED_DATA_REJECTED: sealed by another build");
  }

  @Test
  void startFailuresAreClearAndFast() {
    long begin = System.nanoTime();
    assertThatThrownBy(() -> start(new Host(), options("--exit-at-once")))
        .isInstanceOf(EnclaveException.class)
        .hasMessageContaining("ENCLAVE_UNAVAILABLE: the enclave process did not start")
        .hasMessageContaining("exited with code 7")
        .hasMessageContaining("test child: exiting as asked");
    assertThatThrownBy(() -> start(new Host(), options().withMainClass("no.such.Main")))
        .hasMessageContaining("did not start")
        .hasMessageContaining("no.such.Main");
    assertThatThrownBy(() -> start(new Host(), options("--wrong-token")))
        .hasMessageContaining("did not present the token it was given");
    assertThatThrownBy(() -> start(new Host(), options("--other-interfaces")))
        .hasMessageContaining("its interfaces differ from the host's");
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(25));
    assertThatThrownBy(
            () ->
                start(
                    new Host(),
                    options("--never-connect")
                        .withTimeouts(
                            Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2))))
        .hasMessageContaining("did not connect within PT2S");
    try (var left = Files.list(sockets)) {
      assertThat(left).isEmpty();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
