package io.arcanum.enclave.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal protobuf encoder for building test txs; like proto3 encoders, callers omit defaults.
 */
final class ProtoWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  ProtoWriter varint(int field, long value) {
    tag(field, 0);
    rawVarint(value);
    return this;
  }

  ProtoWriter bytes(int field, byte[] value) {
    tag(field, 2);
    rawVarint(value.length);
    out.writeBytes(value);
    return this;
  }

  ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  ProtoWriter message(int field, ProtoWriter message) {
    return bytes(field, message.toByteArray());
  }

  /** Raw bytes, for hand-made malformed input. */
  ProtoWriter raw(byte... bytes) {
    out.writeBytes(bytes);
    return this;
  }

  ProtoWriter tag(int field, int wireType) {
    rawVarint(((long) field << 3) | wireType);
    return this;
  }

  ProtoWriter rawVarint(long value) {
    while ((value & ~0x7fL) != 0) {
      out.write((int) ((value & 0x7f) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
