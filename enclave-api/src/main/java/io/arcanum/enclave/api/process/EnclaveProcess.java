package io.arcanum.enclave.api.process;

import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The enclave in a child JVM: the host keeps only a proxy, so no key, seed or plaintext of the
 * enclave is ever in the host's memory. Calls cross a Unix domain socket in a private directory;
 * the child proves itself with a random token given on its standard input.
 *
 * <pre>{@code
 * try (Enclave enclave = EnclaveProcess.start(host, EnclaveProcess.Options.defaults())) {
 *   NetworkPublicKeys keys = enclave.bootstrap();   // runs in the child; OCALLs come back to host
 * }                                                 // close() closes the enclave, stops the child
 * }</pre>
 *
 * <p>Any method of the two interfaces whose types {@link WireCodec} supports crosses without
 * changes here (see docs/enclave.md, "The enclave process").
 */
public final class EnclaveProcess {
  private EnclaveProcess() {}

  /**
   * Starts the enclave process and opens its enclave (which may unseal its keychain through {@code
   * host}'s OCALLs), returning once it can take ECALLs.
   *
   * @throws EnclaveException the enclave's own refusal to open (e.g. SEALED_DATA_REJECTED), or
   *     ENCLAVE_UNAVAILABLE if the process did not start, connect or prove itself in time
   */
  public static Enclave start(EnclaveHost host, Options options) throws EnclaveException {
    return start(Enclave.class, EnclaveHost.class, host, options);
  }

  /**
   * The same for any pair of interfaces: {@code ecalls} served by the child (whose main class must
   * call {@link EnclaveProcessChild#run} with the same pair), {@code ocalls} served here by {@code
   * host}.
   *
   * @throws IllegalArgumentException if a method of either interface has a type that cannot cross
   */
  public static <E extends AutoCloseable, H> E start(
      Class<E> ecalls, Class<H> ocalls, H host, Options options) throws EnclaveException {
    Objects.requireNonNull(host, "host");
    return ChildProcess.launch(ecalls, ocalls, ocalls.cast(host), options);
  }

  /** The child process behind a proxy from {@link #start}, e.g. to monitor it. */
  public static Optional<ProcessHandle> processOf(Object enclave) {
    return RemoteProxy.sessionOf(enclave) instanceof ChildProcess child
        ? Optional.of(child.handle())
        : Optional.empty();
  }

  /** The parent's class path for the child: surefire's real test path if set, else this JVM's. */
  public static String defaultClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }

  /**
   * How to start the enclave process.
   *
   * @param javaExecutable the {@code java} launcher; by default this JVM's
   * @param classPath the child's class path; it must hold the main class and the enclave
   * @param mainClass calls {@link EnclaveProcessChild#run}; by default the enclave module's
   * @param jvmOptions options before the class path (memory, flags)
   * @param arguments extra program arguments, passed to the child's opener
   * @param platformSecret where the child keeps the simulated platform's sealing secret; {@code
   *     null} for its default ({@code ~/.arcanum/sim-platform.key}); tests pass their own
   * @param socketDirectory where the private socket directory is made; {@code null} for {@code
   *     java.io.tmpdir} (a socket path must stay under 108 bytes)
   * @param startTimeout for starting, connecting, proving itself and opening the enclave
   * @param callTimeout how long a caller waits for the next step of its call before the child
   *     counts as hung and is killed
   * @param stopTimeout how long {@code close()} waits for the child to exit, before each of
   *     terminate and kill
   * @param output where the child's standard output and error go
   * @param maxFrameBytes the largest message accepted from the peer
   */
  public record Options(
      Path javaExecutable,
      String classPath,
      String mainClass,
      List<String> jvmOptions,
      List<String> arguments,
      Path platformSecret,
      Path socketDirectory,
      Duration startTimeout,
      Duration callTimeout,
      Duration stopTimeout,
      Output output,
      int maxFrameBytes) {

    /** The enclave module's main class for the child. */
    public static final String ENCLAVE_MAIN_CLASS = "io.arcanum.enclave.process.EnclaveProcessMain";

    /** The flags contract runners need (README): JNI without warnings, JIT for huge methods. */
    public static final List<String> DEFAULT_JVM_OPTIONS =
        List.of("--enable-native-access=ALL-UNNAMED", "-XX:-DontCompileHugeMethods");

    /** Where the child's output goes. */
    public enum Output {
      /** Each line to this JVM's {@code System.Logger} "io.arcanum.enclave.process" at INFO. */
      LOG,
      /** Straight to this JVM's standard output and error. */
      INHERIT
    }

    public Options {
      Objects.requireNonNull(javaExecutable, "javaExecutable");
      Objects.requireNonNull(classPath, "classPath");
      Objects.requireNonNull(mainClass, "mainClass");
      jvmOptions = List.copyOf(jvmOptions);
      arguments = List.copyOf(arguments);
      positive(startTimeout, "startTimeout");
      positive(callTimeout, "callTimeout");
      positive(stopTimeout, "stopTimeout");
      Objects.requireNonNull(output, "output");
      if (maxFrameBytes < 1024) {
        throw new IllegalArgumentException("maxFrameBytes must be at least 1024");
      }
    }

    private static void positive(Duration duration, String name) {
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
    }

    /** This JVM's java and class path, the enclave's main class, generous timeouts. */
    public static Options defaults() {
      return new Options(
          Path.of(System.getProperty("java.home"), "bin", "java"),
          defaultClassPath(),
          ENCLAVE_MAIN_CLASS,
          DEFAULT_JVM_OPTIONS,
          List.of(),
          null,
          null,
          Duration.ofSeconds(60),
          Duration.ofMinutes(5),
          Duration.ofSeconds(10),
          Output.LOG,
          Frames.DEFAULT_MAX_PAYLOAD);
    }

    public Options withPlatformSecret(Path file) {
      return new Options(
          javaExecutable,
          classPath,
          mainClass,
          jvmOptions,
          arguments,
          file,
          socketDirectory,
          startTimeout,
          callTimeout,
          stopTimeout,
          output,
          maxFrameBytes);
    }

    public Options withClassPath(String path) {
      return new Options(
          javaExecutable,
          path,
          mainClass,
          jvmOptions,
          arguments,
          platformSecret,
          socketDirectory,
          startTimeout,
          callTimeout,
          stopTimeout,
          output,
          maxFrameBytes);
    }

    public Options withMainClass(String name) {
      return new Options(
          javaExecutable,
          classPath,
          name,
          jvmOptions,
          arguments,
          platformSecret,
          socketDirectory,
          startTimeout,
          callTimeout,
          stopTimeout,
          output,
          maxFrameBytes);
    }

    public Options withJvmOptions(List<String> options) {
      return new Options(
          javaExecutable,
          classPath,
          mainClass,
          options,
          arguments,
          platformSecret,
          socketDirectory,
          startTimeout,
          callTimeout,
          stopTimeout,
          output,
          maxFrameBytes);
    }

    public Options withArguments(List<String> values) {
      return new Options(
          javaExecutable,
          classPath,
          mainClass,
          jvmOptions,
          values,
          platformSecret,
          socketDirectory,
          startTimeout,
          callTimeout,
          stopTimeout,
          output,
          maxFrameBytes);
    }

    public Options withTimeouts(Duration start, Duration call, Duration stop) {
      return new Options(
          javaExecutable,
          classPath,
          mainClass,
          jvmOptions,
          arguments,
          platformSecret,
          socketDirectory,
          start,
          call,
          stop,
          output,
          maxFrameBytes);
    }

    public Options withOutput(Output where) {
      return new Options(
          javaExecutable,
          classPath,
          mainClass,
          jvmOptions,
          arguments,
          platformSecret,
          socketDirectory,
          startTimeout,
          callTimeout,
          stopTimeout,
          where,
          maxFrameBytes);
    }

    public Options withMaxFrameBytes(int bytes) {
      return new Options(
          javaExecutable,
          classPath,
          mainClass,
          jvmOptions,
          arguments,
          platformSecret,
          socketDirectory,
          startTimeout,
          callTimeout,
          stopTimeout,
          output,
          bytes);
    }

    public Options withSocketDirectory(Path directory) {
      return new Options(
          javaExecutable,
          classPath,
          mainClass,
          jvmOptions,
          arguments,
          platformSecret,
          directory,
          startTimeout,
          callTimeout,
          stopTimeout,
          output,
          maxFrameBytes);
    }
  }
}
