package io.arcanum.chain.compute;

import io.arcanum.chain.gas.OutOfGasException;
import io.arcanum.enclave.api.ChainQueryHost;
import io.arcanum.enclave.api.ContractCodeStore;
import io.arcanum.enclave.api.ContractStateStore;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.SealedStorage;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The chain side of the enclave boundary: the OCALLs the enclave makes while it runs a contract.
 *
 * <p><b>Routing.</b> An OCALL says which contract it is about but not which ECALL it belongs to,
 * and it may arrive on another thread than the one that made the ECALL (the VM runs contracts on
 * its own large-stack threads; a child-process enclave answers on its I/O thread). So the host
 * keeps one <em>current call</em>: the {@link CallScope} the chain set before the ECALL, naming the
 * state, gas meter and block the call runs against, and routes every OCALL to it.
 *
 * <p><b>The lock.</b> That only works if one ECALL is in flight at a time, so every ECALL from
 * outside the enclave — tx execution, a client's smart query on an API thread — goes through {@link
 * #call}, which holds a lock for the ECALL's whole duration. A smart query a contract makes from
 * inside a call arrives as an OCALL while that lock is held by the waiting caller; it runs its
 * ECALL through {@link #nested}, which stacks a scope without taking the lock (taking it there
 * would deadlock, since the lock's holder is waiting for this very OCALL to return). Serializing
 * costs little: a node executes a block's txs in order anyway, and queries wait at most one
 * contract call.
 */
public final class ComputeHost implements EnclaveHost {
  private static final byte[] NO_CHAIN =
      "{\"Err\":{\"unsupported_request\":{\"kind\":\"no chain\"}}}"
          .getBytes(StandardCharsets.UTF_8);

  private final SealedStorage sealedStorage;
  private final ReentrantLock lock = new ReentrantLock(true);
  private volatile CallScope current;
  private volatile ChainQueryHost queries =
      (request, depth, gasLimit) -> new ChainQueryHost.Answer(NO_CHAIN.clone(), 0);

  /**
   * @param sealedStorage where the enclave keeps its sealed files (e.g. {@code
   *     DirectorySealedStorage} on the node home's {@code sealed/})
   */
  public ComputeHost(SealedStorage sealedStorage) {
    this.sealedStorage = Objects.requireNonNull(sealedStorage, "sealedStorage");
  }

  /** Installs the module's answer to contracts' chain queries. */
  void answerQueriesWith(ChainQueryHost answers) {
    this.queries = Objects.requireNonNull(answers, "answers");
  }

  /** A call into the enclave. */
  @FunctionalInterface
  interface EnclaveCall<T> {
    T run() throws EnclaveException;
  }

  /**
   * Runs an ECALL from outside the enclave with {@code scope} as the current call, after every
   * other such ECALL has finished.
   *
   * @throws OutOfGasException if an OCALL ran the meter out, whatever the enclave made of it
   */
  <T> T call(CallScope scope, EnclaveCall<T> call) throws EnclaveException {
    lock.lock();
    try {
      return inScope(scope, call);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs an ECALL made while answering an OCALL of the current call (a contract's smart query),
   * with {@code scope} stacked on top of the current one.
   */
  <T> T nested(CallScope scope, EnclaveCall<T> call) throws EnclaveException {
    if (current == null || !lock.isLocked()) {
      throw new IllegalStateException("a nested enclave call needs a call in progress");
    }
    return inScope(scope, call);
  }

  private <T> T inScope(CallScope scope, EnclaveCall<T> call) throws EnclaveException {
    CallScope outer = current;
    current = scope;
    try {
      T result = call.run();
      if (scope.outOfGas() != null) {
        throw scope.outOfGas();
      }
      return result;
    } catch (EnclaveException | RuntimeException e) {
      if (scope.outOfGas() != null && !(e instanceof OutOfGasException)) {
        throw scope.outOfGas();
      }
      throw e;
    } finally {
      current = outer;
    }
  }

  private CallScope scope() {
    CallScope scope = current;
    if (scope == null) {
      throw new IllegalStateException("the enclave made an OCALL outside any contract call");
    }
    return scope;
  }

  @Override
  public SealedStorage sealedStorage() {
    return sealedStorage;
  }

  @Override
  public ContractStateStore contractState() {
    return new ContractStateStore() {
      @Override
      public byte[] get(byte[] contractAddress, byte[] key) {
        CallScope scope = scope();
        return metered(scope, () -> scope.metered().store().get(stateKey(contractAddress, key)));
      }

      @Override
      public void set(byte[] contractAddress, byte[] key, byte[] value) {
        CallScope scope = writable();
        metered(
            scope,
            () -> {
              scope.metered().store().set(stateKey(contractAddress, key), value);
              return null;
            });
      }

      @Override
      public void remove(byte[] contractAddress, byte[] key) {
        CallScope scope = writable();
        metered(
            scope,
            () -> {
              scope.metered().store().delete(stateKey(contractAddress, key));
              return null;
            });
      }
    };
  }

  private CallScope writable() {
    CallScope scope = scope();
    if (scope.readOnly()) {
      throw new IllegalStateException("the enclave wrote contract state during a query");
    }
    return scope;
  }

  private static byte[] stateKey(byte[] contractAddress, byte[] key) {
    if (contractAddress == null || contractAddress.length != 20 || key == null) {
      throw new IllegalArgumentException("contract state needs a 20-byte address and a key");
    }
    return ComputeKeys.state(contractAddress, key);
  }

  private interface Access<T> {
    T run();
  }

  private static <T> T metered(CallScope scope, Access<T> access) {
    try {
      return access.run();
    } catch (OutOfGasException e) {
      scope.ranOutOfGas(e);
      throw e;
    }
  }

  /** Code by hash from state, unmetered: the enclave asks only when its cache misses. */
  @Override
  public ContractCodeStore contractCode() {
    return codeHash -> {
      CallScope scope = current;
      return scope == null || codeHash == null || codeHash.length != 32
          ? null
          : scope.unmetered().codeBytes(codeHash);
    };
  }

  @Override
  public ChainQueryHost chainQueries() {
    return (request, depth, gasLimit) -> {
      CallScope scope = scope();
      try {
        return queries.query(request, depth, gasLimit);
      } catch (OutOfGasException e) {
        scope.ranOutOfGas(e);
        throw e;
      }
    };
  }

  /** The scope OCALLs reach now (for the module's query answers). */
  CallScope currentScope() {
    return scope();
  }
}
