package io.arcanum.crypto.bip39;

import io.arcanum.crypto.SecretBytes;
import io.arcanum.crypto.bip39.InvalidMnemonicException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A BIP39 mnemonic (English word list). It holds the entropy the words encode, which is the
 * wallet's secret: {@link #toString()} is redacted and errors never quote words. {@link #phrase()}
 * gives the words for the user to write down.
 *
 * <p>Phrases are parsed after NFKD normalisation with any run of whitespace as the separator. The
 * seed is computed from the canonical sentence (the words joined by single spaces), which is what
 * any BIP39 wallet that validated the same phrase computes.
 */
public final class Mnemonic extends SecretBytes {
  /** Word counts BIP39 allows: 128..256 bits of entropy in steps of 32. */
  public static final List<Integer> WORD_COUNTS = List.of(12, 15, 18, 21, 24);

  private static final int PBKDF2_ROUNDS = 2048;
  private static final int SEED_BITS = 512;

  private Mnemonic(byte[] entropy) {
    super(entropy);
  }

  /**
   * The mnemonic encoding {@code entropy}.
   *
   * @throws InvalidMnemonicException ({@link Reason#INVALID_ENTROPY_LENGTH}) unless 16, 20, 24, 28
   *     or 32 bytes
   */
  public static Mnemonic fromEntropy(byte[] entropy) {
    Objects.requireNonNull(entropy, "entropy");
    int length = entropy.length;
    if (length < 16 || length > 32 || length % 4 != 0) {
      throw new InvalidMnemonicException(
          Reason.INVALID_ENTROPY_LENGTH,
          "BIP39 entropy must be 16, 20, 24, 28 or 32 bytes, got " + length);
    }
    return new Mnemonic(entropy);
  }

  /**
   * A new random mnemonic of {@code wordCount} words (24 is secretjs's default for new wallets).
   *
   * @throws InvalidMnemonicException ({@link Reason#WRONG_WORD_COUNT}) unless 12, 15, 18, 21 or 24
   */
  public static Mnemonic generate(SecureRandom random, int wordCount) {
    Objects.requireNonNull(random, "random");
    checkWordCount(wordCount);
    byte[] entropy = new byte[wordCount / 3 * 4];
    try {
      random.nextBytes(entropy);
      return new Mnemonic(entropy);
    } finally {
      Arrays.fill(entropy, (byte) 0);
    }
  }

  /**
   * Parses and validates a phrase: word count, every word in the list, checksum.
   *
   * @throws InvalidMnemonicException saying which rule failed (and, for an unknown word, its
   *     1-based position)
   */
  public static Mnemonic parse(String phrase) {
    Objects.requireNonNull(phrase, "phrase");
    String normalized = Normalizer.normalize(phrase, Normalizer.Form.NFKD).strip();
    String[] words = normalized.isEmpty() ? new String[0] : normalized.split("\\s+");
    checkWordCount(words.length);
    int totalBits = words.length * 11;
    int checksumBits = totalBits / 33;
    byte[] bits = new byte[(totalBits + 7) / 8];
    try {
      for (int w = 0; w < words.length; w++) {
        int index = WordList.indexOf(words[w]);
        if (index < 0) {
          throw new InvalidMnemonicException(
              Reason.UNKNOWN_WORD,
              w + 1,
              "word "
                  + (w + 1)
                  + " of the mnemonic is not in the BIP39 English word list"
                  + " (lower-case English words only)");
        }
        for (int b = 0; b < 11; b++) {
          if ((index >>> (10 - b) & 1) != 0) {
            int bit = w * 11 + b;
            bits[bit / 8] |= (byte) (0x80 >>> (bit % 8));
          }
        }
      }
      byte[] entropy = Arrays.copyOf(bits, (totalBits - checksumBits) / 8);
      try {
        int expected = checksum(entropy, checksumBits);
        int actual = (bits[entropy.length] & 0xff) >>> (8 - checksumBits);
        if (expected != actual) {
          throw new InvalidMnemonicException(
              Reason.BAD_CHECKSUM,
              "mnemonic checksum does not match: a word is wrong or the words are out of order");
        }
        return new Mnemonic(entropy);
      } finally {
        Arrays.fill(entropy, (byte) 0);
      }
    } finally {
      Arrays.fill(bits, (byte) 0);
    }
  }

  /** Whether {@link #parse} would accept {@code phrase}. */
  public static boolean isValid(String phrase) {
    try {
      parse(phrase).destroy();
      return true;
    } catch (InvalidMnemonicException e) {
      return false;
    }
  }

  private static void checkWordCount(int count) {
    if (!WORD_COUNTS.contains(count)) {
      throw new InvalidMnemonicException(
          Reason.WRONG_WORD_COUNT, "mnemonic must have 12, 15, 18, 21 or 24 words, got " + count);
    }
  }

  /** The first {@code bits} bits (at most 8) of SHA-256(entropy). */
  private static int checksum(byte[] entropy, int bits) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(entropy);
      return (hash[0] & 0xff) >>> (8 - bits);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }

  /** Number of words: 3 per 4 bytes of entropy. */
  public int wordCount() {
    return length() / 4 * 3;
  }

  /**
   * The words, separated by single spaces. This is the secret itself: show it only to its owner and
   * do not log it. (A String cannot be wiped; keep it short-lived.)
   */
  public String phrase() {
    byte[] entropy = secret();
    int checksumBits = entropy.length / 4;
    int words = wordCount();
    StringBuilder out = new StringBuilder(words * 9);
    int checksum = checksum(entropy, checksumBits) << (8 - checksumBits);
    for (int w = 0; w < words; w++) {
      int index = 0;
      for (int b = 0; b < 11; b++) {
        int bit = w * 11 + b;
        int value = bit / 8 < entropy.length ? entropy[bit / 8] & 0xff : checksum;
        index = (index << 1) | (value >>> (7 - bit % 8) & 1);
      }
      if (w > 0) {
        out.append(' ');
      }
      out.append(WordList.word(index));
    }
    return out.toString();
  }

  /** The seed with no passphrase, as secretjs and the Cosmos CLI use by default. */
  public Bip39Seed toSeed() {
    return toSeed("");
  }

  /**
   * BIP39 seed: PBKDF2-HMAC-SHA512 with 2048 rounds over the NFKD-normalised sentence, salt
   * "mnemonic" + NFKD(passphrase), both UTF-8.
   */
  public Bip39Seed toSeed(String passphrase) {
    Objects.requireNonNull(passphrase, "passphrase");
    byte[] password = utf8Nfkd(phrase());
    byte[] salt = utf8Nfkd("mnemonic" + passphrase);
    try {
      PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA512Digest());
      pbkdf2.init(password, salt, PBKDF2_ROUNDS);
      byte[] seed = ((KeyParameter) pbkdf2.generateDerivedParameters(SEED_BITS)).getKey();
      try {
        return Bip39Seed.fromBytes(seed);
      } finally {
        Arrays.fill(seed, (byte) 0);
      }
    } finally {
      Arrays.fill(password, (byte) 0);
      Arrays.fill(salt, (byte) 0);
    }
  }

  private static byte[] utf8Nfkd(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
  }
}
