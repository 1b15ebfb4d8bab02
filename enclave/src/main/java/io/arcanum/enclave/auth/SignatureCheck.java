package io.arcanum.enclave.auth;

import io.arcanum.crypto.CryptoException;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import io.arcanum.crypto.secp256k1.Secp256k1Signature;
import io.arcanum.enclave.auth.SenderAuthenticationException.Check;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * The signature itself (protocol.md §10.1 item 2): secp256k1 ECDSA, 64 bytes r ‖ s, high-S refused,
 * over SHA-256 of the sign bytes, or over Keccak-256 of the EIP-191 personal message for
 * SIGN_MODE_EIP_191.
 */
final class SignatureCheck {
  private static final byte[] EIP191_PREFIX =
      "\u0019Ethereum Signed Message:\n".getBytes(StandardCharsets.US_ASCII);

  private SignatureCheck() {}

  /**
   * EIP-191 sign bytes split into what was hashed and the amino JSON inside it.
   *
   * @param personalMessage {@code "\x19Ethereum Signed Message:\n" ‖ decimal(len) ‖ json}
   * @param json the StdSignDoc JSON (MetaMask's pretty-printed form, secretjs-api.md §4.2)
   */
  record Eip191(byte[] personalMessage, byte[] json) {}

  /**
   * Secret's node passes EIP-191 sign bytes with the personal-message prefix already on and its
   * enclave hashes them as given; a node that passes the bare JSON means the same signed message.
   * Both are accepted, and the prefixed form must state the exact length of what follows, so the
   * two forms always name the same JSON and the same hash.
   */
  static Eip191 eip191(byte[] signBytes) throws SenderAuthenticationException {
    if (!startsWith(signBytes, EIP191_PREFIX)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(EIP191_PREFIX);
      out.writeBytes(Integer.toString(signBytes.length).getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(signBytes);
      return new Eip191(out.toByteArray(), signBytes.clone());
    }
    int end = EIP191_PREFIX.length;
    while (end < signBytes.length && end - EIP191_PREFIX.length < 10 && isDigit(signBytes[end])) {
      end++;
    }
    String stated = new String(signBytes, EIP191_PREFIX.length, end - EIP191_PREFIX.length);
    int actual = signBytes.length - end;
    if (!stated.equals(Integer.toString(actual))) {
      throw SenderAuthenticationException.malformed(
          "EIP-191 sign bytes state length '" + stated + "' but " + actual + " bytes follow");
    }
    return new Eip191(signBytes.clone(), Arrays.copyOfRange(signBytes, end, signBytes.length));
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }

  static byte[] keccak256(byte[] data) {
    KeccakDigest keccak = new KeccakDigest(256);
    keccak.update(data, 0, data.length);
    byte[] out = new byte[32];
    keccak.doFinal(out, 0);
    return out;
  }

  /**
   * @throws SenderAuthenticationException {@link Check#BAD_SIGNATURE} if the signature is not 64
   *     bytes, has r or s out of range, is high-S, or does not verify
   */
  static void verify(Secp256k1PublicKey key, byte[] hash, byte[] signature)
      throws SenderAuthenticationException {
    try {
      key.verify(hash, new Secp256k1Signature(signature));
    } catch (CryptoException e) {
      throw new SenderAuthenticationException(Check.BAD_SIGNATURE, e.getMessage(), e);
    }
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length
        && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }
}
