package io.arcanum.wasm.runtime;

import io.arcanum.wasm.FailureKind;

/**
 * Thrown inside a call when the contract caused a failure the VM detects itself (a bad Region, a
 * write during a query, gas charged by a host function running out). It unwinds the wasm stack and
 * becomes a {@link io.arcanum.wasm.CallResult} of status FAILED.
 */
final class VmTrap extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final FailureKind kind;

  VmTrap(FailureKind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  FailureKind kind() {
    return kind;
  }

  static VmTrap host(String message) {
    return new VmTrap(FailureKind.HOST_ERROR, message);
  }
}
