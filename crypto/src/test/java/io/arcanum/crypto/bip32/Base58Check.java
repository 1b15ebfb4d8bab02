package io.arcanum.crypto.bip32;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Test-only Base58Check decoder, to read the xprv strings of the BIP32 test vectors. */
final class Base58Check {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  private Base58Check() {}

  static byte[] decode(String text) {
    BigInteger value = BigInteger.ZERO;
    for (char c : text.toCharArray()) {
      int digit = ALPHABET.indexOf(c);
      if (digit < 0) {
        throw new IllegalArgumentException("not base58: " + c);
      }
      value = value.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
    }
    byte[] raw = value.toByteArray();
    int leadingOnes = 0;
    while (leadingOnes < text.length() && text.charAt(leadingOnes) == '1') {
      leadingOnes++;
    }
    int start = raw.length > 1 && raw[0] == 0 ? 1 : 0;
    byte[] bytes = new byte[leadingOnes + raw.length - start];
    System.arraycopy(raw, start, bytes, leadingOnes, raw.length - start);
    byte[] payload = Arrays.copyOf(bytes, bytes.length - 4);
    byte[] checksum = Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length);
    if (!Arrays.equals(Arrays.copyOf(sha256(sha256(payload)), 4), checksum)) {
      throw new IllegalArgumentException("bad Base58Check checksum");
    }
    return payload;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
