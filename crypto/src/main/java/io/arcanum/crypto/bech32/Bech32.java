package io.arcanum.crypto.bech32;

import io.arcanum.crypto.bech32.InvalidBech32Exception.Reason;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * BIP-173 bech32 (the original checksum constant 1, not BIP-350 bech32m), as Cosmos uses it for
 * addresses. Decoding checks the rules in the order that gives each BIP-173 invalid vector its
 * documented reason.
 */
public final class Bech32 {
  /** BIP-173's limit on the whole string; Cosmos addresses of 20 or 32 bytes fit well within it. */
  public static final int MAX_LENGTH = 90;

  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int CHECKSUM_LENGTH = 6;
  private static final int[] GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };
  private static final byte[] CHARSET_REV = new byte[128];

  static {
    Arrays.fill(CHARSET_REV, (byte) -1);
    for (int i = 0; i < CHARSET.length(); i++) {
      CHARSET_REV[CHARSET.charAt(i)] = (byte) i;
      CHARSET_REV[Character.toUpperCase(CHARSET.charAt(i))] = (byte) i;
    }
  }

  private Bech32() {}

  /** Encodes bytes: regroups them into 5-bit values (zero-padded) and appends the checksum. */
  public static String encodeBytes(String hrp, byte[] bytes) {
    return encode(hrp, convertBits(bytes, 8, 5, true));
  }

  /**
   * Encodes 5-bit values under {@code hrp}. The output is lower case, as BIP-173 requires.
   *
   * @throws InvalidBech32Exception if the hrp is empty or has characters outside ASCII 33..126, a
   *     value is 32 or more, or the result would exceed {@link #MAX_LENGTH}
   */
  public static String encode(String hrp, byte[] data5) {
    Objects.requireNonNull(data5, "data");
    String lowerHrp = checkHrp(hrp);
    for (int i = 0; i < data5.length; i++) {
      if ((data5[i] & 0xff) > 31) {
        throw new InvalidBech32Exception(
            Reason.DATA_OUT_OF_RANGE,
            "bech32 data value " + (data5[i] & 0xff) + " at index " + i + " does not fit 5 bits");
      }
    }
    int length = lowerHrp.length() + 1 + data5.length + CHECKSUM_LENGTH;
    if (length > MAX_LENGTH) {
      throw new InvalidBech32Exception(
          Reason.TOO_LONG,
          "bech32 string would be " + length + " characters, more than " + MAX_LENGTH);
    }
    int checksum = polymod(lowerHrp, data5, new byte[CHECKSUM_LENGTH]) ^ 1;
    StringBuilder out = new StringBuilder(length).append(lowerHrp).append('1');
    for (byte value : data5) {
      out.append(CHARSET.charAt(value));
    }
    for (int i = 0; i < CHECKSUM_LENGTH; i++) {
      out.append(CHARSET.charAt((checksum >>> (5 * (CHECKSUM_LENGTH - 1 - i))) & 31));
    }
    return out.toString();
  }

  /** Decodes with BIP-173's 90-character limit. */
  public static Bech32Data decode(String text) {
    return decode(text, MAX_LENGTH);
  }

  /**
   * Decodes and checks a bech32 string; upper- or lower-case input, never mixed.
   *
   * @param maxLength longest accepted string (BIP-173: 90)
   * @throws InvalidBech32Exception naming the first rule the text breaks
   */
  public static Bech32Data decode(String text, int maxLength) {
    Objects.requireNonNull(text, "text");
    if (text.length() > maxLength) {
      throw new InvalidBech32Exception(
          Reason.TOO_LONG,
          "bech32 string is " + text.length() + " characters, more than " + maxLength);
    }
    int separator = text.lastIndexOf('1');
    if (separator < 0) {
      throw new InvalidBech32Exception(
          Reason.MISSING_SEPARATOR, "bech32 string has no '1' separator");
    }
    if (separator == 0) {
      throw new InvalidBech32Exception(
          Reason.EMPTY_HRP, "bech32 string has an empty human-readable part");
    }
    String hrp = checkHrp(text.substring(0, separator));
    int dataLength = text.length() - separator - 1;
    if (dataLength < CHECKSUM_LENGTH) {
      throw new InvalidBech32Exception(
          Reason.TOO_SHORT,
          "bech32 data part has "
              + dataLength
              + " characters, fewer than the 6-character checksum");
    }
    checkSingleCase(text);
    byte[] values = new byte[dataLength];
    for (int i = 0; i < dataLength; i++) {
      int position = separator + 1 + i;
      char c = text.charAt(position);
      byte value = c < 128 ? CHARSET_REV[c] : -1;
      if (value < 0) {
        throw new InvalidBech32Exception(
            Reason.INVALID_CHARACTER,
            "invalid bech32 character "
                + describe(c)
                + " at position "
                + position
                + " (allowed: "
                + CHARSET
                + ")");
      }
      values[i] = value;
    }
    byte[] data = Arrays.copyOf(values, dataLength - CHECKSUM_LENGTH);
    byte[] checksum = Arrays.copyOfRange(values, dataLength - CHECKSUM_LENGTH, dataLength);
    if (polymod(hrp, data, checksum) != 1) {
      throw new InvalidBech32Exception(
          Reason.BAD_CHECKSUM, "bech32 checksum does not match: the text has a typo");
    }
    return new Bech32Data(hrp, data);
  }

  /**
   * Regroups bits: {@code fromBits}-bit values into {@code toBits}-bit values, most significant
   * first. With {@code pad} the last group is zero-padded (encoding); without it, leftover bits
   * must be fewer than {@code fromBits} and all zero (decoding), as BIP-173 requires.
   *
   * @throws InvalidBech32Exception with {@link Reason#DATA_OUT_OF_RANGE} or {@link
   *     Reason#BAD_PADDING}
   */
  public static byte[] convertBits(byte[] data, int fromBits, int toBits, boolean pad) {
    Objects.requireNonNull(data, "data");
    if (fromBits < 1 || fromBits > 8 || toBits < 1 || toBits > 8) {
      throw new IllegalArgumentException("bit widths must be 1..8");
    }
    int accumulator = 0;
    int bits = 0;
    int maxValue = (1 << toBits) - 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * fromBits / toBits + 1);
    for (int i = 0; i < data.length; i++) {
      int value = data[i] & 0xff;
      if (value >>> fromBits != 0) {
        throw new InvalidBech32Exception(
            Reason.DATA_OUT_OF_RANGE,
            "value " + value + " at index " + i + " does not fit " + fromBits + " bits");
      }
      accumulator = (accumulator << fromBits) | value;
      bits += fromBits;
      while (bits >= toBits) {
        bits -= toBits;
        out.write((accumulator >>> bits) & maxValue);
      }
    }
    if (pad) {
      if (bits > 0) {
        out.write((accumulator << (toBits - bits)) & maxValue);
      }
    } else if (bits >= fromBits) {
      throw new InvalidBech32Exception(
          Reason.BAD_PADDING, bits + " bits of padding left over; at most " + (fromBits - 1));
    } else if (((accumulator << (toBits - bits)) & maxValue) != 0) {
      throw new InvalidBech32Exception(Reason.BAD_PADDING, "padding bits are not zero");
    }
    return out.toByteArray();
  }

  /** Lower-cases and validates a human-readable part. */
  private static String checkHrp(String hrp) {
    Objects.requireNonNull(hrp, "hrp");
    if (hrp.isEmpty()) {
      throw new InvalidBech32Exception(
          Reason.EMPTY_HRP, "bech32 string has an empty human-readable part");
    }
    for (int i = 0; i < hrp.length(); i++) {
      char c = hrp.charAt(i);
      if (c < 33 || c > 126) {
        throw new InvalidBech32Exception(
            Reason.INVALID_HRP_CHARACTER,
            "bech32 human-readable part has character "
                + describe(c)
                + " at position "
                + i
                + "; only ASCII 33..126 is allowed");
      }
    }
    return hrp.toLowerCase(Locale.ROOT);
  }

  private static void checkSingleCase(String text) {
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
    }
    if (lower && upper) {
      throw new InvalidBech32Exception(
          Reason.MIXED_CASE, "bech32 string mixes upper- and lower-case letters");
    }
  }

  /** BCH checksum over the expanded hrp, the data and the checksum (or six zeros to make one). */
  private static int polymod(String hrp, byte[] data, byte[] checksum) {
    int chk = 1;
    for (int i = 0; i < hrp.length(); i++) {
      chk = step(chk, hrp.charAt(i) >>> 5);
    }
    chk = step(chk, 0);
    for (int i = 0; i < hrp.length(); i++) {
      chk = step(chk, hrp.charAt(i) & 31);
    }
    for (byte value : data) {
      chk = step(chk, value);
    }
    for (byte value : checksum) {
      chk = step(chk, value);
    }
    return chk;
  }

  private static int step(int chk, int value) {
    int top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ value;
    for (int i = 0; i < 5; i++) {
      if (((top >>> i) & 1) != 0) {
        chk ^= GENERATOR[i];
      }
    }
    return chk;
  }

  private static String describe(char c) {
    return c >= 33 && c <= 126 ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }
}
