package io.arcanum.enclave.api.process;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sealed interface whose permitted implementations are records or enums (e.g. a result that is
 * either a success or an error): the index of the implementation, in name order, then its value.
 */
final class SealedShape implements Shape {
  private final Class<?> type;
  private List<Class<?>> variants;
  private Map<Class<?>, Integer> indexes;
  private List<Shape> shapes;

  SealedShape(Class<?> type) {
    this.type = type;
  }

  void complete(List<Class<?>> variantsInNameOrder, List<Shape> variantShapes) {
    variants = List.copyOf(variantsInNameOrder);
    shapes = List.copyOf(variantShapes);
    Map<Class<?>, Integer> byClass = new java.util.HashMap<>();
    for (int i = 0; i < variants.size(); i++) {
      byClass.put(variants.get(i), i);
    }
    indexes = Map.copyOf(byClass);
  }

  @Override
  public void write(WireOutput out, Object value, int depth) {
    Class<?> variant =
        value instanceof Enum<?> constant ? constant.getDeclaringClass() : value.getClass();
    Integer index = indexes.get(variant);
    if (index == null) {
      throw new IllegalArgumentException(
          variant.getName() + " is not a permitted " + type.getSimpleName());
    }
    out.writeVarUnsigned(index);
    shapes.get(index).write(out, value, depth);
  }

  @Override
  public Object read(WireInput in, int depth) throws WireFormatException {
    long index = in.readVarUnsigned();
    if (index < 0 || index >= shapes.size()) { // unsigned: negative is above 2^63
      throw new WireFormatException(
          type.getSimpleName() + " has no variant " + Long.toUnsignedString(index));
    }
    return shapes.get((int) index).read(in, depth);
  }

  @Override
  public void describe(StringBuilder text, Set<Class<?>> described) {
    text.append("sealed ").append(type.getName());
    if (described.add(type)) {
      text.append('[');
      for (Shape shape : shapes) {
        shape.describe(text, described);
        text.append('|');
      }
      text.append(']');
    }
  }
}
