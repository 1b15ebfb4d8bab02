package io.arcanum.crypto.aessiv;

import io.arcanum.crypto.AuthenticationFailedException;
import io.arcanum.crypto.InvalidLengthException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-SIV deterministic authenticated encryption (RFC 5297) with a vector of associated-data
 * strings. Output is {@code V(16) || C} with {@code len(C) == len(P)}; there is no nonce.
 *
 * <p>The associated data is a <em>vector</em>: zero components and one empty component give
 * different tags, and Secret uses both (protocol.md §1: {@code [""]} for all IO, {@code []} for
 * state keys, two components for state values). Pass exactly the components the protocol names.
 *
 * <p>Built on the JDK's AES (CBC for CMAC, CTR for encryption), which runs on AES-NI. An instance
 * keeps initialised ciphers and is <b>not thread-safe</b>; use one per thread, or the static
 * methods.
 */
public final class AesSiv {
  private static final int BLOCK = 16;
  private static final byte[] ZERO_BLOCK = new byte[BLOCK];
  private static final int SCRATCH = 4096;

  private final Cipher cbc;
  private final Cipher ctr;
  private final SecretKeySpec ctrKey;
  private final byte[] k1 = new byte[BLOCK];
  private final byte[] k2 = new byte[BLOCK];
  private final byte[] scratch = new byte[SCRATCH];

  /**
   * Cipher objects for the one-shot methods, one pair per thread: {@code Cipher.getInstance} costs
   * more than a whole 1 KiB seal. Safe because a one-shot call re-initialises them with its key and
   * does not let its instance escape.
   */
  private static final ThreadLocal<Cipher[]> ONE_SHOT_CIPHERS =
      ThreadLocal.withInitial(() -> new Cipher[] {newCipher("CBC"), newCipher("CTR")});

  /** Prepares the ciphers for {@code key}. */
  public AesSiv(AesSivKey key) {
    this(key, newCipher("CBC"), newCipher("CTR"));
  }

  private AesSiv(AesSivKey key, Cipher cbc, Cipher ctr) {
    byte[] raw = key.bytes();
    int half = raw.length / 2;
    SecretKeySpec macKey = new SecretKeySpec(raw, 0, half, "AES");
    ctrKey = new SecretKeySpec(raw, half, half, "AES");
    this.cbc = cbc;
    this.ctr = ctr;
    try {
      cbc.init(Cipher.ENCRYPT_MODE, macKey, new IvParameterSpec(ZERO_BLOCK));
      // CMAC subkeys (RFC 4493 §2.3): L = AES(K, 0^128); K1 = dbl(L); K2 = dbl(K1).
      byte[] l = cbc.doFinal(ZERO_BLOCK);
      dbl(l, k1);
      dbl(k1, k2);
      Arrays.fill(l, (byte) 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's AES is unavailable", e);
    }
  }

  /** One-shot {@link #seal(byte[], List)}; thread-safe. */
  public static byte[] seal(AesSivKey key, byte[] plaintext, List<byte[]> associatedData) {
    return oneShot(key).seal(plaintext, associatedData);
  }

  /** One-shot {@link #open(byte[], List)}; thread-safe. */
  public static byte[] open(AesSivKey key, byte[] sealed, List<byte[]> associatedData) {
    return oneShot(key).open(sealed, associatedData);
  }

  private static AesSiv oneShot(AesSivKey key) {
    Cipher[] ciphers = ONE_SHOT_CIPHERS.get();
    return new AesSiv(key, ciphers[0], ciphers[1]);
  }

  private static Cipher newCipher(String mode) {
    try {
      return Cipher.getInstance("AES/" + mode + "/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's AES/" + mode + " is unavailable", e);
    }
  }

  /** Encrypts {@code plaintext}; returns {@code V(16) || C}. */
  public byte[] seal(byte[] plaintext, List<byte[]> associatedData) {
    byte[] v = s2v(associatedData, plaintext);
    byte[] out = new byte[BLOCK + plaintext.length];
    System.arraycopy(v, 0, out, 0, BLOCK);
    ctr(v, plaintext, 0, plaintext.length, out, BLOCK);
    return out;
  }

  /**
   * Decrypts and authenticates {@code V || C}.
   *
   * @throws InvalidLengthException if {@code sealed} is shorter than the 16-byte tag
   * @throws AuthenticationFailedException if the key, associated data or ciphertext is wrong; no
   *     plaintext is returned then
   */
  public byte[] open(byte[] sealed, List<byte[]> associatedData) {
    if (sealed == null || sealed.length < BLOCK) {
      throw new InvalidLengthException(
          "AES-SIV ciphertext must be at least 16 bytes (the tag), got "
              + (sealed == null ? "none" : sealed.length));
    }
    byte[] v = Arrays.copyOf(sealed, BLOCK);
    byte[] plaintext = new byte[sealed.length - BLOCK];
    ctr(v, sealed, BLOCK, plaintext.length, plaintext, 0);
    byte[] t = s2v(associatedData, plaintext);
    if (!MessageDigest.isEqual(t, v)) {
      Arrays.fill(plaintext, (byte) 0);
      throw new AuthenticationFailedException(
          "AES-SIV authentication failed: wrong key, wrong associated data or modified ciphertext");
    }
    return plaintext;
  }

  // RFC 5297 §2.4. The plaintext is always the last string, so S2V never sees zero strings here.
  private byte[] s2v(List<byte[]> associatedData, byte[] plaintext) {
    byte[] d = cmac(ZERO_BLOCK, 0, BLOCK);
    for (byte[] ad : associatedData) {
      dbl(d, d);
      xorInto(d, cmac(ad, 0, ad.length));
    }
    byte[] t;
    if (plaintext.length >= BLOCK) {
      t = plaintext.clone(); // xorend: XOR D into the last 16 bytes
      int off = t.length - BLOCK;
      for (int i = 0; i < BLOCK; i++) {
        t[off + i] ^= d[i];
      }
    } else {
      dbl(d, d);
      t = new byte[BLOCK];
      System.arraycopy(plaintext, 0, t, 0, plaintext.length);
      t[plaintext.length] = (byte) 0x80;
      xorInto(t, d);
    }
    byte[] v = cmac(t, 0, t.length);
    Arrays.fill(t, (byte) 0); // t is always a copy holding plaintext-derived bytes
    return v;
  }

  // AES-CMAC (RFC 4493) as CBC-MAC over all but the last block, which gets the K1/K2 tweak.
  private byte[] cmac(byte[] m, int off, int len) {
    try {
      int lastLen = len == 0 ? 0 : ((len - 1) % BLOCK) + 1;
      int head = len - lastLen;
      for (int done = 0; done < head; ) {
        int n = Math.min(SCRATCH, head - done);
        cbc.update(m, off + done, n, scratch, 0);
        done += n;
      }
      byte[] last = new byte[BLOCK];
      System.arraycopy(m, off + head, last, 0, lastLen);
      if (lastLen == BLOCK) {
        xorInto(last, k1);
      } else {
        last[lastLen] = (byte) 0x80;
        xorInto(last, k2);
      }
      return cbc.doFinal(last); // doFinal also resets the chain for the next CMAC
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CMAC failed", e);
    }
  }

  private void ctr(byte[] v, byte[] in, int inOff, int len, byte[] out, int outOff) {
    byte[] q = v.clone();
    q[8] &= 0x7f; // RFC 5297 §2.5: clear bits 63 and 31 of the counter
    q[12] &= 0x7f;
    try {
      ctr.init(Cipher.ENCRYPT_MODE, ctrKey, new IvParameterSpec(q));
      ctr.doFinal(in, inOff, len, out, outOff);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR failed", e);
    }
  }

  private static void dbl(byte[] in, byte[] out) {
    int carry = (in[0] & 0x80) != 0 ? 0x87 : 0;
    for (int i = 0; i < BLOCK - 1; i++) {
      out[i] = (byte) ((in[i] << 1) | ((in[i + 1] & 0xff) >>> 7));
    }
    out[BLOCK - 1] = (byte) ((in[BLOCK - 1] << 1) ^ carry);
  }

  private static void xorInto(byte[] acc, byte[] x) {
    for (int i = 0; i < BLOCK; i++) {
      acc[i] ^= x[i];
    }
  }
}
