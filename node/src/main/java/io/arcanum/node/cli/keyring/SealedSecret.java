package io.arcanum.node.cli.keyring;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * A secret sealed under a passphrase, as the {@code file} backend stores private keys: key =
 * scrypt(passphrase UTF-8, salt, N, r, p, 32 bytes), then AES-256-GCM with a random 12-byte nonce
 * and the key's address as associated data, so a sealed key moved into another key's file does not
 * open. The cost parameters travel with the ciphertext, so they can be raised later without
 * breaking old files.
 *
 * @param n scrypt CPU/memory cost (a power of two)
 * @param r scrypt block size
 * @param p scrypt parallelism
 * @param salt 16 random bytes
 * @param nonce 12 random bytes
 * @param ciphertext the AES-GCM output: encrypted secret followed by the 16-byte tag
 */
public record SealedSecret(int n, int r, int p, byte[] salt, byte[] nonce, byte[] ciphertext) {
  /**
   * scrypt N = 2^15, r = 8, p = 1: 32 MiB and about 0.1 s, the parameters scrypt's paper suggests
   * for interactive logins.
   */
  public static final int DEFAULT_N = 1 << 15;

  public static final int DEFAULT_R = 8;
  public static final int DEFAULT_P = 1;

  static final int SALT_LENGTH = 16;
  static final int NONCE_LENGTH = 12;
  private static final int KEY_LENGTH = 32;
  private static final int TAG_BITS = 128;

  /** Largest N accepted from a file: 2^20 is 1 GiB of scrypt memory. */
  private static final int MAX_N = 1 << 20;

  public SealedSecret {
    salt = salt.clone();
    nonce = nonce.clone();
    ciphertext = ciphertext.clone();
  }

  /** Seals {@code secret} under {@code passphrase} with fresh salt and nonce. */
  public static SealedSecret seal(
      byte[] secret, char[] passphrase, byte[] associatedData, SecureRandom random) {
    byte[] salt = new byte[SALT_LENGTH];
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    byte[] key = deriveKey(passphrase, salt, DEFAULT_N, DEFAULT_R, DEFAULT_P);
    try {
      Cipher gcm = cipher(Cipher.ENCRYPT_MODE, key, nonce, associatedData);
      return new SealedSecret(DEFAULT_N, DEFAULT_R, DEFAULT_P, salt, nonce, gcm.doFinal(secret));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's AES-GCM is unavailable", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * The secret, or empty when the passphrase (or the associated data) is not the one it was sealed
   * with. The caller owns the returned array and should zero it.
   *
   * @throws IllegalArgumentException if the parameters are out of range (a damaged file)
   */
  public java.util.Optional<byte[]> open(char[] passphrase, byte[] associatedData) {
    check();
    byte[] key = deriveKey(passphrase, salt, n, r, p);
    try {
      Cipher gcm = cipher(Cipher.DECRYPT_MODE, key, nonce, associatedData);
      return java.util.Optional.of(gcm.doFinal(ciphertext));
    } catch (AEADBadTagException wrongPassphrase) {
      return java.util.Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's AES-GCM is unavailable", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private void check() {
    if (n < 2 || n > MAX_N || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("scrypt n must be a power of two in 2.." + MAX_N);
    }
    if (r < 1 || r > 32 || p < 1 || p > 16) {
      throw new IllegalArgumentException("scrypt r must be 1..32 and p 1..16");
    }
    if (salt.length != SALT_LENGTH || nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException(
          "salt must be " + SALT_LENGTH + " bytes and nonce " + NONCE_LENGTH + " bytes");
    }
    if (ciphertext.length <= TAG_BITS / 8) {
      throw new IllegalArgumentException("ciphertext is shorter than its tag");
    }
  }

  private static byte[] deriveKey(char[] passphrase, byte[] salt, int n, int r, int p) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] password = new byte[encoded.remaining()];
    encoded.get(password);
    Arrays.fill(encoded.array(), (byte) 0);
    try {
      return SCrypt.generate(password, salt, n, r, p, KEY_LENGTH);
    } finally {
      Arrays.fill(password, (byte) 0);
    }
  }

  private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] associatedData)
      throws GeneralSecurityException {
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    gcm.updateAAD(associatedData);
    return gcm;
  }

  /** The sealed bytes are not secret, but there is nothing useful to show either. */
  @Override
  public String toString() {
    return "SealedSecret[scrypt n=" + n + " r=" + r + " p=" + p + "]";
  }
}
