package io.arcanum.node.enclave;

import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts this node's own enclave failures: ECALLs refused for a reason that says nothing about the
 * tx — the enclave cannot be reached ({@code ENCLAVE_UNAVAILABLE}), its sealed storage failed
 * ({@code STORAGE_FAILURE}), or it holds no seeds ({@code NOT_INITIALIZED}). Every other node would
 * have run the call, so a block that saw one must not be committed here (the chain's modules turn
 * some of these into failed txs: compute maps every refused ECALL to a compute error).
 *
 * <p>The application gets {@link #enclave()}, which forwards every call to the node's enclave and
 * counts on the way back. It is a dynamic proxy so an ECALL added to {@link Enclave} later is
 * watched too, without an edit here.
 */
public final class EnclaveFaultWatch {
  /** The reasons that are this node's fault, not the tx's. */
  static final Set<Reason> LOCAL =
      EnumSet.of(Reason.ENCLAVE_UNAVAILABLE, Reason.STORAGE_FAILURE, Reason.NOT_INITIALIZED);

  private final Enclave enclave;
  private final AtomicLong faults = new AtomicLong();
  private volatile String lastFault = "";

  public EnclaveFaultWatch(Enclave inner) {
    Objects.requireNonNull(inner, "inner");
    InvocationHandler forward =
        (proxy, method, args) -> {
          try {
            return method.invoke(inner, args);
          } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof EnclaveException refused && LOCAL.contains(refused.reason())) {
              record(method, refused);
            }
            throw cause;
          }
        };
    this.enclave =
        (Enclave)
            Proxy.newProxyInstance(
                Enclave.class.getClassLoader(), new Class<?>[] {Enclave.class}, forward);
  }

  private void record(Method method, EnclaveException e) {
    // An EnclaveException's message is safe to log (it never holds keys or contract data).
    lastFault = method.getName() + ": " + e.getMessage();
    faults.incrementAndGet();
  }

  /** The enclave to hand the application. */
  public Enclave enclave() {
    return enclave;
  }

  /** How many ECALLs failed for a local reason so far; compare two readings. */
  public long faults() {
    return faults.get();
  }

  /** The last local failure, {@code "<ecall>: <reason>: <message>"}, or empty. */
  public String lastFault() {
    return lastFault;
  }
}
