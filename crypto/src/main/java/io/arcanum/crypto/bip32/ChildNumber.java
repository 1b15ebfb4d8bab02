package io.arcanum.crypto.bip32;

/**
 * One step of a BIP32 path: an index 0 .. 2^31-1 and whether it is hardened. Hardened children are
 * derived from the parent private key, so a leaked child key plus the parent's extended public key
 * cannot reveal the parent; BIP44 hardens purpose, coin type and account.
 *
 * @param index 0 .. 2^31-1
 * @param hardened whether the index is offset by 2^31
 */
public record ChildNumber(int index, boolean hardened) {
  /** The bit that marks a hardened index in its 32-bit serialised form. */
  public static final int HARDENED_BIT = 0x8000_0000;

  /**
   * @throws InvalidHdPathException if {@code index} is negative (2^31 or more as unsigned)
   */
  public ChildNumber {
    if (index < 0) {
      throw new InvalidHdPathException(
          "BIP32 child index must be 0 .. 2147483647, got " + Integer.toUnsignedString(index));
    }
  }

  public static ChildNumber hardened(int index) {
    return new ChildNumber(index, true);
  }

  public static ChildNumber normal(int index) {
    return new ChildNumber(index, false);
  }

  /** The 32-bit value BIP32 hashes and serialises: index, plus 2^31 if hardened. */
  public int raw() {
    return hardened ? index | HARDENED_BIT : index;
  }

  /** "44'" for hardened, "0" for normal. */
  @Override
  public String toString() {
    return hardened ? index + "'" : Integer.toString(index);
  }
}
