package io.arcanum.crypto.address;

import io.arcanum.crypto.bech32.Bech32;
import io.arcanum.crypto.bech32.Bech32Data;
import io.arcanum.crypto.bech32.InvalidBech32Exception;
import io.arcanum.crypto.bech32.InvalidBech32Exception.Reason;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/**
 * A 20-byte Cosmos account address: RIPEMD-160(SHA-256(compressed secp256k1 public key)), shown as
 * bech32 under a chain prefix ("secret1…"). Secret contract addresses are also 20 bytes and use the
 * same type.
 *
 * <p>This lives beside, not inside, the bech32 package: bech32 is a general codec, while the hash
 * and the 20-byte rule are Cosmos conventions.
 *
 * @param bytes the 20 raw address bytes
 */
public record CosmosAddress(byte[] bytes) {
  /** Length of an account address. */
  public static final int LENGTH = 20;

  /** Secret Network's account prefix. */
  public static final String SECRET_PREFIX = "secret";

  /**
   * @throws InvalidBech32Exception with {@link Reason#WRONG_LENGTH} unless 20 bytes
   */
  public CosmosAddress {
    Objects.requireNonNull(bytes, "bytes");
    checkLength(bytes.length);
    bytes = bytes.clone();
  }

  /** The account address of a secp256k1 key, as the Cosmos SDK and secretjs compute it. */
  public static CosmosAddress fromPublicKey(Secp256k1PublicKey publicKey) {
    return hashOf(publicKey.compressed());
  }

  /**
   * {@code RIPEMD160(SHA256(parts...))}: the address hash of a key's 33 compressed bytes, and of
   * Secret's contract address preimage (secretjs-api.md §5).
   */
  public static CosmosAddress hashOf(byte[]... parts) {
    byte[] sha256;
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      sha256 = digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
    RIPEMD160Digest ripemd = new RIPEMD160Digest();
    ripemd.update(sha256, 0, sha256.length);
    byte[] hash = new byte[LENGTH];
    ripemd.doFinal(hash, 0);
    return new CosmosAddress(hash);
  }

  /**
   * Parses a bech32 address and checks its prefix and length.
   *
   * @throws InvalidBech32Exception if the text is not bech32 ({@link Reason} says why), has another
   *     prefix ({@link Reason#WRONG_PREFIX}) or does not hold 20 bytes ({@link
   *     Reason#WRONG_LENGTH})
   */
  public static CosmosAddress parse(String expectedPrefix, String text) {
    Objects.requireNonNull(expectedPrefix, "expectedPrefix");
    Bech32Data decoded = Bech32.decode(text);
    if (!decoded.hrp().equals(expectedPrefix)) {
      throw new InvalidBech32Exception(
          Reason.WRONG_PREFIX,
          "address prefix is '" + decoded.hrp() + "', expected '" + expectedPrefix + "'");
    }
    byte[] payload = decoded.bytes();
    checkLength(payload.length);
    return new CosmosAddress(payload);
  }

  /** Parses a "secret1…" address. */
  public static CosmosAddress parseSecret(String text) {
    return parse(SECRET_PREFIX, text);
  }

  private static void checkLength(int length) {
    if (length != LENGTH) {
      throw new InvalidBech32Exception(
          Reason.WRONG_LENGTH, "address must be " + LENGTH + " bytes, got " + length);
    }
  }

  /** The bech32 form under {@code prefix}, e.g. "secret1…" for {@link #SECRET_PREFIX}. */
  public String toBech32(String prefix) {
    return Bech32.encodeBytes(prefix, bytes);
  }

  /** A copy of the 20 bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CosmosAddress that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Addresses are public; shown as hex since the prefix is the caller's choice. */
  @Override
  public String toString() {
    return "CosmosAddress[" + HexFormat.of().formatHex(bytes) + "]";
  }
}
