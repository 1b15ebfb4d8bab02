package io.arcanum.enclave.state;

import io.arcanum.crypto.seed.DerivedSecret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The enclave's signature on a contract-to-contract message (protocol.md §10.2): {@code
 * SHA256(callback_secret ‖ msg_ciphertext ‖ JSON(funds))}, where the ciphertext is the SIV part
 * only and no funds are {@code []}. Not bound to the calling contract, as on Secret.
 */
public final class CallbackSignature {
  private CallbackSignature() {}

  public static byte[] sign(DerivedSecret callbackSecret, byte[] msgCiphertext, String fundsJson) {
    byte[] secret = callbackSecret.exportSecret();
    try {
      MessageDigest sha256 = ContractKey.Hashes.sha256();
      sha256.update(secret);
      sha256.update(msgCiphertext);
      sha256.update(fundsJson.getBytes(StandardCharsets.UTF_8));
      return sha256.digest();
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /** Constant-time check of a received signature. */
  public static boolean verify(
      DerivedSecret callbackSecret, byte[] msgCiphertext, String fundsJson, byte[] signature) {
    return MessageDigest.isEqual(sign(callbackSecret, msgCiphertext, fundsJson), signature);
  }
}
