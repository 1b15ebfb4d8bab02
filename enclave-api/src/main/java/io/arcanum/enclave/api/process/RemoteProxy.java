package io.arcanum.enclave.api.process;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The calling side of a {@link Channel}: a {@link Proxy} of the peer's interface whose every method
 * becomes a call by the {@link MethodTable} index. Accessors return proxies of their interfaces
 * without crossing; {@code close()} of the root interface, if it has a {@code closer}, makes its
 * call and then ends the session (stops the enclave process).
 */
final class RemoteProxy implements InvocationHandler {
  private static final System.Logger LOG = System.getLogger(RemoteProxy.class.getName());

  private final Class<?> iface;
  private final Channel channel;
  private final List<Method> path;
  private final Runnable closer;
  private final Object session;
  private final AtomicBoolean closeCalled = new AtomicBoolean();
  private final Map<Method, Object> accessors = new ConcurrentHashMap<>();
  private final Map<Method, MethodTable.Entry> entries = new ConcurrentHashMap<>();

  private RemoteProxy(
      Class<?> iface, Channel channel, List<Method> path, Runnable closer, Object session) {
    this.iface = iface;
    this.channel = channel;
    this.path = path;
    this.closer = closer;
    this.session = session;
  }

  /**
   * @param closer run after the root's {@code close()}, or {@code null}
   * @param session what {@link #sessionOf} returns for this proxy (e.g. the process)
   */
  static <T> T create(Class<T> iface, Channel channel, Runnable closer, Object session) {
    return iface.cast(
        Proxy.newProxyInstance(
            iface.getClassLoader(),
            new Class<?>[] {iface},
            new RemoteProxy(iface, channel, List.of(), closer, session)));
  }

  /** The session object of a proxy made here, or {@code null} for any other object. */
  static Object sessionOf(Object object) {
    if (object != null
        && Proxy.isProxyClass(object.getClass())
        && Proxy.getInvocationHandler(object) instanceof RemoteProxy handler) {
      return handler.session;
    }
    return null;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == arguments[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> iface.getSimpleName() + " in " + channel.peer();
      };
    }
    if (MethodTable.isAccessor(method)) {
      return accessors.computeIfAbsent(method, this::accessor);
    }
    MethodTable.Entry entry =
        entries.computeIfAbsent(method, m -> channel.called().lookup(path, m));
    if (entry == null) {
      return InvocationHandler.invokeDefault(proxy, method, arguments);
    }
    Object[] values = arguments == null ? new Object[0] : arguments;
    if (closer != null
        && path.isEmpty()
        && method.getName().equals("close")
        && method.getParameterCount() == 0) {
      if (closeCalled.compareAndSet(false, true)) {
        try {
          if (channel.isOpen()) {
            channel.call(entry, values, method);
          }
        } catch (Throwable t) { // stopping the process is what matters now
          LOG.log(System.Logger.Level.DEBUG, "close in {0} failed: {1}", channel.peer(), t);
        } finally {
          closer.run();
        }
      }
      return null;
    }
    return channel.call(entry, values, method);
  }

  private Object accessor(Method method) {
    List<Method> longer = new ArrayList<>(path);
    longer.add(method);
    Class<?> type = method.getReturnType();
    return Proxy.newProxyInstance(
        type.getClassLoader(),
        new Class<?>[] {type},
        new RemoteProxy(type, channel, List.copyOf(longer), null, session));
  }
}
