package io.arcanum.enclave.attestation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.crypto.ed25519.Ed25519PrivateKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;

/** Attestation tokens for tests, built by hand as MAA and proof-of-cloud would build them. */
final class TestJwts {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String RSA_KID = "J0pAPdfXXHqWWimgrH853wMIdh5/fLe1z6uSXYPXCa0=";

  private TestJwts() {}

  static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String b64(String text) {
    return b64(text.getBytes(StandardCharsets.UTF_8));
  }

  static String quoteHash(byte[] quote) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(quote));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** MAA-shaped claims vouching for {@code quoteHash}. */
  static ObjectNode claims(String quoteHash) {
    ObjectNode claims = JSON.createObjectNode();
    claims.put("iss", "https://sharedeus2.eus2.attest.azure.net");
    claims.put("iat", 1_768_470_000L);
    claims.put("nbf", 1_768_470_000L);
    claims.put("exp", 1_768_498_800L);
    claims.put("x-ms-attestation-type", "sgx");
    claims.putObject("x-ms-sgx-collateral").put("quotehash", quoteHash);
    return claims;
  }

  static String header(String alg, String kid) {
    ObjectNode header = JSON.createObjectNode();
    header.put("alg", alg);
    header.put("kid", kid);
    header.put("typ", "JWT");
    return header.toString();
  }

  static String rs256(PrivateKey key, String kid, ObjectNode claims) {
    return signRsa(key, header("RS256", kid), claims.toString());
  }

  static String signRsa(PrivateKey key, String header, String claims) {
    String signingInput = b64(header) + "." + b64(claims);
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + b64(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An ed25519 token whose kid is the base64 of the signing key, as proof-of-cloud's. */
  static String eddsa(Ed25519PrivateKey key, ObjectNode claims) {
    String kid = Base64.getEncoder().encodeToString(key.publicKey().bytes());
    String signingInput = b64(header("EdDSA", kid)) + "." + b64(claims.toString());
    return signingInput + "." + b64(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
  }
}
