package io.arcanum.enclave.api.process;

import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The host's side of one enclave process: starts the child JVM, lets it connect to a socket in a
 * fresh 0700 directory, checks its token and interface fingerprint, and stops it. The socket file
 * and its directory are deleted as soon as the one expected connection is accepted.
 */
final class ChildProcess {
  private static final System.Logger LOG = System.getLogger("io.arcanum.enclave.process");
  private static final int TOKEN_BYTES = 32;
  private static final int RECENT_LINES = 20;

  private final EnclaveProcess.Options options;
  private final Process process;
  private final Deque<String> recentOutput = new ArrayDeque<>();
  private final List<Thread> pumps = new ArrayList<>();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private volatile Channel channel;

  private ChildProcess(EnclaveProcess.Options options, Process process) {
    this.options = options;
    this.process = process;
    if (options.output() == EnclaveProcess.Options.Output.LOG) {
      pump(process.getInputStream(), "");
      pump(process.getErrorStream(), "err ");
    }
  }

  static <E> E launch(Class<E> ecalls, Class<?> ocalls, Object host, EnclaveProcess.Options options)
      throws EnclaveException {
    MethodTable enclaveMethods = MethodTable.of(ecalls);
    MethodTable hostMethods = MethodTable.of(ocalls);
    byte[] fingerprint = MethodTable.fingerprint(enclaveMethods, hostMethods);
    long deadline = System.nanoTime() + options.startTimeout().toNanos();
    byte[] token = new byte[TOKEN_BYTES];
    new SecureRandom().nextBytes(token);
    Path directory = null;
    ChildProcess child = null;
    try {
      directory = privateDirectory(options.socketDirectory());
      Path socketPath = directory.resolve("enclave.sock");
      SocketChannel socket;
      try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
        server.bind(UnixDomainSocketAddress.of(socketPath), 1);
        child = new ChildProcess(options, startProcess(options, socketPath));
        child.sendToken(token);
        socket = child.accept(server, deadline);
      } finally {
        deleteQuietly(socketPath);
        deleteQuietly(directory);
      }
      child.handshake(socket, token, fingerprint, deadline);
      Channel channel =
          new Channel(
              socket,
              Channel.Role.HOST,
              hostMethods,
              enclaveMethods,
              options.callTimeout(),
              options.maxFrameBytes(),
              "the enclave process");
      child.channel = channel;
      ChildProcess started = child;
      channel.serving(host).explainLoss(started::explain).onClose(started::lost).start();
      channel.open(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      return RemoteProxy.create(ecalls, channel, started::stop, started);
    } catch (EnclaveException e) {
      if (child != null) {
        child.kill();
      }
      if (e.reason() != Reason.ENCLAVE_UNAVAILABLE) {
        throw e; // the enclave itself refused to open, e.g. SEALED_DATA_REJECTED
      }
      throw notStarted(child, e.getMessage());
    } catch (Throwable e) {
      if (child != null) {
        child.kill();
      }
      throw notStarted(child, e instanceof IOException ? e.getMessage() : e.toString());
    } finally {
      Arrays.fill(token, (byte) 0);
      if (directory != null) {
        deleteQuietly(directory);
      }
    }
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  private static Process startProcess(EnclaveProcess.Options options, Path socketPath)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(options.javaExecutable().toString());
    command.addAll(options.jvmOptions());
    command.add("-cp");
    command.add(options.classPath());
    command.add(options.mainClass());
    command.addAll(List.of("--socket", socketPath.toString()));
    command.addAll(List.of("--max-frame", Integer.toString(options.maxFrameBytes())));
    if (options.platformSecret() != null) {
      command.addAll(List.of("--platform-secret", options.platformSecret().toString()));
    }
    command.addAll(options.arguments());
    ProcessBuilder builder = new ProcessBuilder(command);
    if (options.output() == EnclaveProcess.Options.Output.INHERIT) {
      builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
      builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    }
    return builder.start();
  }

  /** The token goes on standard input, which then closes: never on the command line. */
  private void sendToken(byte[] token) throws IOException {
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(token);
    } catch (IOException e) {
      throw new IOException("it exited before reading its token", e);
    }
  }

  private SocketChannel accept(ServerSocketChannel server, long deadline) throws IOException {
    server.configureBlocking(false);
    try (Selector selector = Selector.open()) {
      server.register(selector, SelectionKey.OP_ACCEPT);
      while (true) {
        SocketChannel socket = server.accept();
        if (socket != null) {
          socket.configureBlocking(true);
          return socket;
        }
        if (!process.isAlive()) {
          throw new IOException(
              "it exited with code " + process.exitValue() + " before connecting");
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new IOException("it did not connect within " + options.startTimeout());
        }
        selector.select(Math.min(100, left));
      }
    }
  }

  /** HELLO: magic, the token, the interface fingerprint; answered by WELCOME. */
  private void handshake(SocketChannel socket, byte[] token, byte[] fingerprint, long deadline)
      throws IOException {
    AtomicBoolean decided = new AtomicBoolean();
    CompletableFuture.delayedExecutor(
            Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
        .execute(
            () -> {
              if (decided.compareAndSet(false, true)) {
                closeQuietly(socket);
              }
            });
    byte[] hello;
    try {
      hello = Frames.read(socket, 256);
    } catch (IOException e) {
      closeQuietly(socket);
      throw decided.get() ? new IOException("it did not greet within the start timeout") : e;
    }
    if (!decided.compareAndSet(false, true)) {
      throw new IOException("it did not greet within the start timeout");
    }
    try {
      if (hello == null) {
        throw new IOException("it closed the connection without greeting");
      }
      WireInput in = new WireInput(hello);
      if (in.readByte() != Frames.HELLO || !Frames.MAGIC.equals(in.readString())) {
        throw new IOException("it does not speak this protocol");
      }
      byte[] presented = in.readRaw(TOKEN_BYTES);
      byte[] itsFingerprint = in.readRaw(fingerprint.length);
      in.expectEnd();
      if (!MessageDigest.isEqual(presented, token)) {
        throw new IOException("it did not present the token it was given");
      }
      if (!Arrays.equals(itsFingerprint, fingerprint)) {
        throw new IOException(
            "its interfaces differ from the host's (another build on its class path?)");
      }
      WireOutput welcome = new WireOutput();
      welcome.writeByte(Frames.WELCOME);
      Frames.write(socket, welcome.frame());
    } catch (IOException e) {
      closeQuietly(socket);
      throw e;
    }
  }

  /** After the proxy's close(): the child exits by itself once the connection closes. */
  private void stop() {
    stopping.set(true);
    Channel current = channel;
    if (current != null) {
      current.close("the enclave was closed");
    }
    try {
      long wait = options.stopTimeout().toMillis();
      if (!process.waitFor(wait, TimeUnit.MILLISECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "enclave process did not exit; terminating it");
        process.destroy();
        if (!process.waitFor(wait, TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor(wait, TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The channel closed: unless the host is stopping it, the child is gone, hung or rogue. */
  private void lost(String reason) {
    if (!stopping.get()) {
      LOG.log(System.Logger.Level.WARNING, "enclave process unavailable: {0}", reason);
      process.destroyForcibly();
    }
  }

  private void kill() {
    stopping.set(true);
    Channel current = channel;
    if (current != null) {
      current.close("the enclave process did not start");
    }
    process.destroyForcibly();
    try {
      process.waitFor(options.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Adds the exit code to a lost connection's reason if the child exits within a second. */
  private String explain(String reason) {
    try {
      if (process.waitFor(1, TimeUnit.SECONDS)) {
        return reason + " (it exited with code " + process.exitValue() + ")";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return reason;
  }

  private static EnclaveException notStarted(ChildProcess child, String why) {
    String output = child == null ? "" : child.recentOutput();
    return new EnclaveException(
        Reason.ENCLAVE_UNAVAILABLE,
        "the enclave process did not start: "
            + why
            + (output.isEmpty() ? "" : "; its output:\n")
            + output);
  }

  /** The last lines the child printed (JVM start-up errors, a missing class), for diagnosis. */
  private String recentOutput() {
    for (Thread pump : pumps) {
      try {
        pump.join(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (recentOutput) {
      return String.join("\n", recentOutput);
    }
  }

  private void pump(InputStream stream, String prefix) {
    Thread thread =
        new Thread(
            () -> {
              String name = "enclave[" + process.pid() + "] " + prefix;
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  LOG.log(System.Logger.Level.INFO, name + line);
                  synchronized (recentOutput) {
                    recentOutput.addLast(line);
                    if (recentOutput.size() > RECENT_LINES) {
                      recentOutput.removeFirst();
                    }
                  }
                }
              } catch (IOException closed) {
                // the process ended
              }
            },
            "enclave-output");
    thread.setDaemon(true);
    thread.start();
    pumps.add(thread);
  }

  private static Path privateDirectory(Path parent) throws IOException {
    Path base = parent != null ? parent : Path.of(System.getProperty("java.io.tmpdir"));
    try {
      return Files.createTempDirectory(
          base,
          "arcanum-enclave-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException notPosix) {
      return Files.createTempDirectory(base, "arcanum-enclave-");
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // a leftover empty directory in the temp dir is harmless
    }
  }

  private static void closeQuietly(SocketChannel socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
