package io.arcanum.enclave.state;

import io.arcanum.enclave.api.ContractStateStore;
import io.arcanum.wasm.host.ContractStorage;

/**
 * The VM's view of one contract's state, kept encrypted in the host's store (protocol.md §9.1): the
 * contract reads and writes plaintext keys and values, the host sees only v3 DB keys and values.
 * Every write of a call carries the same deterministic salt, so all nodes store the same bytes. No
 * iteration: encrypted keys have no plaintext order (Secret does not offer it either).
 */
public final class EncryptedContractStorage implements ContractStorage {
  private final ContractStateStore host;
  private final byte[] contractAddress;
  private final StateCipher cipher;
  private final WriteSalt salt;

  public EncryptedContractStorage(
      ContractStateStore host, byte[] contractAddress, StateCipher cipher, WriteSalt salt) {
    this.host = host;
    this.contractAddress = contractAddress.clone();
    this.cipher = cipher;
    this.salt = salt;
  }

  /**
   * @throws StateCorruptedException if the host returns a value that does not authenticate: the
   *     call must stop, since continuing would compute on state nobody wrote
   */
  @Override
  public byte[] get(byte[] key) {
    byte[] stored = host.get(contractAddress, cipher.dbKey(key));
    if (stored == null) {
      return null;
    }
    try {
      return cipher.openValue(key, stored);
    } catch (StateIntegrityException e) {
      throw new StateCorruptedException(e.getMessage());
    }
  }

  @Override
  public void set(byte[] key, byte[] value) {
    host.set(contractAddress, cipher.dbKey(key), cipher.dbValue(key, value, salt));
  }

  @Override
  public void remove(byte[] key) {
    host.remove(contractAddress, cipher.dbKey(key));
  }

  /** The host's state failed authentication; a node-level fault, not the contract's. */
  public static final class StateCorruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StateCorruptedException(String message) {
      super("contract state from the host was refused: " + message);
    }
  }
}
