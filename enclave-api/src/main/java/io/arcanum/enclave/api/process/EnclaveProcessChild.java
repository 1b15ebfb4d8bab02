package io.arcanum.enclave.api.process;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The child's side of {@link EnclaveProcess}: a main class calls {@link #run} with the same pair of
 * interfaces as the host and a way to build its served object. The child connects to the socket
 * named by {@code --socket}, presents the token it read from standard input, builds its object when
 * the host asks (its OCALLs already go to the host), serves until the connection closes, closes the
 * object (zeroing its keys) and exits. If the host dies, the connection closes and the child exits
 * too.
 */
public final class EnclaveProcessChild {
  private EnclaveProcessChild() {}

  /** Builds the served object; may make OCALLs through {@code host}. */
  @FunctionalInterface
  public interface Opener<E, H> {
    /**
     * @param arguments the program arguments other than the transport's own ({@code --socket},
     *     {@code --max-frame}), e.g. {@code --platform-secret <file>}
     */
    E open(H host, List<String> arguments) throws Exception;
  }

  /** Serves, then exits the JVM: 0 after a normal end, 2 on bad arguments, 3 if refused. */
  public static <E, H> void run(
      String[] args, Class<E> ecalls, Class<H> ocalls, Opener<E, H> opener) {
    run(args, ecalls, ocalls, opener, null);
  }

  /**
   * As {@link #run(String[], Class, Class, Opener)}, serving calls on threads from {@code
   * workerThreads}: the enclave makes OCALLs only on the thread serving the ECALL, so work that
   * needs special threads (contract code's large stacks) must run on these threads themselves.
   */
  public static <E, H> void run(
      String[] args,
      Class<E> ecalls,
      Class<H> ocalls,
      Opener<E, H> opener,
      java.util.concurrent.ThreadFactory workerThreads) {
    int status;
    try {
      status = serve(args, System.in, ecalls, ocalls, opener, workerThreads);
    } catch (IOException | RuntimeException e) {
      System.err.println("enclave process: " + e);
      status = 1;
    } catch (InterruptedException e) {
      status = 1;
    }
    System.exit(status);
  }

  static <E, H> int serve(
      String[] args, InputStream tokenSource, Class<E> ecalls, Class<H> ocalls, Opener<E, H> opener)
      throws IOException, InterruptedException {
    return serve(args, tokenSource, ecalls, ocalls, opener, null);
  }

  static <E, H> int serve(
      String[] args,
      InputStream tokenSource,
      Class<E> ecalls,
      Class<H> ocalls,
      Opener<E, H> opener,
      java.util.concurrent.ThreadFactory workerThreads)
      throws IOException, InterruptedException {
    Path socketPath = null;
    int maxFrame = Frames.DEFAULT_MAX_PAYLOAD;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--socket") && i + 1 < args.length) {
        socketPath = Path.of(args[++i]);
      } else if (args[i].equals("--max-frame") && i + 1 < args.length) {
        maxFrame = Integer.parseInt(args[++i]);
      } else {
        rest.add(args[i]);
      }
    }
    if (socketPath == null) {
      System.err.println("enclave process: started without --socket; the host starts it");
      return 2;
    }
    byte[] token = tokenSource.readNBytes(32);
    if (token.length != 32) {
      System.err.println("enclave process: no token on standard input");
      return 2;
    }
    MethodTable enclaveMethods = MethodTable.of(ecalls);
    MethodTable hostMethods = MethodTable.of(ocalls);
    SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX);
    socket.connect(UnixDomainSocketAddress.of(socketPath));
    WireOutput hello = new WireOutput();
    hello.writeByte(Frames.HELLO);
    hello.writeString(Frames.MAGIC);
    hello.writeRaw(token);
    hello.writeRaw(MethodTable.fingerprint(enclaveMethods, hostMethods));
    Arrays.fill(token, (byte) 0);
    Frames.write(socket, hello.frame());
    byte[] welcome = Frames.read(socket, 16);
    if (welcome == null || welcome.length != 1 || welcome[0] != Frames.WELCOME) {
      System.err.println("enclave process: the host refused the connection");
      socket.close();
      return 3;
    }
    Channel channel =
        new Channel(
            socket,
            Channel.Role.ENCLAVE,
            enclaveMethods,
            hostMethods,
            null, // the host may take its time; if it dies, the connection closes
            maxFrame,
            "the host",
            workerThreads);
    H host = RemoteProxy.create(ocalls, channel, null, null);
    List<String> arguments = List.copyOf(rest);
    channel.opener(() -> opener.open(host, arguments)).start();
    channel.awaitClosed();
    if (channel.target() instanceof AutoCloseable served) {
      try {
        served.close(); // again after the host's close() is harmless; without it, keys are zeroed
      } catch (Exception e) {
        System.err.println("enclave process: closing failed: " + e);
      }
    }
    return 0;
  }
}
