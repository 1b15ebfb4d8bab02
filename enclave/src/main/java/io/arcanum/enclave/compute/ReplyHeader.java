package io.arcanum.enclave.compute;

import io.arcanum.crypto.tx.CodeHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A reply header in a sub-message's plaintext (protocol.md §6, §7): {@code "REPLY01" ‖
 * BE64(sub_msg_id) ‖ caller_code_hash(64 hex)}, telling the callee whom its result goes back to.
 */
record ReplyHeader(long subMessageId, CodeHash callerCodeHash) {
  static final byte[] TAG = "REPLY01".getBytes(StandardCharsets.US_ASCII);
  static final int LENGTH = TAG.length + 8 + CodeHash.HEX_LENGTH;

  byte[] bytes() {
    return ByteBuffer.allocate(LENGTH)
        .put(TAG)
        .putLong(subMessageId)
        .put(callerCodeHash.hex().getBytes(StandardCharsets.US_ASCII))
        .array();
  }

  /**
   * Headers at the start of {@code plaintext} (after the code hash) and where the message starts.
   */
  record Parsed(List<ReplyHeader> headers, int messageOffset) {}

  static Parsed parse(byte[] plaintext, int offset) {
    List<ReplyHeader> headers = new ArrayList<>();
    int at = offset;
    while (plaintext.length - at >= LENGTH && startsWithTag(plaintext, at)) {
      long id = ByteBuffer.wrap(plaintext, at + TAG.length, 8).getLong();
      String hash =
          new String(
              plaintext, at + TAG.length + 8, CodeHash.HEX_LENGTH, StandardCharsets.US_ASCII);
      CodeHash caller;
      try {
        caller = CodeHash.parse(hash);
      } catch (RuntimeException e) {
        break; // not a header after all: the contract's message happens to start with REPLY01
      }
      headers.add(new ReplyHeader(id, caller));
      at += LENGTH;
    }
    return new Parsed(List.copyOf(headers), at);
  }

  private static boolean startsWithTag(byte[] bytes, int at) {
    for (int i = 0; i < TAG.length; i++) {
      if (bytes[at + i] != TAG[i]) {
        return false;
      }
    }
    return true;
  }
}
