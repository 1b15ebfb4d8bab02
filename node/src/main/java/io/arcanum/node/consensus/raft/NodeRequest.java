package io.arcanum.node.consensus.raft;

import io.arcanum.chain.abci.TxResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What one node asks the leader outside the log, as Ratis read-only messages (they never enter the
 * log, so nobody but the leader's own proposer appends blocks): a forwarded tx, a joining node's
 * admission as a learner, and its promotion to voter once it caught up. Bytes: {@code u8 kind ‖
 * payload}.
 */
record NodeRequest(Kind kind, byte[] payload) {

  enum Kind {
    SUBMIT_TX,
    JOIN_AS_LEARNER,
    PROMOTE_TO_VOTER
  }

  NodeRequest {
    payload = payload.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  byte[] encode() {
    byte[] out = new byte[payload.length + 1];
    out[0] = (byte) kind.ordinal();
    System.arraycopy(payload, 0, out, 1, payload.length);
    return out;
  }

  static NodeRequest decode(byte[] bytes) {
    if (bytes.length == 0 || (bytes[0] & 0xff) >= Kind.values().length) {
      throw new IllegalArgumentException("unknown node request");
    }
    return new NodeRequest(Kind.values()[bytes[0]], Arrays.copyOfRange(bytes, 1, bytes.length));
  }

  /**
   * A CheckTx result as the leader answers a forwarded tx (no events or data: checks have none).
   */
  static byte[] encodeResult(TxResult result) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(result.code());
      out.writeUTF(result.codespace());
      byte[] log = result.log().getBytes(StandardCharsets.UTF_8);
      out.writeInt(log.length);
      out.write(log);
      out.writeLong(result.gasWanted());
      out.writeLong(result.gasUsed());
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  static TxResult decodeResult(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int code = in.readInt();
      String codespace = in.readUTF();
      int length = in.readInt();
      if (length < 0 || length > in.available()) {
        throw new IOException("log cut short");
      }
      String log = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      return new TxResult(code, codespace, log, null, in.readLong(), in.readLong(), List.of());
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed tx result from the leader: " + e.getMessage());
    }
  }
}
