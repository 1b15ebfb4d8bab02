package io.arcanum.crypto.bip32;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A BIP32 derivation path from the master key, such as {@code m/44'/529'/0'/0/0}. Hardened steps
 * may be written with {@code '}, {@code h} or {@code H}; {@link #toString()} uses {@code '}.
 *
 * @param components the steps after {@code m}, at most 255 (BIP32 stores depth in one byte)
 */
public record HdPath(List<ChildNumber> components) {
  /** BIP44 coin type of Secret Network (SLIP-44 529), secretjs's default. */
  public static final int SECRET_COIN_TYPE = 529;

  /** BIP44 coin type of the Cosmos Hub (118), which secretjs also accepts. */
  public static final int COSMOS_COIN_TYPE = 118;

  private static final BigInteger MAX_INDEX = BigInteger.valueOf(Integer.MAX_VALUE);

  /** Largest depth a BIP32 key can have. */
  public static final int MAX_DEPTH = 255;

  /**
   * @throws InvalidHdPathException if longer than {@link #MAX_DEPTH}
   */
  public HdPath {
    components = List.copyOf(components);
    if (components.size() > MAX_DEPTH) {
      throw new InvalidHdPathException(
          "BIP32 path has " + components.size() + " steps; the maximum depth is " + MAX_DEPTH);
    }
  }

  /**
   * BIP44 path {@code m/44'/coinType'/account'/change/index}.
   *
   * @throws InvalidHdPathException if any number is negative
   */
  public static HdPath bip44(int coinType, int account, int change, int index) {
    return new HdPath(
        List.of(
            ChildNumber.hardened(44),
            ChildNumber.hardened(coinType),
            ChildNumber.hardened(account),
            ChildNumber.normal(change),
            ChildNumber.normal(index)));
  }

  /** Secret's account path {@code m/44'/529'/0'/0/index}, as secretjs's {@code Wallet} uses. */
  public static HdPath secret(int index) {
    return bip44(SECRET_COIN_TYPE, 0, 0, index);
  }

  /**
   * Parses {@code m/a/b'/…}.
   *
   * @throws InvalidHdPathException naming the first malformed component
   */
  public static HdPath parse(String path) {
    Objects.requireNonNull(path, "path");
    String[] parts = path.split("/", -1);
    if (!parts[0].equals("m")) {
      throw new InvalidHdPathException(
          "BIP32 path must start with 'm' (the master key), got '" + path + "'");
    }
    List<ChildNumber> steps = new ArrayList<>(parts.length - 1);
    for (int i = 1; i < parts.length; i++) {
      steps.add(parseComponent(parts[i], i));
    }
    return new HdPath(steps);
  }

  private static ChildNumber parseComponent(String text, int position) {
    String where = "BIP32 path component " + position + " ('" + text + "')";
    if (text.isEmpty()) {
      throw new InvalidHdPathException(
          "BIP32 path component " + position + " is empty (doubled or trailing '/')");
    }
    char last = text.charAt(text.length() - 1);
    boolean hardened = last == '\'' || last == 'h' || last == 'H';
    String digits = hardened ? text.substring(0, text.length() - 1) : text;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidHdPathException(
          where + " is not a decimal index optionally followed by ' h or H");
    }
    BigInteger value = new BigInteger(digits);
    if (value.compareTo(MAX_INDEX) > 0) {
      throw new InvalidHdPathException(
          where + " is out of range: indices are 0 .. 2147483647 (mark hardened with ')");
    }
    return new ChildNumber(value.intValueExact(), hardened);
  }

  public int depth() {
    return components.size();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("m");
    for (ChildNumber step : components) {
      out.append('/').append(step);
    }
    return out.toString();
  }
}
