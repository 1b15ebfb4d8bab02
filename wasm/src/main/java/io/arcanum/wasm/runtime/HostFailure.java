package io.arcanum.wasm.runtime;

/**
 * Wraps an exception thrown by the host environment's own implementation (storage, querier). It is
 * not the contract's fault and not deterministic, so the VM does not turn it into a contract error:
 * the cause is rethrown to the VM's caller.
 */
final class HostFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  HostFailure(RuntimeException cause) {
    super(cause);
  }

  RuntimeException unwrap() {
    return (RuntimeException) getCause();
  }
}
