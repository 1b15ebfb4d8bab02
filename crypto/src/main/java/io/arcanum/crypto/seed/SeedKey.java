package io.arcanum.crypto.seed;

/**
 * The keys derived from a seed as {@code HKDF(seed || BE32(n), info = "seed")} (protocol.md §2),
 * with Secret's index {@code n} for each.
 */
public enum SeedKey {
  /** X25519 secret that encrypts seeds for new nodes; its public key is NodeExchMasterKey. */
  SEED_EXCHANGE(1),
  /** X25519 secret of tx IO encryption; its public key is IoExchMasterKey (the tx key). */
  IO_EXCHANGE(2),
  /** Root of contract keys and state encryption; derived for every seed. */
  STATE_IKM(3),
  /** Key of callback and reply signatures. */
  CALLBACK_SECRET(4),
  /** AES-SIV key of the per-block random value. */
  RANDOM_ENCRYPTION_KEY(5),
  /** HMAC key of the per-block random proof. */
  INITIAL_RANDOMNESS_SEED(6),
  /** HMAC key of contract admin proofs (v1.11+). */
  ADMIN_PROOF_SECRET(7),
  /** HMAC key of migrated contract-key proofs (v1.11+). */
  CONTRACT_KEY_PROOF_SECRET(8);

  private final int index;

  SeedKey(int index) {
    this.index = index;
  }

  /** Secret's derivation index {@code n}. */
  public int index() {
    return index;
  }
}
