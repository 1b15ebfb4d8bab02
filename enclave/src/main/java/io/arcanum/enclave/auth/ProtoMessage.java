package io.arcanum.enclave.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One protobuf message read in full by {@link ProtoReader}: its fields by number, with typed
 * accessors that check the wire type. Unknown fields are kept but never read, which is how protobuf
 * skips them.
 *
 * <p>A singular field given twice is refused. Protobuf would let the last one win (or merge
 * messages), but no honest encoder repeats a field, and refusing removes any chance that the node
 * and the enclave read different values from the same bytes.
 */
final class ProtoMessage {
  private record Field(int wireType, long varint, byte[] bytes) {}

  private final String what;
  private final Map<Integer, List<Field>> fields;

  private ProtoMessage(String what, Map<Integer, List<Field>> fields) {
    this.what = what;
    this.fields = fields;
  }

  /**
   * Reads every field of {@code bytes}.
   *
   * @param what the message's name for error messages, e.g. "TxRaw"
   */
  static ProtoMessage parse(byte[] bytes, String what) throws SenderAuthenticationException {
    ProtoReader reader = new ProtoReader(bytes, what);
    Map<Integer, List<Field>> fields = new HashMap<>();
    while (reader.hasMore()) {
      ProtoReader.Tag tag = reader.readTag();
      Field field =
          switch (tag.wireType()) {
            case ProtoReader.VARINT -> new Field(tag.wireType(), reader.readVarint(), null);
            case ProtoReader.LEN -> new Field(tag.wireType(), 0, reader.readLengthDelimited());
            default -> {
              reader.skip(tag);
              yield new Field(tag.wireType(), 0, null);
            }
          };
      fields.computeIfAbsent(tag.fieldNumber(), n -> new ArrayList<>()).add(field);
    }
    return new ProtoMessage(what, fields);
  }

  /** A singular {@code bytes} or embedded-message field; empty if absent (proto3 default). */
  byte[] bytes(int number, String name) throws SenderAuthenticationException {
    Field field = single(number, name, ProtoReader.LEN);
    return field == null ? new byte[0] : field.bytes();
  }

  /** Whether a singular length-delimited field is present, e.g. an optional embedded message. */
  boolean has(int number) {
    return fields.containsKey(number);
  }

  /** A singular {@code string} field, strict UTF-8; "" if absent. */
  String string(int number, String name) throws SenderAuthenticationException {
    return ProtoReader.utf8(bytes(number, name), what + "." + name);
  }

  /** A singular {@code uint64} (or uint32, enum) field; 0 if absent. */
  long uint64(int number, String name) throws SenderAuthenticationException {
    Field field = single(number, name, ProtoReader.VARINT);
    return field == null ? 0 : field.varint();
  }

  /** A repeated {@code bytes}, {@code string} or embedded-message field, in wire order. */
  List<byte[]> repeatedBytes(int number, String name) throws SenderAuthenticationException {
    List<Field> list = fields.getOrDefault(number, List.of());
    List<byte[]> out = new ArrayList<>(list.size());
    for (Field field : list) {
      checkWireType(field, number, name, ProtoReader.LEN);
      out.add(field.bytes());
    }
    return out;
  }

  private Field single(int number, String name, int wireType) throws SenderAuthenticationException {
    List<Field> list = fields.get(number);
    if (list == null) {
      return null;
    }
    if (list.size() > 1) {
      throw SenderAuthenticationException.malformed(
          what + "." + name + " (field " + number + ") appears " + list.size() + " times");
    }
    checkWireType(list.get(0), number, name, wireType);
    return list.get(0);
  }

  private void checkWireType(Field field, int number, String name, int expected)
      throws SenderAuthenticationException {
    if (field.wireType() != expected) {
      throw SenderAuthenticationException.malformed(
          what
              + "."
              + name
              + " (field "
              + number
              + ") has wire type "
              + field.wireType()
              + ", expected "
              + expected);
    }
  }
}
