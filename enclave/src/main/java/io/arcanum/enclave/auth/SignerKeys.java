package io.arcanum.enclave.auth;

import io.arcanum.crypto.CryptoException;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import io.arcanum.enclave.auth.SenderAuthenticationException.Check;

/**
 * Reads a signer's public key from its {@code Any} (protocol.md §10.1 item 1). Only single
 * secp256k1 keys are verified; legacy-amino multisig threshold keys are refused as unsupported, and
 * so is every other key type, as on Secret, whose enclave accepts no others either.
 */
final class SignerKeys {
  static final String SECP256K1_TYPE_URL = "/cosmos.crypto.secp256k1.PubKey";
  static final String MULTISIG_TYPE_URL = "/cosmos.crypto.multisig.LegacyAminoPubKey";

  private SignerKeys() {}

  /**
   * @param anyBytes an encoded {@code Any} holding {@code cosmos.crypto.secp256k1.PubKey{1 key}}
   * @param what where the key came from, for error messages
   */
  static Secp256k1PublicKey secp256k1(byte[] anyBytes, String what)
      throws SenderAuthenticationException {
    if (anyBytes == null || anyBytes.length == 0) {
      throw SenderAuthenticationException.malformed(what + " has no public key");
    }
    TxProto.ProtoAny any = TxProto.ProtoAny.decode(anyBytes, what);
    if (any.typeUrl().equals(MULTISIG_TYPE_URL)) {
      throw new SenderAuthenticationException(
          Check.UNSUPPORTED, what + ": multisig threshold keys are not supported");
    }
    if (!any.typeUrl().equals(SECP256K1_TYPE_URL)) {
      throw new SenderAuthenticationException(
          Check.UNSUPPORTED, what + ": key type '" + any.typeUrl() + "' is not supported");
    }
    byte[] key = ProtoMessage.parse(any.value(), what + " PubKey").bytes(1, "key");
    // Cosmos addresses hash the 33-byte compressed form, so only that form is a valid key here.
    if (key.length != Secp256k1PublicKey.COMPRESSED_LENGTH) {
      throw SenderAuthenticationException.malformed(
          what + ": secp256k1 key must be 33 bytes (compressed), got " + key.length);
    }
    try {
      return new Secp256k1PublicKey(key);
    } catch (CryptoException e) {
      throw new SenderAuthenticationException(Check.MALFORMED, what + ": " + e.getMessage(), e);
    }
  }
}
