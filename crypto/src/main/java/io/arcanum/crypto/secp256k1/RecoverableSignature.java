package io.arcanum.crypto.secp256k1;

import java.util.Objects;

/**
 * A signature together with the recovery id that lets a verifier compute the signer's public key
 * from the signature and message hash alone ({@link Secp256k1Engine#recover}). Cosmos transactions
 * carry only the 64-byte signature; the id matters for Ethereum-style (EIP-191) signing.
 *
 * @param signature the compact signature
 * @param recoveryId 0..3: bit 0 is the parity of R's y coordinate, bit 1 says R.x = r + n
 */
public record RecoverableSignature(Secp256k1Signature signature, int recoveryId) {
  /**
   * @throws InvalidSignatureException if {@code recoveryId} is not 0..3
   */
  public RecoverableSignature {
    Objects.requireNonNull(signature, "signature");
    checkRecoveryId(recoveryId);
  }

  static void checkRecoveryId(int recoveryId) {
    if (recoveryId < 0 || recoveryId > 3) {
      throw new InvalidSignatureException("recovery id must be 0, 1, 2 or 3, got " + recoveryId);
    }
  }
}
