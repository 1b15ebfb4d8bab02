package io.arcanum.enclave.api.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The serving side of a {@link Channel}: decodes a request strictly, calls the served object
 * through its accessor path, and encodes the answer. What the served object throws becomes the
 * caller's failure; what the peer sent malformed becomes a violation that ends the channel.
 */
final class Dispatcher {
  private final MethodTable served;
  private final boolean opens;
  private volatile Object target;
  private volatile Channel.Opener opener;

  /**
   * @param opens whether this side builds its object on the peer's open request (the enclave)
   */
  Dispatcher(MethodTable served, boolean opens) {
    this.served = served;
    this.opens = opens;
  }

  void serve(Object object) {
    this.target = object;
  }

  void opener(Channel.Opener value) {
    this.opener = value;
  }

  Object target() {
    return target;
  }

  /** The RETURN or FAILURE frame answering a CALL or OPEN in conversation {@code id}. */
  byte[] answer(int kind, long id, WireInput in) throws WireFormatException {
    Object value;
    Shape shape;
    String name;
    try {
      if (kind == Frames.OPEN) {
        if (!opens || opener == null || target != null) {
          throw new WireFormatException("an open request to an open enclave or to the host");
        }
        in.expectEnd();
        target = opener.open();
        value = null;
        shape = Shape.Void.VOID;
        name = "open";
      } else {
        MethodTable.Entry entry = served.get(in.readVarUnsigned());
        Object[] arguments = new Object[entry.parameters().size()];
        for (int i = 0; i < arguments.length; i++) {
          arguments[i] = entry.parameters().get(i).read(in, 0);
        }
        in.expectEnd();
        Object object = target;
        if (object == null) {
          throw new IllegalStateException("the enclave process is not open");
        }
        for (Method accessor : entry.path()) {
          object = accessor.invoke(object);
        }
        value = entry.method().invoke(object, arguments);
        shape = entry.result();
        name = entry.id();
      }
    } catch (WireFormatException e) {
      throw e;
    } catch (InvocationTargetException e) {
      return failure(id, e.getCause());
    } catch (Throwable e) { // the object could not be reached or built: the caller's failure
      return failure(id, e);
    }
    try {
      WireOutput out = new WireOutput();
      out.writeByte(Frames.RETURN);
      out.writeVarUnsigned(id);
      WireCodec.encode(shape, value, out);
      return out.frame();
    } catch (RuntimeException e) {
      return failure(
          id,
          new IllegalStateException("cannot send the result of " + name + ": " + e.getMessage()));
    }
  }

  static byte[] failure(long conversation, Throwable t) {
    WireOutput out = new WireOutput();
    out.writeByte(Frames.FAILURE);
    out.writeVarUnsigned(conversation);
    RemoteFailure.of(t).write(out);
    return out.frame();
  }
}
