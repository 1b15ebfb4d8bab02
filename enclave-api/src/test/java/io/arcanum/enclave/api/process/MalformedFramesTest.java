package io.arcanum.enclave.api.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.process.TestService.Host;
import io.arcanum.enclave.api.process.TestService.Service;
import io.arcanum.enclave.api.process.TestService.ServiceHost;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A peer that breaks the protocol is cut off with a reason, never served or waited for. */
@Timeout(30)
class MalformedFramesTest {
  private static final int MAX = 1 << 16;
  private static final MethodTable SERVICE = MethodTable.of(Service.class);
  private static final MethodTable HOST = MethodTable.of(ServiceHost.class);

  @TempDir Path directory;

  SocketChannel[] socketPair() throws IOException {
    Path path = directory.resolve("s.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(path));
      SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(path));
      return new SocketChannel[] {client, server.accept()};
    }
  }

  static int index(String methodName) {
    return SERVICE.entries().stream()
        .filter(e -> e.method().getName().equals(methodName))
        .findFirst()
        .orElseThrow()
        .index();
  }

  static byte[] frame(int... payload) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + payload.length).putInt(payload.length);
    for (int b : payload) {
      buffer.put((byte) b);
    }
    return buffer.array();
  }

  static Stream<Arguments> fromARogueHost() {
    return Stream.of(
        Arguments.of(
            "a 2 GiB frame", ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array(), "announces"),
        Arguments.of("an empty frame", frame(), "announces 0 bytes"),
        Arguments.of("an unknown kind", frame(9, 1), "unknown frame kind 9"),
        Arguments.of("a reply to nothing", frame(Frames.RETURN, 5), "conversation 5 unknown"),
        Arguments.of("a method beyond the table", frame(Frames.CALL, 1, 99), "no index 99"),
        Arguments.of(
            "truncated arguments",
            frame(Frames.CALL, 1, index("add"), 0x80),
            "the frame ends early"),
        Arguments.of(
            "trailing bytes",
            frame(Frames.CALL, 1, index("pid"), 0),
            "unexpected bytes at the end"),
        Arguments.of(
            "invalid UTF-8",
            frame(Frames.CALL, 1, index("refuse"), 1, 2, 0xC3, 0x28),
            "not valid UTF-8"),
        Arguments.of(
            "a frame cut short",
            ByteBuffer.allocate(7).putInt(10).put(new byte[] {1, 1, 1}).array(),
            "ended inside a frame"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fromARogueHost")
  void theEnclaveSideCutsOffARogueHost(String what, byte[] bytes, String reason) throws Exception {
    SocketChannel[] sockets = socketPair();
    Channel enclaveSide =
        new Channel(sockets[1], Channel.Role.ENCLAVE, SERVICE, HOST, null, MAX, "the host");
    ServiceHost hostProxy = RemoteProxy.create(ServiceHost.class, enclaveSide, null, null);
    enclaveSide.opener(() -> new TestService.Impl(hostProxy)).start();
    try (SocketChannel rogue = sockets[0]) {
      Frames.write(rogue, frame(Frames.OPEN, 1));
      assertThat(Frames.read(rogue, MAX)).containsExactly(Frames.RETURN, 1);
      Frames.write(rogue, bytes);
      if (what.contains("cut short")) {
        rogue.shutdownOutput(); // otherwise the connection stays up: the enclave must decide
      }
      CompletableFuture.runAsync(
              () -> {
                try {
                  enclaveSide.awaitClosed();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              })
          .get(10, TimeUnit.SECONDS);
      assertThat(enclaveSide.closeReason())
          .startsWith("protocol violation by the host")
          .contains(reason);
    }
  }

  @Test
  void aSecondOpenIsAViolation() throws Exception {
    theEnclaveSideCutsOffARogueHost("open twice", frame(Frames.OPEN, 2), "an open request");
  }

  /** A host channel whose "enclave" is this test, answering by hand. */
  Channel hostSideWithRogueEnclave(SocketChannel socket) {
    return new Channel(
            socket, Channel.Role.HOST, HOST, SERVICE, Duration.ofSeconds(20), MAX, "the enclave")
        .serving(new Host())
        .start();
  }

  @Test
  void aGarbledReplyFailsTheCallAndClosesTheChannel() throws Exception {
    SocketChannel[] sockets = socketPair();
    Channel hostSide = hostSideWithRogueEnclave(sockets[0]);
    Service service = RemoteProxy.create(Service.class, hostSide, null, null);
    try (SocketChannel rogue = sockets[1]) {
      CompletableFuture<Long> call =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  service.refuse("x");
                  return 0L;
                } catch (EnclaveException e) {
                  throw new IllegalStateException(e);
                }
              });
      byte[] request = Frames.read(rogue, MAX);
      assertThat(request[0]).isEqualTo((byte) Frames.CALL);
      Frames.write(
          rogue, frame(Frames.FAILURE, request[1], 0, 2, 'x')); // the class name ends early
      assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
          .rootCause()
          .isInstanceOf(EnclaveException.class)
          .hasMessageContaining("ENCLAVE_UNAVAILABLE: protocol violation by the enclave");
      assertThat(hostSide.isOpen()).isFalse();
    }
  }

  @Test
  void theHostRefusesCallsOutsideItsOwnConversations() throws Exception {
    SocketChannel[] sockets = socketPair();
    Channel hostSide = hostSideWithRogueEnclave(sockets[0]);
    try (SocketChannel rogue = sockets[1]) {
      Frames.write(rogue, frame(Frames.CALL, 42, 0));
      hostSide.awaitClosed();
      assertThat(hostSide.closeReason()).contains("conversation 42");
    }
  }
}
