package io.arcanum.enclave.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcanum.enclave.attestation.AttestationException.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A signed JSON collateral document, {@code {"<body>":{…},"signature":"<hex r‖s>"}}: TCB info or QE
 * identity. The signature covers the body's exact bytes as they appear in the text, so they are cut
 * out of the text rather than re-serialised.
 *
 * @param body the parsed body
 */
record SignedCollateral(JsonNode body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Parses {@code text}, checks the signature with {@code signer}, and refuses a body whose
   * validity window does not contain {@code timeSeconds} (strict freshness).
   */
  static SignedCollateral verify(String text, String bodyName, PublicKey signer, long timeSeconds)
      throws AttestationException {
    String prefix = "{\"" + bodyName + "\":";
    int end = text.lastIndexOf(",\"signature\":\"");
    if (!text.startsWith(prefix) || end < prefix.length()) {
      throw new AttestationException(
          Failure.MALFORMED, bodyName + " is not {\"" + bodyName + "\":…,\"signature\":…}");
    }
    byte[] signed = text.substring(prefix.length(), end).getBytes(StandardCharsets.UTF_8);
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      throw new AttestationException(Failure.MALFORMED, bodyName + " is not JSON", e);
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
      verifier.initVerify(signer);
      verifier.update(signed);
      if (!verifier.verify(HexFormat.of().parseHex(root.path("signature").asText()))) {
        throw new AttestationException(
            Failure.BAD_SIGNATURE, bodyName + " signature does not verify");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new AttestationException(Failure.BAD_SIGNATURE, bodyName + " signature is unusable", e);
    }
    JsonNode body = root.get(bodyName);
    Instant at = Instant.ofEpochSecond(timeSeconds);
    Instant issued = Instant.parse(body.path("issueDate").asText());
    Instant nextUpdate = Instant.parse(body.path("nextUpdate").asText());
    if (at.isBefore(issued) || at.isAfter(nextUpdate)) {
      throw new AttestationException(
          Failure.COLLATERAL_EXPIRED,
          bodyName + " is valid " + issued + " to " + nextUpdate + ", not at " + at);
    }
    return new SignedCollateral(body);
  }
}
