package io.arcanum.crypto.bech32;

import io.arcanum.crypto.CryptoException;

/** Text that is not a valid bech32 string, or not the address the caller expected. */
public final class InvalidBech32Exception extends CryptoException {
  private static final long serialVersionUID = 1L;

  /** Which rule the input broke. */
  public enum Reason {
    /** Longer than the limit (90 characters for BIP-173). */
    TOO_LONG,
    /** No '1' between the human-readable part and the data. */
    MISSING_SEPARATOR,
    /** Nothing before the separator. */
    EMPTY_HRP,
    /** A human-readable-part character outside ASCII 33..126. */
    INVALID_HRP_CHARACTER,
    /** A data character outside the bech32 alphabet. */
    INVALID_CHARACTER,
    /** Upper- and lower-case letters mixed. */
    MIXED_CASE,
    /** Fewer than the six checksum characters after the separator. */
    TOO_SHORT,
    /** The checksum does not match: a character is wrong, missing or extra. */
    BAD_CHECKSUM,
    /** A 5-bit group to convert is 32 or more, or an 8-bit one 256 or more. */
    DATA_OUT_OF_RANGE,
    /** Regrouping bits left more than 4 bits over, or non-zero padding bits. */
    BAD_PADDING,
    /** A valid string whose human-readable part is not the expected prefix. */
    WRONG_PREFIX,
    /** A valid string whose payload is not the expected number of bytes. */
    WRONG_LENGTH
  }

  private final Reason reason;

  public InvalidBech32Exception(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
