package io.arcanum.enclave.api.process;

import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;

/**
 * An exception as it crosses the boundary: its kind, class name and message, never its stack or
 * causes (a cause could carry what the message was careful to leave out). {@link EnclaveException}
 * keeps its {@link Reason}; the calling side rebuilds the closest exception its method may throw.
 *
 * @param reason set for {@link Kind#ENCLAVE} only
 * @param message may be {@code null}
 */
record RemoteFailure(Kind kind, String className, String message, Reason reason) {
  private static final int MAX_MESSAGE = 2000;

  enum Kind {
    ENCLAVE,
    IO,
    ILLEGAL_ARGUMENT,
    ILLEGAL_STATE,
    UNSUPPORTED_OPERATION,
    OTHER
  }

  static RemoteFailure of(Throwable t) {
    String message = t.getMessage();
    if (message != null && message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE) + "…";
    }
    if (t instanceof EnclaveException e) {
      String prefix = e.reason() + ": ";
      if (message != null && message.startsWith(prefix)) {
        message = message.substring(prefix.length());
      }
      return new RemoteFailure(Kind.ENCLAVE, t.getClass().getName(), message, e.reason());
    }
    Kind kind =
        t instanceof IOException
            ? Kind.IO
            : t instanceof IllegalArgumentException
                ? Kind.ILLEGAL_ARGUMENT
                : t instanceof IllegalStateException
                    ? Kind.ILLEGAL_STATE
                    : t instanceof UnsupportedOperationException
                        ? Kind.UNSUPPORTED_OPERATION
                        : Kind.OTHER;
    return new RemoteFailure(kind, t.getClass().getName(), message, null);
  }

  /** The enclave cannot be reached (or, seen from the enclave, the host). */
  static RemoteFailure unavailable(String message) {
    return new RemoteFailure(
        Kind.ENCLAVE, EnclaveException.class.getName(), message, Reason.ENCLAVE_UNAVAILABLE);
  }

  void write(WireOutput out) {
    out.writeByte(kind.ordinal());
    out.writeString(className);
    out.writeByte(message == null ? 0 : 1);
    if (message != null) {
      out.writeString(message);
    }
    if (kind == Kind.ENCLAVE) {
      out.writeString(reason.name());
    }
  }

  static RemoteFailure read(WireInput in) throws WireFormatException {
    int ordinal = in.readByte();
    if (ordinal >= Kind.values().length) {
      throw new WireFormatException("unknown failure kind " + ordinal);
    }
    Kind kind = Kind.values()[ordinal];
    String className = in.readString();
    int present = in.readByte();
    if (present > 1) {
      throw new WireFormatException("a presence marker is " + present);
    }
    String message = present == 1 ? in.readString() : null;
    Reason reason = null;
    if (kind == Kind.ENCLAVE) {
      String name = in.readString();
      try {
        reason = Reason.valueOf(name);
      } catch (IllegalArgumentException unknown) {
        throw new WireFormatException("unknown refusal reason " + name);
      }
    }
    in.expectEnd();
    return new RemoteFailure(kind, className, message, reason);
  }

  /**
   * The exception to throw from a proxy's {@code method} (or from opening, if {@code null}): the
   * same kind if the method may throw it, else an unchecked one that carries it as cause.
   *
   * @param peer who failed, e.g. "the enclave process", for exceptions of foreign classes
   */
  Throwable toThrowable(Method method, String peer) {
    return switch (kind) {
      case ENCLAVE -> {
        EnclaveException e = new EnclaveException(reason, String.valueOf(message));
        yield declares(method, EnclaveException.class)
            ? e
            : new IllegalStateException(e.getMessage(), e);
      }
      case IO -> {
        IOException e = new IOException(className + " in " + peer + ": " + message);
        yield declares(method, IOException.class) ? e : new UncheckedIOException(e);
      }
      case ILLEGAL_ARGUMENT -> new IllegalArgumentException(message);
      case ILLEGAL_STATE -> new IllegalStateException(message);
      case UNSUPPORTED_OPERATION -> new UnsupportedOperationException(message);
      case OTHER -> new IllegalStateException(className + " in " + peer + ": " + message);
    };
  }

  private static boolean declares(Method method, Class<? extends Exception> type) {
    if (method == null) {
      return true;
    }
    for (Class<?> declared : method.getExceptionTypes()) {
      if (declared.isAssignableFrom(type)) {
        return true;
      }
    }
    return false;
  }
}
