package io.arcanum.wasm.host;

import io.arcanum.crypto.CryptoException;
import io.arcanum.crypto.ed25519.Ed25519PrivateKey;
import io.arcanum.crypto.ed25519.Ed25519PublicKey;
import io.arcanum.crypto.secp256k1.Secp256k1;
import io.arcanum.crypto.secp256k1.Secp256k1Engine;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import io.arcanum.crypto.secp256k1.Secp256k1Signature;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The signature functions on Arcanum's crypto module, with cosmwasm-crypto's input rules: secp256k1
 * signatures are normalised to low S before verifying (as cosmwasm-crypto does), recovery ids are 0
 * or 1, and an empty ed25519 batch verifies. DCAP verification belongs to the enclave, which
 * overrides {@link #dcapQuoteVerify}; here it answers GenericErr.
 */
public class StandardCryptoApi implements CryptoApi {
  private static final int HASH_LENGTH = 32;
  private static final int SIGNATURE_LENGTH = 64;

  private final Secp256k1Engine secp256k1;

  public StandardCryptoApi() {
    this(Secp256k1.engine());
  }

  public StandardCryptoApi(Secp256k1Engine secp256k1) {
    this.secp256k1 = secp256k1;
  }

  @Override
  public int secp256k1Verify(byte[] hash, byte[] signature, byte[] pubkey) {
    if (hash.length != HASH_LENGTH) {
      return INVALID_HASH_FORMAT;
    }
    if (signature.length != SIGNATURE_LENGTH) {
      return INVALID_SIGNATURE_FORMAT;
    }
    if (!isSec1Shaped(pubkey)) {
      return INVALID_PUBKEY_FORMAT;
    }
    try {
      Secp256k1PublicKey key = secp256k1.parsePublicKey(pubkey);
      Secp256k1Signature sig = Secp256k1Signature.fromBytes(signature).normalizeS();
      return secp256k1.isValid(hash, sig, key) ? OK : INVALID;
    } catch (CryptoException e) {
      return GENERIC_ERR;
    }
  }

  /** cosmwasm-crypto's format check: 33 bytes with prefix 02/03, or 65 bytes with prefix 04. */
  private static boolean isSec1Shaped(byte[] pubkey) {
    if (pubkey.length == Secp256k1PublicKey.COMPRESSED_LENGTH) {
      return pubkey[0] == 0x02 || pubkey[0] == 0x03;
    }
    return pubkey.length == Secp256k1PublicKey.UNCOMPRESSED_LENGTH && pubkey[0] == 0x04;
  }

  @Override
  public Result secp256k1RecoverPubkey(byte[] hash, byte[] signature, int recoveryParam) {
    if (hash.length != HASH_LENGTH) {
      return Result.error(INVALID_HASH_FORMAT);
    }
    if (signature.length != SIGNATURE_LENGTH) {
      return Result.error(INVALID_SIGNATURE_FORMAT);
    }
    if (recoveryParam != 0 && recoveryParam != 1) {
      return Result.error(INVALID_RECOVERY_PARAM);
    }
    try {
      Secp256k1PublicKey key =
          secp256k1.recover(hash, Secp256k1Signature.fromBytes(signature), recoveryParam);
      return Result.ok(secp256k1.uncompressed(key));
    } catch (CryptoException e) {
      return Result.error(GENERIC_ERR);
    }
  }

  @Override
  public int ed25519Verify(byte[] message, byte[] signature, byte[] pubkey) {
    if (signature.length != Ed25519PublicKey.SIGNATURE_LENGTH) {
      return INVALID_SIGNATURE_FORMAT;
    }
    if (pubkey.length != Ed25519PublicKey.LENGTH) {
      return INVALID_PUBKEY_FORMAT;
    }
    return new Ed25519PublicKey(pubkey).isValid(message, signature) ? OK : INVALID;
  }

  @Override
  public int ed25519BatchVerify(
      List<byte[]> messages, List<byte[]> signatures, List<byte[]> pubkeys) {
    int n = signatures.size();
    boolean countsFit =
        (messages.size() == n || messages.size() == 1)
            && (pubkeys.size() == n || pubkeys.size() == 1);
    if (!countsFit || (n == 0 && (messages.size() > 1 || pubkeys.size() > 1))) {
      return BATCH_ERR;
    }
    for (int i = 0; i < n; i++) {
      byte[] message = messages.get(messages.size() == 1 ? 0 : i);
      byte[] pubkey = pubkeys.get(pubkeys.size() == 1 ? 0 : i);
      int code = ed25519Verify(message, signatures.get(i), pubkey);
      if (code != OK) {
        return code;
      }
    }
    return OK;
  }

  @Override
  public Result secp256k1Sign(byte[] message, byte[] privateKey) {
    try (Secp256k1PrivateKey key = Secp256k1PrivateKey.fromBytes(privateKey)) {
      return Result.ok(secp256k1.sign(sha256(message), key).bytes());
    } catch (CryptoException e) {
      return Result.error(INVALID_PRIVATE_KEY_FORMAT);
    }
  }

  @Override
  public Result ed25519Sign(byte[] message, byte[] privateKey) {
    if (privateKey.length != Ed25519PrivateKey.LENGTH) {
      return Result.error(INVALID_PRIVATE_KEY_FORMAT);
    }
    try (Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(privateKey)) {
      return Result.ok(key.sign(message));
    }
  }

  @Override
  public Result dcapQuoteVerify(byte[] quote, byte[] collateral) {
    return Result.error(GENERIC_ERR);
  }

  private static byte[] sha256(byte[] message) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(message);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
