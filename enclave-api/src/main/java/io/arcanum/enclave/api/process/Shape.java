package io.arcanum.enclave.api.process;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one Java type is written on the wire. Encoding is directed by the declared type (both sides
 * derive the same shapes from the same interfaces, checked by the handshake's fingerprint), so no
 * type tags travel and a decoder accepts exactly the values the declared type allows.
 *
 * <p>Built by {@link WireCodec#shapeOf}; composite shapes (records, sealed hierarchies) live in
 * {@link RecordShape} and {@link SealedShape}.
 */
interface Shape {
  /** Nesting of records and containers the decoder accepts; deeper frames are malformed. */
  int MAX_DEPTH = 64;

  void write(WireOutput out, Object value, int depth);

  Object read(WireInput in, int depth) throws WireFormatException;

  /** A canonical description for the interface fingerprint; records and enums once in full. */
  void describe(StringBuilder text, Set<Class<?>> described);

  static void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("values nest deeper than " + MAX_DEPTH);
    }
  }

  static void checkReadDepth(int depth) throws WireFormatException {
    if (depth > MAX_DEPTH) {
      throw new WireFormatException("values nest deeper than " + MAX_DEPTH);
    }
  }

  /** Primitives, unboxed: no null marker (boxed types get one through {@link Nullable}). */
  enum Primitive implements Shape {
    BOOLEAN,
    BYTE,
    SHORT,
    CHAR,
    INT,
    LONG,
    FLOAT,
    DOUBLE;

    @Override
    public void write(WireOutput out, Object value, int depth) {
      switch (this) {
        case BOOLEAN -> out.writeByte((Boolean) value ? 1 : 0);
        case BYTE -> out.writeByte((Byte) value);
        case SHORT -> out.writeVarSigned((Short) value);
        case CHAR -> out.writeVarUnsigned((Character) value);
        case INT -> out.writeVarSigned((Integer) value);
        case LONG -> out.writeVarSigned((Long) value);
        case FLOAT -> out.writeFixed32(Float.floatToRawIntBits((Float) value));
        case DOUBLE -> out.writeFixed64(Double.doubleToRawLongBits((Double) value));
      }
    }

    @Override
    public Object read(WireInput in, int depth) throws WireFormatException {
      return switch (this) {
        case BOOLEAN -> {
          int b = in.readByte();
          if (b > 1) {
            throw new WireFormatException("a boolean is " + b);
          }
          yield b == 1;
        }
        case BYTE -> (byte) in.readByte();
        case SHORT -> (short) ranged(in.readVarSigned(), Short.MIN_VALUE, Short.MAX_VALUE);
        case CHAR -> (char) ranged(in.readVarUnsigned(), 0, Character.MAX_VALUE);
        case INT -> in.readVarInt();
        case LONG -> in.readVarSigned();
        case FLOAT -> Float.intBitsToFloat(in.readFixed32());
        case DOUBLE -> Double.longBitsToDouble(in.readFixed64());
      };
    }

    private long ranged(long value, long min, long max) throws WireFormatException {
      if (value < min || value > max) {
        throw new WireFormatException("a " + name().toLowerCase() + " holds " + value);
      }
      return value;
    }

    @Override
    public void describe(StringBuilder text, Set<Class<?>> described) {
      text.append(name().toLowerCase());
    }
  }

  /** Nothing: the result of a {@code void} method. */
  enum Void implements Shape {
    VOID;

    @Override
    public void write(WireOutput out, Object value, int depth) {}

    @Override
    public Object read(WireInput in, int depth) {
      return null;
    }

    @Override
    public void describe(StringBuilder text, Set<Class<?>> described) {
      text.append("void");
    }
  }

  /** One byte, 0 for null or 1 before the value: every reference type may be null. */
  record Nullable(Shape inner) implements Shape {
    @Override
    public void write(WireOutput out, Object value, int depth) {
      if (value == null) {
        out.writeByte(0);
      } else {
        out.writeByte(1);
        inner.write(out, value, depth);
      }
    }

    @Override
    public Object read(WireInput in, int depth) throws WireFormatException {
      int marker = in.readByte();
      if (marker > 1) {
        throw new WireFormatException("a presence marker is " + marker);
      }
      return marker == 0 ? null : inner.read(in, depth);
    }

    @Override
    public void describe(StringBuilder text, Set<Class<?>> described) {
      text.append('?');
      inner.describe(text, described);
    }
  }

  enum Scalar implements Shape {
    BYTES,
    STRING;

    @Override
    public void write(WireOutput out, Object value, int depth) {
      if (this == BYTES) {
        out.writeBytes((byte[]) value);
      } else {
        out.writeString((String) value);
      }
    }

    @Override
    public Object read(WireInput in, int depth) throws WireFormatException {
      return this == BYTES ? in.readBytes() : in.readString();
    }

    @Override
    public void describe(StringBuilder text, Set<Class<?>> described) {
      text.append(name().toLowerCase());
    }
  }

  /** An enum constant by ordinal (the fingerprint covers the constants' names and order). */
  record EnumShape(Class<?> type, Object[] constants) implements Shape {
    @Override
    public void write(WireOutput out, Object value, int depth) {
      out.writeVarUnsigned(((Enum<?>) type.cast(value)).ordinal());
    }

    @Override
    public Object read(WireInput in, int depth) throws WireFormatException {
      long ordinal = in.readVarUnsigned();
      if (ordinal < 0 || ordinal >= constants.length) { // unsigned: negative is above 2^63
        throw new WireFormatException(
            type.getSimpleName() + " has no constant " + Long.toUnsignedString(ordinal));
      }
      return constants[(int) ordinal];
    }

    @Override
    public void describe(StringBuilder text, Set<Class<?>> described) {
      text.append("enum ").append(type.getName());
      if (described.add(type)) {
        text.append('{');
        for (Object constant : constants) {
          text.append(((Enum<?>) constant).name()).append(',');
        }
        text.append('}');
      }
    }
  }

  /** A count, then the elements: arrays (other than {@code byte[]}), lists and sets. */
  record Sequence(Kind kind, Class<?> arrayComponent, Shape element) implements Shape {
    enum Kind {
      ARRAY,
      LIST,
      SET
    }

    @Override
    public void write(WireOutput out, Object value, int depth) {
      checkDepth(depth);
      if (kind == Kind.ARRAY) {
        int length = Array.getLength(value);
        out.writeVarUnsigned(length);
        for (int i = 0; i < length; i++) {
          element.write(out, Array.get(value, i), depth + 1);
        }
        return;
      }
      java.util.Collection<?> items =
          kind == Kind.LIST ? (List<?>) value : (Set<?>) value; // casts check the declared kind
      out.writeVarUnsigned(items.size());
      for (Object item : items) {
        element.write(out, item, depth + 1);
      }
    }

    @Override
    public Object read(WireInput in, int depth) throws WireFormatException {
      checkReadDepth(depth);
      int count = in.readCount(1); // every element takes at least one byte
      switch (kind) {
        case ARRAY -> {
          Object array = Array.newInstance(arrayComponent, count);
          for (int i = 0; i < count; i++) {
            Array.set(array, i, element.read(in, depth + 1));
          }
          return array;
        }
        case LIST -> {
          List<Object> list = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            list.add(element.read(in, depth + 1));
          }
          return Collections.unmodifiableList(list);
        }
        default -> {
          Set<Object> set = new LinkedHashSet<>();
          for (int i = 0; i < count; i++) {
            if (!set.add(element.read(in, depth + 1))) {
              throw new WireFormatException("a set holds the same element twice");
            }
          }
          return Collections.unmodifiableSet(set);
        }
      }
    }

    @Override
    public void describe(StringBuilder text, Set<Class<?>> described) {
      text.append(kind.name().toLowerCase()).append('<');
      element.describe(text, described);
      text.append('>');
    }
  }

  /** A count, then key and value of each entry, in the map's iteration order. */
  record MapShape(Shape key, Shape value) implements Shape {
    @Override
    public void write(WireOutput out, Object map, int depth) {
      checkDepth(depth);
      Map<?, ?> entries = (Map<?, ?>) map;
      out.writeVarUnsigned(entries.size());
      for (Map.Entry<?, ?> entry : entries.entrySet()) {
        key.write(out, entry.getKey(), depth + 1);
        value.write(out, entry.getValue(), depth + 1);
      }
    }

    @Override
    public Object read(WireInput in, int depth) throws WireFormatException {
      checkReadDepth(depth);
      int count = in.readCount(2);
      Map<Object, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        Object k = key.read(in, depth + 1);
        if (map.containsKey(k)) {
          throw new WireFormatException("a map holds the same key twice");
        }
        map.put(k, value.read(in, depth + 1));
      }
      return Collections.unmodifiableMap(map);
    }

    @Override
    public void describe(StringBuilder text, Set<Class<?>> described) {
      text.append("map<");
      key.describe(text, described);
      text.append(',');
      value.describe(text, described);
      text.append('>');
    }
  }

  /** An {@link Optional}: its content as a nullable value. */
  record OptionalShape(Shape content) implements Shape {
    @Override
    public void write(WireOutput out, Object value, int depth) {
      checkDepth(depth);
      content.write(out, ((Optional<?>) value).orElse(null), depth + 1);
    }

    @Override
    public Object read(WireInput in, int depth) throws WireFormatException {
      checkReadDepth(depth);
      return Optional.ofNullable(content.read(in, depth + 1));
    }

    @Override
    public void describe(StringBuilder text, Set<Class<?>> described) {
      text.append("optional<");
      content.describe(text, described);
      text.append('>');
    }
  }
}
