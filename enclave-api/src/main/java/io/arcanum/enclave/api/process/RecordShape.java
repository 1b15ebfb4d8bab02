package io.arcanum.enclave.api.process;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Set;

/**
 * A record: its components in declaration order, each by its own shape; decoded through the
 * canonical constructor, so the record's own validation runs on what the peer sent (a {@code
 * NetworkPublicKeys} of the wrong length is refused like any malformed frame).
 *
 * <p>Mutable until {@link #complete} so that a record may contain itself (through a list or an
 * optional) without the shape builder recursing forever.
 */
final class RecordShape implements Shape {
  private final Class<?> type;
  private Method[] accessors;
  private Shape[] components;
  private String[] names;
  private Constructor<?> constructor;

  RecordShape(Class<?> type) {
    this.type = type;
  }

  void complete(RecordComponent[] recordComponents, Shape[] shapes) {
    Class<?>[] parameterTypes = new Class<?>[recordComponents.length];
    Method[] methods = new Method[recordComponents.length];
    String[] componentNames = new String[recordComponents.length];
    for (int i = 0; i < recordComponents.length; i++) {
      parameterTypes[i] = recordComponents[i].getType();
      methods[i] = recordComponents[i].getAccessor();
      methods[i].trySetAccessible(); // a record declared package-private in a test or a node
      componentNames[i] = recordComponents[i].getName();
    }
    try {
      constructor = type.getDeclaredConstructor(parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("record " + type.getName() + " has no canonical constructor");
    }
    constructor.trySetAccessible();
    accessors = methods;
    names = componentNames;
    components = shapes;
  }

  @Override
  public void write(WireOutput out, Object value, int depth) {
    Shape.checkDepth(depth);
    Object record = type.cast(value);
    for (int i = 0; i < components.length; i++) {
      Object component;
      try {
        component = accessors[i].invoke(record);
      } catch (IllegalAccessException e) {
        throw new IllegalArgumentException("cannot read " + type.getName() + "." + names[i], e);
      } catch (InvocationTargetException e) {
        throw new IllegalArgumentException(
            "the accessor " + type.getSimpleName() + "." + names[i] + " failed", e.getCause());
      }
      components[i].write(out, component, depth + 1);
    }
  }

  @Override
  public Object read(WireInput in, int depth) throws WireFormatException {
    Shape.checkReadDepth(depth);
    Object[] arguments = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      arguments[i] = components[i].read(in, depth + 1);
    }
    try {
      return constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      // The record's own validation refused the values: the peer sent something it could not
      // have built itself.
      throw new WireFormatException(
          "not a valid " + type.getSimpleName() + ": " + e.getCause().getMessage());
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new WireFormatException("cannot build a " + type.getSimpleName() + ": " + e);
    }
  }

  @Override
  public void describe(StringBuilder text, Set<Class<?>> described) {
    text.append("record ").append(type.getName());
    if (described.add(type)) {
      text.append('(');
      for (int i = 0; i < components.length; i++) {
        text.append(names[i]).append(':');
        components[i].describe(text, described);
        text.append(',');
      }
      text.append(')');
    }
  }
}
