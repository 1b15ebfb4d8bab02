package io.arcanum.enclave.api.process;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The value types that may cross the process boundary, and their {@link Shape}s: primitives and
 * their boxes, {@code byte[]} and other arrays, {@link String}, enums, records (recursively, by
 * component), sealed interfaces of records or enums, {@link List}, {@link Set}, {@link Map} and
 * {@link Optional}. Every reference may be {@code null}. Anything else (interfaces, arbitrary
 * classes, type variables, wildcards) is refused when a method table is built, naming the method,
 * so a new ECALL with an unsupported type fails at the first start, not at its first call.
 */
final class WireCodec {
  private static final Map<Type, Shape> CACHE = new HashMap<>();
  private static int building;

  private WireCodec() {}

  /**
   * The shape of a declared type. Synchronized: shapes are built once per interface, when a proxy
   * or server is made, never per call.
   *
   * @throws IllegalArgumentException naming the type if it cannot cross
   */
  static synchronized Shape shapeOf(Type type) {
    Shape cached = CACHE.get(type);
    if (cached != null) {
      return cached;
    }
    building++;
    try {
      Shape shape = build(type);
      CACHE.put(type, shape);
      return shape;
    } catch (RuntimeException e) {
      if (building == 1) {
        CACHE.clear(); // drop shapes that point at a record left incomplete by this failure
      }
      throw e;
    } finally {
      building--;
    }
  }

  /** Whether values of this class cross as values (so a method returning it is no accessor). */
  static boolean isValueInterface(Class<?> type) {
    return type == List.class || type == Set.class || type == Map.class || type.isSealed();
  }

  /** Encodes {@code value}; a value that does not fit the declared shape is the caller's bug. */
  static void encode(Shape shape, Object value, WireOutput out) {
    try {
      shape.write(out, value, 0);
    } catch (ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("a value does not fit its declared type: " + e, e);
    }
  }

  private static Shape build(Type type) {
    if (type instanceof Class<?> c) {
      return ofClass(c);
    }
    if (type instanceof GenericArrayType array) {
      Type component = array.getGenericComponentType();
      Class<?> raw = rawClass(component);
      return new Shape.Nullable(
          new Shape.Sequence(Shape.Sequence.Kind.ARRAY, raw, shapeOf(component)));
    }
    if (type instanceof ParameterizedType parameterized
        && parameterized.getRawType() instanceof Class<?> raw) {
      Type[] arguments = parameterized.getActualTypeArguments();
      if (raw == List.class) {
        return nullable(new Shape.Sequence(Shape.Sequence.Kind.LIST, null, shapeOf(arguments[0])));
      }
      if (raw == Set.class) {
        return nullable(new Shape.Sequence(Shape.Sequence.Kind.SET, null, shapeOf(arguments[0])));
      }
      if (raw == Map.class) {
        return nullable(new Shape.MapShape(shapeOf(arguments[0]), shapeOf(arguments[1])));
      }
      if (raw == Optional.class) {
        return nullable(new Shape.OptionalShape(shapeOf(arguments[0])));
      }
    }
    throw unsupported(type);
  }

  private static Shape ofClass(Class<?> c) {
    if (c.isPrimitive()) {
      return primitive(c);
    }
    Class<?> unboxed = unboxed(c);
    if (unboxed != null) {
      return nullable(primitive(unboxed));
    }
    if (c == byte[].class) {
      return nullable(Shape.Scalar.BYTES);
    }
    if (c == String.class) {
      return nullable(Shape.Scalar.STRING);
    }
    if (c.isArray()) {
      return nullable(
          new Shape.Sequence(
              Shape.Sequence.Kind.ARRAY, c.getComponentType(), shapeOf(c.getComponentType())));
    }
    if (c.isEnum() || c.isRecord() || (c.isInterface() && c.isSealed())) {
      return nullable(nonNull(c));
    }
    throw unsupported(c);
  }

  /**
   * The shape of an enum, record or sealed interface without the null marker. Registered in the
   * cache (wrapped) before its components are built, so recursive records terminate.
   */
  private static Shape nonNull(Class<?> c) {
    Shape cached = CACHE.get(c);
    if (cached instanceof Shape.Nullable(Shape inner)) {
      return inner;
    }
    if (c.isEnum()) {
      return new Shape.EnumShape(c, c.getEnumConstants());
    }
    if (c.isRecord()) {
      RecordShape shape = new RecordShape(c);
      CACHE.put(c, nullable(shape));
      RecordComponent[] components = c.getRecordComponents();
      Shape[] shapes = new Shape[components.length];
      for (int i = 0; i < components.length; i++) {
        shapes[i] = shapeOf(components[i].getGenericType());
      }
      shape.complete(components, shapes);
      return shape;
    }
    SealedShape shape = new SealedShape(c);
    CACHE.put(c, nullable(shape));
    List<Class<?>> leaves = new ArrayList<>();
    collectLeaves(c, leaves);
    leaves.sort(Comparator.comparing(Class::getName));
    List<Shape> shapes = new ArrayList<>();
    for (Class<?> leaf : leaves) {
      shapes.add(nonNull(leaf));
    }
    shape.complete(leaves, shapes);
    return shape;
  }

  private static void collectLeaves(Class<?> sealed, List<Class<?>> leaves) {
    for (Class<?> permitted : sealed.getPermittedSubclasses()) {
      if (permitted.isInterface() && permitted.isSealed()) {
        collectLeaves(permitted, leaves);
      } else if (permitted.isRecord() || permitted.isEnum()) {
        if (!leaves.contains(permitted)) {
          leaves.add(permitted);
        }
      } else {
        throw new IllegalArgumentException(
            permitted.getName()
                + " (permitted by "
                + sealed.getName()
                + ") is neither a record nor an enum and cannot cross the process boundary");
      }
    }
  }

  private static Shape nullable(Shape shape) {
    return new Shape.Nullable(shape);
  }

  private static Shape primitive(Class<?> c) {
    if (c == void.class) {
      return Shape.Void.VOID;
    }
    return Shape.Primitive.valueOf(c.getName().toUpperCase());
  }

  private static Class<?> unboxed(Class<?> c) {
    return switch (c.getName()) {
      case "java.lang.Boolean" -> boolean.class;
      case "java.lang.Byte" -> byte.class;
      case "java.lang.Short" -> short.class;
      case "java.lang.Character" -> char.class;
      case "java.lang.Integer" -> int.class;
      case "java.lang.Long" -> long.class;
      case "java.lang.Float" -> float.class;
      case "java.lang.Double" -> double.class;
      default -> null;
    };
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    if (type instanceof GenericArrayType array) {
      return rawClass(array.getGenericComponentType()).arrayType();
    }
    throw unsupported(type);
  }

  private static IllegalArgumentException unsupported(Type type) {
    return new IllegalArgumentException(
        type.getTypeName()
            + " cannot cross the process boundary (supported: primitives, byte[] and arrays,"
            + " String, enums, records, sealed interfaces of records, List, Set, Map, Optional)");
  }
}
