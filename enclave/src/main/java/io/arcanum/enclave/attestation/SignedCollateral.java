package io.arcanum.enclave.attestation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcanum.enclave.attestation.AttestationException.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A signed JSON collateral document, {@code {"<body>":{…},"signature":"<hex r‖s>"}}: TCB info or QE
 * identity. The signature covers the body's exact bytes as they appear in the text, so they are cut
 * out of the text rather than re-serialised.
 *
 * @param body the parsed body
 */
record SignedCollateral(JsonNode body) {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern SIGNATURE_HEX = Pattern.compile("[0-9a-f]{128}");

  /**
   * Parses {@code text}, checks the signature with {@code signer}, and refuses a body whose
   * validity window does not contain {@code timeSeconds} (strict freshness).
   */
  static SignedCollateral verify(String text, String bodyName, PublicKey signer, long timeSeconds)
      throws AttestationException {
    String prefix = "{\"" + bodyName + "\":";
    String marker = ",\"signature\":\"";
    String suffix = "\"}";
    int end = text.lastIndexOf(marker);
    if (!text.startsWith(prefix)
        || end < prefix.length()
        || !text.endsWith(suffix)
        || end + marker.length() > text.length() - suffix.length()) {
      throw new AttestationException(
          Failure.MALFORMED, bodyName + " is not {\"" + bodyName + "\":…,\"signature\":\"…\"}");
    }
    // Intel writes the signature as 128 lower-case hex digits; accepting other spellings would let
    // the same document travel in several encodings.
    String signatureHex = text.substring(end + marker.length(), text.length() - suffix.length());
    if (!SIGNATURE_HEX.matcher(signatureHex).matches()) {
      throw new AttestationException(
          Failure.MALFORMED, bodyName + " signature is not 128 lower-case hex digits (r ‖ s)");
    }
    String bodyText = text.substring(prefix.length(), end);
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
      verifier.initVerify(signer);
      verifier.update(bodyText.getBytes(StandardCharsets.UTF_8));
      if (!verifier.verify(HexFormat.of().parseHex(signatureHex))) {
        throw new AttestationException(
            Failure.BAD_SIGNATURE, bodyName + " signature does not verify");
      }
    } catch (GeneralSecurityException e) {
      throw new AttestationException(Failure.BAD_SIGNATURE, bodyName + " signature is unusable", e);
    }
    JsonNode body;
    try {
      body = JSON.readTree(bodyText);
    } catch (IOException e) {
      throw new AttestationException(Failure.MALFORMED, bodyName + " is not JSON", e);
    }
    if (body == null || !body.isObject()) {
      throw new AttestationException(Failure.MALFORMED, bodyName + " body is not a JSON object");
    }
    Instant at = Instant.ofEpochSecond(timeSeconds);
    Instant issued = instant(body, "issueDate", bodyName);
    Instant nextUpdate = instant(body, "nextUpdate", bodyName);
    if (at.isBefore(issued) || at.isAfter(nextUpdate)) {
      throw new AttestationException(
          Failure.COLLATERAL_EXPIRED,
          bodyName + " is valid " + issued + " to " + nextUpdate + ", not at " + at);
    }
    return new SignedCollateral(body);
  }

  private static Instant instant(JsonNode body, String field, String bodyName)
      throws AttestationException {
    try {
      return Instant.parse(body.path(field).asText());
    } catch (DateTimeParseException e) {
      throw new AttestationException(
          Failure.MALFORMED, bodyName + " " + field + " is not an ISO-8601 instant", e);
    }
  }
}
