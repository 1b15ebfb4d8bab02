package io.arcanum.enclave.api;

/**
 * OCALL: the stored wasm code of a code hash. The enclave hashes what it gets and refuses code that
 * does not match, so the host cannot substitute code; it asks once per code and keeps it compiled.
 */
@FunctionalInterface
public interface ContractCodeStore {

  /** The uncompressed wasm whose SHA-256 is {@code codeHash}, or {@code null} if unknown. */
  byte[] code(byte[] codeHash);
}
