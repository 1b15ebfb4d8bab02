package io.arcanum.enclave.api;

/**
 * A contract's keys as the node stores them with the contract (protocol.md §8; compute store prefix
 * {@code 0x06}): the original key from instantiate, the current key (equal to the original until a
 * migration), after a migration the proof that this network's enclave made the current key, and the
 * admin proof binding the admin to the original key. Keys are 64 bytes. None of this is secret:
 * these are values the enclave checks, not keys it encrypts with.
 */
public record ContractKeyInfo(
    byte[] original, byte[] current, byte[] currentProof, byte[] adminProof) {
  public static final int KEY_LENGTH = 64;

  public ContractKeyInfo {
    if (original == null || original.length != KEY_LENGTH) {
      throw new IllegalArgumentException("the original contract key must be 64 bytes");
    }
    current = current == null ? original : current;
    currentProof = currentProof == null ? new byte[0] : currentProof;
    adminProof = adminProof == null ? new byte[0] : adminProof;
    if (current.length != KEY_LENGTH) {
      throw new IllegalArgumentException("the current contract key must be 64 bytes");
    }
  }

  /** The key of a contract that was never migrated and has no admin. */
  public static ContractKeyInfo of(byte[] key) {
    return new ContractKeyInfo(key, key, null, null);
  }

  public boolean migrated() {
    return !java.util.Arrays.equals(original, current);
  }
}
