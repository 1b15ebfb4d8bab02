package io.arcanum.crypto.bip39;

import io.arcanum.crypto.CryptoException;
import java.util.OptionalInt;

/**
 * A BIP39 mnemonic or its entropy is not acceptable. The message names the rule and, for an unknown
 * word, its position; it never contains any of the words, which are the wallet's secret.
 */
public final class InvalidMnemonicException extends CryptoException {
  private static final long serialVersionUID = 1L;

  /** Which rule the input broke. */
  public enum Reason {
    /** Not 12, 15, 18, 21 or 24 words. */
    WRONG_WORD_COUNT,
    /** A word that is not in the English word list; {@link #position()} says which. */
    UNKNOWN_WORD,
    /** All words are known but the checksum bits do not match the entropy bits. */
    BAD_CHECKSUM,
    /** Entropy that is not 16..32 bytes in steps of 4. */
    INVALID_ENTROPY_LENGTH
  }

  private final Reason reason;
  private final int position;

  InvalidMnemonicException(Reason reason, String message) {
    this(reason, 0, message);
  }

  InvalidMnemonicException(Reason reason, int position, String message) {
    super(message);
    this.reason = reason;
    this.position = position;
  }

  public Reason reason() {
    return reason;
  }

  /** 1-based position of the offending word, for {@link Reason#UNKNOWN_WORD}. */
  public OptionalInt position() {
    return position > 0 ? OptionalInt.of(position) : OptionalInt.empty();
  }
}
