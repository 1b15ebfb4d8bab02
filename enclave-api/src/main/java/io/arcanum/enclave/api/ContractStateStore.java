package io.arcanum.enclave.api;

/**
 * OCALLs for contract state: the host's key-value store, holding only what the enclave wrote —
 * encrypted keys and values (protocol.md §9.1). The host keys entries by contract address.
 */
public interface ContractStateStore {

  /** The stored value, or {@code null} if absent. */
  byte[] get(byte[] contractAddress, byte[] key);

  void set(byte[] contractAddress, byte[] key, byte[] value);

  void remove(byte[] contractAddress, byte[] key);
}
