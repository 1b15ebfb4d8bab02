package io.arcanum.enclave.api.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Framing on the socket: a big-endian {@code u32} payload length, then the payload. The payload
 * starts with a kind byte; calls and replies then carry their conversation id (see {@link
 * Channel}).
 */
final class Frames {
  static final int HEADER_BYTES = 4;

  /** Default cap on one frame's payload: far above any contract binary or state value. */
  static final int DEFAULT_MAX_PAYLOAD = 64 << 20;

  /** A request: conversation id, method index, arguments. */
  static final int CALL = 1;

  /** The result of the innermost open request of a conversation. */
  static final int RETURN = 2;

  /** The exception of the innermost open request of a conversation. */
  static final int FAILURE = 3;

  /** The host asks the enclave process to build its enclave; answered by RETURN or FAILURE. */
  static final int OPEN = 4;

  /** The child's first frame: magic, token, interface fingerprint. */
  static final int HELLO = 0x10;

  /** The parent's answer to an accepted HELLO. */
  static final int WELCOME = 0x11;

  static final String MAGIC = "arcanum-enclave-process/1";

  private Frames() {}

  /**
   * Reads one frame's payload, or returns {@code null} at a clean end of stream before a frame.
   *
   * @throws WireFormatException if the announced length is zero or above {@code maxPayload} (the
   *     length is checked before anything is allocated)
   */
  static byte[] read(ReadableByteChannel channel, int maxPayload) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    if (!fill(channel, header, true)) {
      return null;
    }
    int length = header.flip().getInt();
    if (length <= 0 || length > maxPayload) {
      throw new WireFormatException(
          "a frame announces "
              + Integer.toUnsignedString(length)
              + " bytes; allowed are 1 to "
              + maxPayload);
    }
    ByteBuffer payload = ByteBuffer.allocate(length);
    fill(channel, payload, false);
    return payload.array();
  }

  /** Writes a whole frame built by {@link WireOutput#frame()}; callers serialize writers. */
  static void write(WritableByteChannel channel, byte[] frame) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(frame);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private static boolean fill(ReadableByteChannel channel, ByteBuffer buffer, boolean eofAllowed)
      throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        if (eofAllowed && buffer.position() == 0) {
          return false;
        }
        throw new WireFormatException("the connection ended inside a frame");
      }
    }
    return true;
  }
}
