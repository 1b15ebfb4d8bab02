package io.arcanum.crypto.hkdf;

import io.arcanum.crypto.InvalidLengthException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869): extract, then expand. */
public final class Hkdf {
  private static final int HASH_LENGTH = 32;

  private Hkdf() {}

  /**
   * {@code HKDF-Expand(HKDF-Extract(salt, ikm), info, length)}.
   *
   * @param salt may be empty, which RFC 5869 §2.2 treats as 32 zero bytes
   * @throws InvalidLengthException if {@code length} is not in 1..8160 (255 hash lengths)
   */
  public static byte[] sha256(byte[] salt, byte[] ikm, byte[] info, int length) {
    if (length < 1 || length > 255 * HASH_LENGTH) {
      throw new InvalidLengthException(
          "HKDF-SHA256 output length must be 1.." + 255 * HASH_LENGTH + " bytes, got " + length);
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      byte[] prkSalt = salt.length == 0 ? new byte[HASH_LENGTH] : salt;
      mac.init(new SecretKeySpec(prkSalt, "HmacSHA256"));
      byte[] prk = mac.doFinal(ikm);
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      Arrays.fill(prk, (byte) 0);

      byte[] okm = new byte[length];
      byte[] t = new byte[0];
      for (int i = 1, done = 0; done < length; i++) {
        mac.update(t);
        mac.update(info);
        mac.update((byte) i);
        Arrays.fill(t, (byte) 0);
        t = mac.doFinal();
        int n = Math.min(HASH_LENGTH, length - done);
        System.arraycopy(t, 0, okm, done, n);
        done += n;
      }
      Arrays.fill(t, (byte) 0);
      return okm;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's HmacSHA256 is unavailable", e);
    }
  }
}
