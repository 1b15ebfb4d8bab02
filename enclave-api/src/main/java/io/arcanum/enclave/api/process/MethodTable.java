package io.arcanum.enclave.api.process;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every method that can be called across the boundary on one interface, in a stable order, so a
 * call names its method by index. A method with no parameters that returns a (non-value) interface
 * is an <em>accessor</em> — {@code EnclaveHost.sealedStorage()} — and the methods of that interface
 * join the table under the accessor's path ({@code sealedStorage()/read(...)}); the accessor itself
 * never crosses, the serving side calls it on its own object. New ECALLs and OCALLs therefore need
 * no change here, only types {@link WireCodec} supports.
 */
final class MethodTable {
  private static final int MAX_ACCESSOR_DEPTH = 4;

  /**
   * One callable method.
   *
   * @param id accessor path, name and JVM descriptor, e.g. {@code
   *     sealedStorage()/read(Ljava/lang/String;)Ljava/util/Optional;}
   * @param path the accessors the serving side calls first, outermost first
   */
  record Entry(
      int index,
      String id,
      List<Method> path,
      Method method,
      List<Shape> parameters,
      Shape result) {}

  private final Class<?> root;
  private final List<Entry> entries;
  private final Map<String, Entry> byKey;
  private final Set<String> local;

  private MethodTable(Class<?> root, List<Entry> entries, Set<String> local) {
    this.root = root;
    this.entries = entries;
    Map<String, Entry> keys = new HashMap<>();
    for (Entry entry : entries) {
      keys.put(key(entry.path(), entry.method()), entry);
    }
    this.byKey = Map.copyOf(keys);
    this.local = Set.copyOf(local);
  }

  /**
   * @throws IllegalArgumentException naming the first abstract method whose types cannot cross
   */
  static MethodTable of(Class<?> iface) {
    if (!iface.isInterface()) {
      throw new IllegalArgumentException(iface.getName() + " is not an interface");
    }
    Map<String, Object[]> found = new LinkedHashMap<>();
    collect(iface, List.of(), found, new HashSet<>());
    List<String> ids = new ArrayList<>(found.keySet());
    ids.sort(Comparator.naturalOrder());
    List<Entry> entries = new ArrayList<>();
    Set<String> local = new HashSet<>();
    for (String id : ids) {
      Object[] pathAndMethod = found.get(id);
      @SuppressWarnings("unchecked")
      List<Method> path = (List<Method>) pathAndMethod[0];
      Method method = (Method) pathAndMethod[1];
      try {
        entries.add(entry(entries.size(), id, path, method));
      } catch (IllegalArgumentException cannotCross) {
        if (!method.isDefault()) {
          throw cannotCross;
        }
        // A convenience built on other methods (say, taking a callback): it runs on the calling
        // side, where its default body calls the methods that do cross.
        local.add(key(path, method));
      }
    }
    return new MethodTable(iface, List.copyOf(entries), local);
  }

  private static void collect(
      Class<?> iface, List<Method> path, Map<String, Object[]> found, Set<Class<?>> onPath) {
    if (path.size() > MAX_ACCESSOR_DEPTH || !onPath.add(iface)) {
      throw new IllegalArgumentException(
          "accessors of " + iface.getName() + " nest too deep or form a cycle");
    }
    for (Method method : callable(iface)) {
      if (isAccessor(method)) {
        List<Method> longer = new ArrayList<>(path);
        longer.add(method);
        collect(method.getReturnType(), List.copyOf(longer), found, onPath);
      } else {
        found.put(
            prefix(path) + method.getName() + descriptor(method), new Object[] {path, method});
      }
    }
    onPath.remove(iface);
  }

  /** Public abstract and default methods; of overridden ones only the most specific. */
  private static List<Method> callable(Class<?> iface) {
    Map<String, Method> bySignature = new LinkedHashMap<>();
    for (Method method : iface.getMethods()) {
      if (Modifier.isStatic(method.getModifiers())
          || method.isSynthetic()
          || method.getDeclaringClass() == Object.class) {
        continue;
      }
      String signature = signature(method);
      Method known = bySignature.get(signature);
      if (known == null || known.getDeclaringClass().isAssignableFrom(method.getDeclaringClass())) {
        bySignature.put(signature, method);
      }
    }
    return List.copyOf(bySignature.values());
  }

  /** A method that hands out another set of calls rather than a value. */
  static boolean isAccessor(Method method) {
    Class<?> type = method.getReturnType();
    return method.getParameterCount() == 0
        && type.isInterface()
        && !WireCodec.isValueInterface(type);
  }

  private static Entry entry(int index, String id, List<Method> path, Method method) {
    method.trySetAccessible(); // interfaces declared package-private (tests) are still callable
    path.forEach(Method::trySetAccessible);
    List<Shape> parameters = new ArrayList<>();
    try {
      for (var type : method.getGenericParameterTypes()) {
        parameters.add(WireCodec.shapeOf(type));
      }
      Shape result = WireCodec.shapeOf(method.getGenericReturnType());
      return new Entry(index, id, path, method, List.copyOf(parameters), result);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          method.getDeclaringClass().getSimpleName() + "." + id + ": " + e.getMessage(), e);
    }
  }

  Class<?> root() {
    return root;
  }

  List<Entry> entries() {
    return entries;
  }

  /** The entry a peer named by index. */
  Entry get(long index) throws WireFormatException {
    if (index < 0 || index >= entries.size()) {
      throw new WireFormatException(
          root.getSimpleName()
              + " has "
              + entries.size()
              + " methods; there is no index "
              + Long.toUnsignedString(index));
    }
    return entries.get((int) index);
  }

  /**
   * The entry of {@code method} reached through {@code path}, as a proxy is asked for it; {@code
   * null} for a default method that runs locally because its types cannot cross.
   */
  Entry lookup(List<Method> path, Method method) {
    String key = key(path, method);
    Entry entry = byKey.get(key);
    if (entry == null && !local.contains(key)) {
      throw new IllegalStateException(
          method.getName() + " is not a method of " + root.getName() + " that can be called");
    }
    return entry;
  }

  /**
   * SHA-256 over the canonical description of both directions' methods and every type they carry
   * (record components, enum constants): two processes agree on it only if they would encode every
   * call alike.
   */
  static byte[] fingerprint(MethodTable ecalls, MethodTable ocalls) {
    StringBuilder text = new StringBuilder();
    for (MethodTable table : List.of(ecalls, ocalls)) {
      Set<Class<?>> described = new HashSet<>();
      text.append("interface ").append(table.root.getName()).append('\n');
      for (Entry entry : table.entries) {
        text.append(entry.id()).append(" (");
        for (Shape parameter : entry.parameters()) {
          parameter.describe(text, described);
          text.append(',');
        }
        text.append(") -> ");
        entry.result().describe(text, described);
        text.append('\n');
      }
    }
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(text.toString().getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String key(List<Method> path, Method method) {
    return prefix(path) + signature(method);
  }

  private static String prefix(List<Method> path) {
    StringBuilder prefix = new StringBuilder();
    for (Method accessor : path) {
      prefix.append(accessor.getName()).append("()/");
    }
    return prefix.toString();
  }

  private static String signature(Method method) {
    return method.getName() + Arrays.toString(method.getParameterTypes());
  }

  private static String descriptor(Method method) {
    return MethodType.methodType(method.getReturnType(), method.getParameterTypes())
        .toMethodDescriptorString();
  }
}
