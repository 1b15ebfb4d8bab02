package io.arcanum.enclave.attestation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcanum.crypto.ed25519.Ed25519PublicKey;
import io.arcanum.enclave.attestation.AttestationException.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The attestation JWT rule (protocol.md §12.2 item 6): a compact JWS signed by a pinned key whose
 * claim {@code x-ms-sgx-collateral.quotehash} names the quote it vouches for.
 *
 * <p>Follows Secret's enclave (scrtlabs/SecretNetwork {@code
 * cosmwasm/enclaves/execute/src/registration/attestation.rs}, {@code AttestationCombined::
 * decode_jwt} and {@code verify_jwt_token}):
 *
 * <ul>
 *   <li>the three parts are unpadded base64url ({@code Base64UrlUnpadded});
 *   <li>the key is chosen by the header's {@code kid}, decoded as standard base64: first the pinned
 *       RSA (MAA) keys, RS256 = PKCS#1 v1.5 SHA-256; else a kid equal to a pinned ed25519 key's
 *       bytes selects that key;
 *   <li>{@code quotehash} is hex (the {@code hex} crate decodes either case), compared as bytes
 *       with SHA-256 of the quote bytes;
 *   <li>there is no {@code exp}/{@code nbf} check: the token is bound to one quote, and that
 *       quote's collateral is itself checked for freshness at block time.
 * </ul>
 *
 * <p>Stricter than Secret, which ignores the header's {@code alg}: Arcanum requires {@code RS256}
 * for an RSA key and {@code EdDSA} (or the fully specified {@code Ed25519}) for an ed25519 key, so
 * {@code none} and every other algorithm are refused by name. Base64 must be canonical and JSON may
 * not repeat a member or trail garbage, so no two nodes can read one token differently.
 */
public final class AttestationJwt {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private AttestationJwt() {}

  /**
   * Verifies {@code token} for {@code quote} under {@code trust}.
   *
   * @throws AttestationException ({@link Failure#INVALID_JWT}) naming what is wrong
   */
  public static void verify(String token, byte[] quote, JwtTrust trust)
      throws AttestationException {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw invalid("a compact JWS has 3 dot-separated parts, this token has " + parts.length);
    }
    JsonNode header = json(base64Url(parts[0], "header"), "header");
    JsonNode claims = json(base64Url(parts[1], "payload"), "payload");
    byte[] signature = base64Url(parts[2], "signature");
    byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);

    String alg = text(header, "alg", "header");
    if (alg.equalsIgnoreCase("none")) {
      throw invalid("unsigned token (alg none) refused");
    }
    String kid = text(header, "kid", "header");
    byte[] kidBytes =
        JwtTrust.kidBytes(kid).orElseThrow(() -> invalid("kid " + kid + " is not base64"));
    Optional<RSAPublicKey> rsa = trust.rsaKey(kidBytes);
    if (rsa.isPresent()) {
      requireAlg(alg, "RS256", kid);
      if (!rsaValid(rsa.get(), signed, signature)) {
        throw invalid("RS256 signature does not verify under the key of kid " + kid);
      }
    } else {
      Ed25519PublicKey ed =
          trust.ed25519Key(kidBytes).orElseThrow(() -> invalid("unknown kid " + kid));
      if (!alg.equals("EdDSA") && !alg.equals("Ed25519")) {
        throw invalid("alg " + alg + " refused for the ed25519 key of kid " + kid);
      }
      if (signature.length != Ed25519PublicKey.SIGNATURE_LENGTH || !ed.isValid(signed, signature)) {
        throw invalid("ed25519 signature does not verify under kid " + kid);
      }
    }
    checkQuoteHash(claims, quote);
  }

  private static void checkQuoteHash(JsonNode claims, byte[] quote) throws AttestationException {
    JsonNode collateral = claims.get("x-ms-sgx-collateral");
    if (collateral == null || !collateral.isObject()) {
      throw invalid("claim x-ms-sgx-collateral is missing or not an object");
    }
    String quoteHash = text(collateral, "quotehash", "x-ms-sgx-collateral");
    byte[] claimed;
    try {
      claimed = HexFormat.of().parseHex(quoteHash);
    } catch (IllegalArgumentException e) {
      throw invalid("x-ms-sgx-collateral.quotehash is not hex");
    }
    byte[] actual;
    try {
      actual = MessageDigest.getInstance("SHA-256").digest(quote);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    if (!MessageDigest.isEqual(claimed, actual)) {
      throw invalid(
          "token vouches for quote "
              + quoteHash
              + ", the evidence's quote hashes to "
              + HexFormat.of().formatHex(actual));
    }
  }

  private static void requireAlg(String alg, String expected, String kid)
      throws AttestationException {
    if (!alg.equals(expected)) {
      throw invalid("alg " + alg + " refused for the RSA key of kid " + kid + "; expected RS256");
    }
  }

  private static boolean rsaValid(RSAPublicKey key, byte[] signed, byte[] signature)
      throws AttestationException {
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update(signed);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      // A signature of the wrong length is an exception in the JDK, a plain failure here.
      return false;
    }
  }

  /** Unpadded base64url in its canonical form only (one encoding per byte string). */
  private static byte[] base64Url(String part, String what) throws AttestationException {
    byte[] decoded;
    try {
      if (part.indexOf('=') >= 0) {
        throw new IllegalArgumentException("padding");
      }
      decoded = Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw invalid("JWT " + what + " is not unpadded base64url");
    }
    if (!Base64.getUrlEncoder().withoutPadding().encodeToString(decoded).equals(part)) {
      throw invalid("JWT " + what + " is not canonical base64url");
    }
    return decoded;
  }

  private static JsonNode json(byte[] bytes, String what) throws AttestationException {
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (IOException e) {
      throw invalid("JWT " + what + " is not JSON");
    }
    if (node == null || !node.isObject()) {
      throw invalid("JWT " + what + " is not a JSON object");
    }
    return node;
  }

  private static String text(JsonNode node, String field, String where)
      throws AttestationException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw invalid(where + " member " + field + " is missing or not a string");
    }
    return value.asText();
  }

  private static AttestationException invalid(String message) {
    return new AttestationException(Failure.INVALID_JWT, message);
  }
}
