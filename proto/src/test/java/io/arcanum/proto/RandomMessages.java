package io.arcanum.proto;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Random;

/**
 * Fills messages of this module's generated classes with seeded random content, through their
 * descriptors, so one test covers every type. Any fields hold a random registered message packed
 * with its Cosmos type URL, so JSON can render them.
 */
final class RandomMessages {
  // Characters JSON and UTF-8 must survive: quotes, escapes, HTML-sensitive, line separators,
  // astral plane.
  private static final String TRICKY = "\"\\/<>&='\n\t\u0000\u2028\u2029é✓\uD83D\uDE00";
  private static final List<Descriptor> TYPES =
      ProtoTypes.messageTypes().stream().filter(d -> !d.getOptions().getMapEntry()).toList();

  private final Random random;

  RandomMessages(Random random) {
    this.random = random;
  }

  /** Every non-map message type of the module. */
  static List<Descriptor> types() {
    return TYPES;
  }

  /** An empty builder of the generated class behind a descriptor. */
  static Message.Builder newBuilder(Descriptor type) {
    try {
      return (Message.Builder) generatedClass(type).getMethod("newBuilder").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no generated class for " + type.getFullName(), e);
    }
  }

  /** The generated class of a descriptor: java_package + nested names joined by '$'. */
  static Class<?> generatedClass(Descriptor type) throws ClassNotFoundException {
    String name = type.getName();
    for (Descriptor outer = type.getContainingType();
        outer != null;
        outer = outer.getContainingType()) {
      name = outer.getName() + "$" + name;
    }
    return Class.forName(type.getFile().getOptions().getJavaPackage() + "." + name);
  }

  /** A random instance of the type; depth bounds recursive types such as ModeInfo. */
  Message fill(Descriptor type, int depth) {
    Message.Builder builder = newBuilder(type);
    for (OneofDescriptor oneof : type.getRealOneofs()) {
      if (random.nextBoolean()) {
        FieldDescriptor chosen = oneof.getField(random.nextInt(oneof.getFieldCount()));
        builder.setField(chosen, value(chosen, depth));
      }
    }
    for (FieldDescriptor field : type.getFields()) {
      if (field.getRealContainingOneof() != null) {
        continue;
      }
      if (field.isRepeated()) {
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth <= 0) {
            break;
          }
          builder.addRepeatedField(field, value(field, depth));
        }
      } else if (random.nextInt(4) != 0) { // leave some fields at their defaults
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth <= 0) {
          continue;
        }
        builder.setField(field, value(field, depth));
      }
    }
    try {
      return builder.build();
    } catch (RuntimeException e) {
      throw new IllegalStateException(type.getFullName(), e);
    }
  }

  private Object value(FieldDescriptor field, int depth) {
    return switch (field.getJavaType()) {
      case INT -> random.nextInt(4) == 0 ? random.nextInt() : random.nextInt(1000);
      case LONG -> random.nextInt(4) == 0 ? random.nextLong() : (long) random.nextInt(1_000_000);
      case BOOLEAN -> random.nextBoolean();
      case STRING -> string();
      case BYTE_STRING -> bytes();
      case ENUM -> {
        List<EnumValueDescriptor> values = field.getEnumType().getValues();
        yield values.get(random.nextInt(values.size()));
      }
      case MESSAGE ->
          field.getMessageType().getFullName().equals(Any.getDescriptor().getFullName())
              ? ProtoTypes.pack(fill(TYPES.get(random.nextInt(TYPES.size())), depth - 1))
              : fill(field.getMessageType(), depth - 1);
      case FLOAT, DOUBLE -> throw new IllegalStateException("no floats in this module");
    };
  }

  private String string() {
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      if (random.nextInt(5) == 0) {
        int index = random.nextInt(TRICKY.codePointCount(0, TRICKY.length()));
        s.appendCodePoint(TRICKY.codePointAt(TRICKY.offsetByCodePoints(0, index)));
      } else {
        s.append((char) ('a' + random.nextInt(26)));
      }
    }
    return s.toString();
  }

  private ByteString bytes() {
    byte[] b = new byte[random.nextInt(40)];
    random.nextBytes(b);
    return ByteString.copyFrom(b);
  }
}
