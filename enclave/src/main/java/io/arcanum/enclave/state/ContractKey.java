package io.arcanum.enclave.state;

import io.arcanum.crypto.hkdf.SecretKdf;
import io.arcanum.crypto.seed.DerivedSecret;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A contract's 64-byte key, fixed at instantiate (protocol.md §8):
 *
 * <pre>
 * sender_id    = SHA256(sender_canonical ‖ BE64(block_height))
 * auth_key     = HKDF(ikm[0] ‖ sender_id, info = "")       ikm[0]: the genesis seed's state ikm
 * auth_id      = HMAC-SHA256(auth_key, sender_id ‖ code_hash(32) ‖ contract_canonical)
 * contract_key = sender_id ‖ auth_id
 * </pre>
 *
 * Public on chain (the chain stores it and passes it back on every call); only the enclave can make
 * or check one, because only it holds ikm[0]. State is always encrypted under it.
 */
public final class ContractKey {
  public static final int LENGTH = 64;
  private static final int HALF = 32;

  private final byte[] bytes;

  private ContractKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps a stored key after checking its length; use {@link #verify} before trusting it. */
  public static ContractKey of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "a contract key is 64 bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    return new ContractKey(bytes.clone());
  }

  /** Makes the key of a contract being instantiated. */
  public static ContractKey derive(
      DerivedSecret genesisStateIkm,
      byte[] senderCanonical,
      long blockHeight,
      byte[] codeHash,
      byte[] contractCanonical) {
    byte[] senderId = senderId(senderCanonical, blockHeight);
    byte[] authId = authId(genesisStateIkm, senderId, codeHash, contractCanonical);
    byte[] key = Arrays.copyOf(senderId, LENGTH);
    System.arraycopy(authId, 0, key, HALF, HALF);
    return new ContractKey(key);
  }

  /**
   * Makes the key after a migration to {@code newCodeHash} (§8, v1.11): the original key joins the
   * HMAC input, so the new key is bound to the contract's history.
   */
  public static ContractKey deriveMigrated(
      DerivedSecret genesisStateIkm,
      byte[] senderCanonical,
      long blockHeight,
      byte[] newCodeHash,
      byte[] contractCanonical,
      ContractKey original) {
    byte[] senderId = senderId(senderCanonical, blockHeight);
    byte[] authId =
        authId(genesisStateIkm, senderId, newCodeHash, contractCanonical, original.bytes);
    byte[] key = Arrays.copyOf(senderId, LENGTH);
    System.arraycopy(authId, 0, key, HALF, HALF);
    return new ContractKey(key);
  }

  /**
   * The proof that this enclave made {@code this} migrated key: {@code
   * HMAC(contract_key_proof_secret, contract ‖ code_hash ‖ og_key ‖ new_key)} (§8).
   */
  public byte[] migrationProof(
      DerivedSecret contractKeyProofSecret,
      byte[] contractCanonical,
      byte[] codeHash,
      ContractKey original) {
    byte[] secret = contractKeyProofSecret.exportSecret();
    try {
      return Hashes.hmacSha256(secret, contractCanonical, codeHash, original.bytes, bytes);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /**
   * Whether this migrated key was made by this network's enclave for this code and contract: its
   * HMAC with the original key, and a proof under one of {@code proofSecrets} (seed index ≥ 1).
   */
  public boolean verifyMigrated(
      DerivedSecret genesisStateIkm,
      byte[] codeHash,
      byte[] contractCanonical,
      ContractKey original,
      Iterable<DerivedSecret> proofSecrets,
      byte[] proof) {
    byte[] senderId = Arrays.copyOf(bytes, HALF);
    byte[] expected =
        authId(genesisStateIkm, senderId, codeHash, contractCanonical, original.bytes);
    boolean keyOk = MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, HALF, LENGTH));
    boolean proofOk = false;
    for (DerivedSecret secret : proofSecrets) {
      proofOk |=
          MessageDigest.isEqual(
              migrationProof(secret, contractCanonical, codeHash, original), proof);
    }
    return keyOk && proofOk;
  }

  /**
   * Whether this key was made by this network's enclave for this code and contract: the second half
   * must be the HMAC of the first (constant-time comparison).
   */
  public boolean verify(DerivedSecret genesisStateIkm, byte[] codeHash, byte[] contractCanonical) {
    byte[] senderId = Arrays.copyOf(bytes, HALF);
    byte[] expected = authId(genesisStateIkm, senderId, codeHash, contractCanonical);
    return MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, HALF, LENGTH));
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * The admin proof (protocol.md §8): {@code HMAC-SHA256(admin_proof_secret, admin_canonical ‖
   * og_contract_key)}, this key being the original one.
   */
  public byte[] adminProof(DerivedSecret adminProofSecret, byte[] adminCanonical) {
    byte[] secret = adminProofSecret.exportSecret();
    try {
      return Hashes.hmacSha256(secret, adminCanonical, bytes);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  static byte[] senderId(byte[] senderCanonical, long blockHeight) {
    MessageDigest sha256 = Hashes.sha256();
    sha256.update(senderCanonical);
    sha256.update(Hashes.be64(blockHeight));
    return sha256.digest();
  }

  private static byte[] authId(
      DerivedSecret genesisStateIkm,
      byte[] senderId,
      byte[] codeHash,
      byte[] contractCanonical,
      byte[]... original) {
    if (codeHash.length != 32) {
      throw new IllegalArgumentException("code hash must be 32 bytes, got " + codeHash.length);
    }
    byte[] ikm = genesisStateIkm.exportSecret();
    byte[] authKey = SecretKdf.keyDerive(ikm, senderId);
    Arrays.fill(ikm, (byte) 0);
    try {
      return original.length == 0
          ? Hashes.hmacSha256(authKey, senderId, codeHash, contractCanonical)
          : Hashes.hmacSha256(authKey, senderId, codeHash, contractCanonical, original[0]);
    } finally {
      Arrays.fill(authKey, (byte) 0);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ContractKey that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "ContractKey[" + java.util.HexFormat.of().formatHex(bytes) + "]";
  }

  /** SHA-256, HMAC-SHA256 and big-endian encodings used across the state formats. */
  static final class Hashes {
    private Hashes() {}

    static MessageDigest sha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }

    static byte[] hmacSha256(byte[] key, byte[]... parts) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        for (byte[] part : parts) {
          mac.update(part);
        }
        return mac.doFinal();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("every JDK has HMAC-SHA256", e);
      }
    }

    static byte[] be64(long value) {
      return java.nio.ByteBuffer.allocate(8).putLong(value).array();
    }
  }
}
