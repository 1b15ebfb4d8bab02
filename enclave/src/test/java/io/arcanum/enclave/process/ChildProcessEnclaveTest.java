package io.arcanum.enclave.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.enclave.EnclaveContractTest;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.EnclaveStatus;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.enclave.api.process.EnclaveProcess;
import io.arcanum.enclave.sealing.EnclaveMeasurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * The boundary's contract, met by the enclave in a child JVM; plus what only a separate process can
 * get wrong. Each machine's platform secret is a file in a temporary directory, never the real
 * {@code ~/.arcanum}.
 */
@Timeout(180)
class ChildProcessEnclaveTest extends EnclaveContractTest {
  @TempDir Path machines;
  private final List<Enclave> started = new ArrayList<>();

  @AfterEach
  void stopAll() {
    started.forEach(Enclave::close); // a second close is a no-op
  }

  private EnclaveProcess.Options options(Path platformSecret) {
    return EnclaveProcess.Options.defaults()
        .withPlatformSecret(platformSecret)
        .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(10));
  }

  @Override
  protected Enclave open(
      EnclaveHost host, Machine machine, EnclaveMeasurement build, Long randomSeed)
      throws EnclaveException {
    Path secret = machines.resolve(HexFormat.of().formatHex(machine.secret()) + ".key");
    try {
      if (!Files.exists(secret)) {
        Files.write(secret, machine.secret());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    EnclaveProcess.Options options = options(secret);
    if (!build.equals(BUILD) || randomSeed != null) {
      List<String> arguments = new ArrayList<>();
      arguments.addAll(List.of("--measurement", HexFormat.of().formatHex(build.bytes())));
      if (randomSeed != null) {
        arguments.addAll(List.of("--random-seed", randomSeed.toString()));
      }
      options =
          options.withMainClass(TestEnclaveProcessMain.class.getName()).withArguments(arguments);
    } // else the production main class, as a node starts it
    Enclave enclave = EnclaveProcess.start(host, options);
    started.add(enclave);
    return enclave;
  }

  private static Enclave startOn(EnclaveContractTest.MemoryStorage storage, Path secret)
      throws EnclaveException {
    return EnclaveProcess.start(
        () -> storage,
        EnclaveProcess.Options.defaults()
            .withPlatformSecret(secret)
            .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(10)));
  }

  @Test
  void theChildCreatesItsPlatformSecretPrivatelyWhereTold() throws Exception {
    Path secret = machines.resolve("fresh/sim-platform.key");
    try (Enclave enclave = startOn(new MemoryStorage(), secret)) {
      enclave.bootstrap();
      assertThat(enclave.measurement()).isEqualTo(BUILD.bytes());
    }
    assertThat(Files.size(secret)).isEqualTo(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
        .isEqualTo("rw-------");
  }

  @Test
  void aKilledEnclaveFailsFastAsUnavailableAndCloseStillReturns() throws Exception {
    Enclave enclave = startOn(new MemoryStorage(), machines.resolve("m.key"));
    started.add(enclave);
    enclave.bootstrap();
    ProcessHandle child = EnclaveProcess.processOf(enclave).orElseThrow();
    child.destroyForcibly();
    child.onExit().get(10, TimeUnit.SECONDS);
    long begin = System.nanoTime();
    assertThatThrownBy(enclave::networkPublicKeys)
        .isInstanceOf(EnclaveException.class)
        .satisfies(
            e -> assertThat(((EnclaveException) e).reason()).isEqualTo(Reason.ENCLAVE_UNAVAILABLE))
        .hasMessageContaining("the enclave process");
    // status() cannot throw EnclaveException: the same failure comes as its cause.
    assertThatThrownBy(enclave::status)
        .isInstanceOf(IllegalStateException.class)
        .hasCauseInstanceOf(EnclaveException.class);
    enclave.close();
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void closeStopsTheProcessAndTheKeysSurviveOnlySealed() throws Exception {
    MemoryStorage storage = new MemoryStorage();
    Path secret = machines.resolve("m.key");
    NetworkPublicKeys keys;
    Enclave first = startOn(storage, secret);
    keys = first.bootstrap();
    ProcessHandle child = EnclaveProcess.processOf(first).orElseThrow();
    first.close();
    child.onExit().get(15, TimeUnit.SECONDS);
    assertThat(child.isAlive()).isFalse();
    try (Enclave second = startOn(storage, secret)) {
      assertThat(second.networkPublicKeys()).isEqualTo(keys);
      assertThat(EnclaveProcess.processOf(second).orElseThrow().pid()).isNotEqualTo(child.pid());
    }
  }

  @Test
  void hostThreadsCallOneEnclaveConcurrently() throws Exception {
    try (Enclave enclave = startOn(new MemoryStorage(), machines.resolve("m.key"))) {
      NetworkPublicKeys keys = enclave.bootstrap();
      ExecutorService threads = Executors.newFixedThreadPool(6);
      try {
        List<Future<Boolean>> calls = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
          calls.add(
              threads.submit(
                  () -> {
                    for (int i = 0; i < 50; i++) {
                      if (!enclave.networkPublicKeys().equals(keys)
                          || !enclave.status().equals(new EnclaveStatus(2, false))) {
                        return false;
                      }
                    }
                    return true;
                  }));
        }
        for (Future<Boolean> call : calls) {
          assertThat(call.get(60, TimeUnit.SECONDS)).isTrue();
        }
      } finally {
        threads.shutdownNow();
      }
    }
  }
}
