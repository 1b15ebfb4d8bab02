package io.arcanum.enclave.attestation;

import io.arcanum.enclave.attestation.AttestationException.Failure;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The combined attestation evidence a joining node submits as {@code ra_cert} (protocol.md §4.1): a
 * DCAP quote, its collateral, and optionally an attestation JWT.
 *
 * <p>Two layouts exist and {@link #parse} tells them apart by the first byte, as Secret does:
 *
 * <ul>
 *   <li>default (first byte 0): {@code LE32 epid_len ‖ LE32 quote_len ‖ LE32 collateral_len ‖ epid
 *       ‖ quote ‖ collateral}. EPID was removed (§12.3), so {@code epid_len} must be 0;
 *   <li>tagged (first byte ≠ 0): repeated {@code tag(u8) ‖ LE32 len ‖ value} with tag 2 = quote, 3
 *       = collateral, 4 = JWT.
 * </ul>
 *
 * <p>Secret's parser is lenient (it ignores unknown tags, lets a later duplicate win, skips a short
 * tail and trailing bytes). Arcanum refuses all of those: every byte of the blob must be accounted
 * for, so two different blobs never carry the same evidence unnoticed and every node refuses the
 * same malformed input with the same message.
 *
 * @param quote the DCAP quote (not empty)
 * @param collateral the collateral in Secret's serialization (not empty)
 * @param jwt the attestation token, compact JWS (tagged layout only)
 */
public record RegistrationEvidence(byte[] quote, byte[] collateral, Optional<String> jwt) {
  static final int TAG_QUOTE = 2;
  static final int TAG_COLLATERAL = 3;
  static final int TAG_JWT = 4;
  private static final int DEFAULT_HEADER = 12;
  private static final int TAGGED_ENTRY_HEADER = 5;

  public RegistrationEvidence {
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(collateral, "collateral");
    Objects.requireNonNull(jwt, "jwt");
    quote = quote.clone();
    collateral = collateral.clone();
  }

  /** Evidence without a JWT. */
  public RegistrationEvidence(byte[] quote, byte[] collateral) {
    this(quote, collateral, Optional.empty());
  }

  @Override
  public byte[] quote() {
    return quote.clone();
  }

  @Override
  public byte[] collateral() {
    return collateral.clone();
  }

  /**
   * Parses either layout, accounting for every byte.
   *
   * @throws AttestationException ({@link Failure#MALFORMED}) naming what does not fit
   */
  public static RegistrationEvidence parse(byte[] blob) throws AttestationException {
    Objects.requireNonNull(blob, "blob");
    if (blob.length == 0) {
      throw malformed("attestation evidence is empty");
    }
    return blob[0] == 0 ? parseDefault(blob) : parseTagged(blob);
  }

  private static RegistrationEvidence parseDefault(byte[] blob) throws AttestationException {
    if (blob.length < DEFAULT_HEADER) {
      throw malformed(
          "default evidence layout needs a 12-byte header, the blob has " + blob.length + " bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
    long epidLength = in.getInt() & 0xFFFF_FFFFL;
    long quoteLength = in.getInt() & 0xFFFF_FFFFL;
    long collateralLength = in.getInt() & 0xFFFF_FFFFL;
    if (epidLength != 0) {
      throw malformed(
          "evidence carries "
              + epidLength
              + " bytes of EPID attestation; EPID is no longer accepted");
    }
    long declared = quoteLength + collateralLength;
    if (declared != in.remaining()) {
      throw malformed(
          "default evidence layout declares "
              + declared
              + " bytes of quote and collateral, "
              + in.remaining()
              + " follow the header");
    }
    byte[] quote = new byte[(int) quoteLength];
    in.get(quote);
    byte[] collateral = new byte[(int) collateralLength];
    in.get(collateral);
    return complete(quote, collateral, null);
  }

  private static RegistrationEvidence parseTagged(byte[] blob) throws AttestationException {
    ByteBuffer in = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
    byte[] quote = null;
    byte[] collateral = null;
    byte[] jwt = null;
    while (in.hasRemaining()) {
      int offset = in.position();
      if (in.remaining() < TAGGED_ENTRY_HEADER) {
        throw malformed(
            "tagged evidence ends with "
                + in.remaining()
                + " stray bytes at offset "
                + offset
                + " (an entry needs a 5-byte header)");
      }
      int tag = in.get() & 0xFF;
      long length = in.getInt() & 0xFFFF_FFFFL;
      if (length > in.remaining()) {
        throw malformed(
            "tagged evidence entry "
                + tag
                + " at offset "
                + offset
                + " declares "
                + length
                + " bytes, "
                + in.remaining()
                + " remain");
      }
      byte[] value = new byte[(int) length];
      in.get(value);
      switch (tag) {
        case TAG_QUOTE -> quote = once(quote, value, "DCAP quote");
        case TAG_COLLATERAL -> collateral = once(collateral, value, "collateral");
        case TAG_JWT -> jwt = once(jwt, value, "JWT");
        default ->
            throw malformed(
                "tagged evidence has unknown tag "
                    + tag
                    + " at offset "
                    + offset
                    + " (2 = quote, 3 = collateral, 4 = JWT)");
      }
    }
    return complete(quote, collateral, jwt);
  }

  private static byte[] once(byte[] previous, byte[] value, String what)
      throws AttestationException {
    if (previous != null) {
      throw malformed("tagged evidence carries the " + what + " twice");
    }
    return value;
  }

  private static RegistrationEvidence complete(byte[] quote, byte[] collateral, byte[] jwt)
      throws AttestationException {
    if (quote == null || quote.length == 0) {
      throw malformed("evidence carries no DCAP quote");
    }
    if (collateral == null || collateral.length == 0) {
      throw malformed("evidence carries no collateral");
    }
    // Secret treats an empty JWT entry as no JWT; so does Arcanum.
    if (jwt == null || jwt.length == 0) {
      return new RegistrationEvidence(quote, collateral, Optional.empty());
    }
    for (byte b : jwt) {
      if (b < 0x21 || b > 0x7E) {
        throw malformed("JWT entry is not printable ASCII (a compact JWS is)");
      }
    }
    return new RegistrationEvidence(
        quote, collateral, Optional.of(new String(jwt, StandardCharsets.US_ASCII)));
  }

  /**
   * The default layout, {@code epid_len = 0}: what Secret's tools write.
   *
   * @throws IllegalStateException if a JWT is attached (only the tagged layout carries one)
   */
  public byte[] encodeDefault() {
    if (jwt.isPresent()) {
      throw new IllegalStateException("the default evidence layout cannot carry a JWT");
    }
    ByteBuffer out =
        ByteBuffer.allocate(DEFAULT_HEADER + quote.length + collateral.length)
            .order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(0).putInt(quote.length).putInt(collateral.length).put(quote).put(collateral);
    return out.array();
  }

  /** The tagged layout: quote (2), collateral (3), then the JWT (4) if attached. */
  public byte[] encodeTagged() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    entry(out, TAG_QUOTE, quote);
    entry(out, TAG_COLLATERAL, collateral);
    jwt.ifPresent(token -> entry(out, TAG_JWT, token.getBytes(StandardCharsets.US_ASCII)));
    return out.toByteArray();
  }

  private static void entry(ByteArrayOutputStream out, int tag, byte[] value) {
    out.write(tag);
    out.writeBytes(
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value.length).array());
    out.writeBytes(value);
  }

  /** The same evidence with {@code token} attached (encode it with {@link #encodeTagged}). */
  public RegistrationEvidence withJwt(String token) {
    return new RegistrationEvidence(quote, collateral, Optional.of(token));
  }

  private static AttestationException malformed(String message) {
    return new AttestationException(Failure.MALFORMED, message);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RegistrationEvidence that
        && Arrays.equals(quote, that.quote)
        && Arrays.equals(collateral, that.collateral)
        && jwt.equals(that.jwt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(quote), Arrays.hashCode(collateral), jwt);
  }

  @Override
  public String toString() {
    return "RegistrationEvidence[quote "
        + quote.length
        + " bytes, collateral "
        + collateral.length
        + " bytes"
        + (jwt.isPresent() ? ", with JWT" : "")
        + "]";
  }
}
