package io.arcanum.enclave.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.crypto.ed25519.Ed25519PrivateKey;
import io.arcanum.enclave.attestation.AttestationException.Failure;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The attestation JWT rule of protocol.md §12.2 item 6, as Secret's enclave applies it. */
class AttestationJwtTest {
  private static final byte[] QUOTE = "a quote's bytes".getBytes(StandardCharsets.US_ASCII);
  private static final String HASH = TestJwts.quoteHash(QUOTE);
  private static final KeyPair MAA = TestJwts.rsaKeyPair();
  private static final KeyPair OTHER_RSA = TestJwts.rsaKeyPair();
  private static final Ed25519PrivateKey CLOUD = Ed25519PrivateKey.fromSeed(new byte[32]);
  private static final JwtTrust TRUST =
      new JwtTrust(
          Map.of(TestJwts.RSA_KID, (RSAPublicKey) MAA.getPublic()),
          Set.of(java.util.HexFormat.of().formatHex(CLOUD.publicKey().bytes())));

  private static void assertRefused(ThrowingCallable call, Failure failure, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((AttestationException) e).failure()).isEqualTo(failure));
  }

  private static void assertInvalid(String token, String message) {
    assertRefused(() -> AttestationJwt.verify(token, QUOTE, TRUST), Failure.INVALID_JWT, message);
  }

  private static String rs256(ObjectNode claims) {
    return TestJwts.rs256(MAA.getPrivate(), TestJwts.RSA_KID, claims);
  }

  @Test
  void anRs256TokenByAPinnedKidNamingThisQuoteVerifies() {
    assertThatCode(() -> AttestationJwt.verify(rs256(TestJwts.claims(HASH)), QUOTE, TRUST))
        .doesNotThrowAnyException();
  }

  @Test
  void anEd25519TokenWhoseKidIsThePinnedKeyVerifies() {
    assertThatCode(
            () -> AttestationJwt.verify(TestJwts.eddsa(CLOUD, TestJwts.claims(HASH)), QUOTE, TRUST))
        .doesNotThrowAnyException();
  }

  @Test
  void kidsCompareAsDecodedBytesSoPaddingDoesNotMatter() {
    String unpadded = TestJwts.RSA_KID.replace("=", "");
    assertThatCode(
            () ->
                AttestationJwt.verify(
                    TestJwts.rs256(MAA.getPrivate(), unpadded, TestJwts.claims(HASH)),
                    QUOTE,
                    TRUST))
        .doesNotThrowAnyException();
  }

  @Test
  void quoteHashIsHexInEitherCaseAsSecretsHexDecoderReadsIt() {
    assertThatCode(
            () ->
                AttestationJwt.verify(
                    rs256(TestJwts.claims(HASH.toUpperCase(Locale.ROOT))), QUOTE, TRUST))
        .doesNotThrowAnyException();
  }

  @Test
  void expiryIsNotCheckedBecauseSecretDoesNotAndTheQuoteCarriesFreshness() {
    ObjectNode claims = TestJwts.claims(HASH);
    claims.put("exp", 1L);
    claims.put("nbf", 4_000_000_000L);
    assertThatCode(() -> AttestationJwt.verify(rs256(claims), QUOTE, TRUST))
        .doesNotThrowAnyException();
  }

  @Test
  void aTokenForAnotherQuoteIsRefused() {
    assertInvalid(
        rs256(TestJwts.claims(TestJwts.quoteHash(new byte[1]))), "token vouches for quote");
  }

  @Test
  void anUnknownKidIsRefused() {
    String token =
        TestJwts.rs256(MAA.getPrivate(), "ZOub53V4dZuruzP0dOOH0axfyks=", TestJwts.claims(HASH));
    assertInvalid(token, "unknown kid ZOub53V4dZuruzP0dOOH0axfyks=");
    assertInvalid(
        TestJwts.rs256(MAA.getPrivate(), "not base64!", TestJwts.claims(HASH)), "not base64");
  }

  @Test
  void aTokenSignedByAnotherKeyUnderAPinnedKidIsRefused() {
    assertInvalid(
        TestJwts.rs256(OTHER_RSA.getPrivate(), TestJwts.RSA_KID, TestJwts.claims(HASH)),
        "RS256 signature does not verify");
    Ed25519PrivateKey impostor =
        Ed25519PrivateKey.fromSeed(
            new byte[] {
              1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
              17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32
            });
    String forged = TestJwts.eddsa(impostor, TestJwts.claims(HASH));
    String pinnedKid = Base64.getEncoder().encodeToString(CLOUD.publicKey().bytes());
    String impostorKid = Base64.getEncoder().encodeToString(impostor.publicKey().bytes());
    String[] parts = forged.split("\\.");
    String header = TestJwts.b64(TestJwts.header("EdDSA", pinnedKid));
    assertInvalid(header + "." + parts[1] + "." + parts[2], "ed25519 signature does not verify");
    assertInvalid(forged, "unknown kid " + impostorKid);
  }

  @Test
  void aTamperedPayloadIsRefused() {
    String[] parts = rs256(TestJwts.claims(HASH)).split("\\.");
    ObjectNode claims = TestJwts.claims(HASH);
    claims.put("iss", "https://evil.example");
    assertInvalid(
        parts[0] + "." + TestJwts.b64(claims.toString()) + "." + parts[2],
        "RS256 signature does not verify");
  }

  @ParameterizedTest(name = "alg {0}")
  @ValueSource(strings = {"none", "None", "HS256", "RS512", "PS256", "ES256", "EdDSA"})
  void anyAlgorithmButRs256IsRefusedForAnRsaKid(String alg) {
    String token =
        TestJwts.signRsa(
            MAA.getPrivate(),
            TestJwts.header(alg, TestJwts.RSA_KID),
            TestJwts.claims(HASH).toString());
    assertInvalid(token, alg.equalsIgnoreCase("none") ? "alg none" : "alg " + alg + " refused");
  }

  @Test
  void anUnsignedTokenIsRefused() {
    String token =
        TestJwts.b64(TestJwts.header("none", TestJwts.RSA_KID))
            + "."
            + TestJwts.b64(TestJwts.claims(HASH).toString())
            + ".";
    assertInvalid(token, "alg none");
  }

  @Test
  void rs256IsRefusedForTheEd25519Key() {
    String kid = Base64.getEncoder().encodeToString(CLOUD.publicKey().bytes());
    String token =
        TestJwts.signRsa(
            MAA.getPrivate(), TestJwts.header("RS256", kid), TestJwts.claims(HASH).toString());
    assertInvalid(token, "alg RS256 refused for the ed25519 key");
  }

  @Test
  void malformedTokensAreRefusedByName() {
    String good = rs256(TestJwts.claims(HASH));
    String[] parts = good.split("\\.");
    assertInvalid("only.two", "3 dot-separated parts");
    assertInvalid(good + ".extra", "3 dot-separated parts");
    assertInvalid(parts[0] + "=." + parts[1] + "." + parts[2], "not unpadded base64url");
    assertInvalid("e30+." + parts[1] + "." + parts[2], "not unpadded base64url");
    assertInvalid(TestJwts.b64("not json") + "." + parts[1] + "." + parts[2], "header is not JSON");
    assertInvalid(
        TestJwts.b64("[1]") + "." + parts[1] + "." + parts[2], "header is not a JSON object");
    assertInvalid(
        TestJwts.b64("{\"alg\":\"RS256\",\"alg\":\"none\",\"kid\":\"x\"}")
            + "."
            + parts[1]
            + "."
            + parts[2],
        "header is not JSON");
    assertInvalid(
        TestJwts.b64("{\"alg\":\"RS256\"}") + "." + parts[1] + "." + parts[2], "kid is missing");
    // A last base64url character with unused bits set decodes like the canonical one.
    String sig = parts[2];
    char last = sig.charAt(sig.length() - 1);
    String twin = sig.substring(0, sig.length() - 1) + (char) (last + 1);
    assertInvalid(parts[0] + "." + parts[1] + "." + twin, "base64url");
  }

  @Test
  void claimsWithoutTheCollateralClaimAreRefused() {
    ObjectNode claims = TestJwts.claims(HASH);
    claims.remove("x-ms-sgx-collateral");
    assertInvalid(rs256(claims), "x-ms-sgx-collateral is missing");
    ObjectNode notHex = TestJwts.claims("zz");
    assertInvalid(rs256(notHex), "quotehash is not hex");
    ObjectNode number = TestJwts.claims(HASH);
    ((ObjectNode) number.get("x-ms-sgx-collateral")).put("quotehash", 5);
    assertInvalid(rs256(number), "quotehash is missing or not a string");
  }

  @Test
  void theDefaultTrustPinsSecretsProofOfCloudKeyOnly() {
    assertRefused(
        () -> AttestationJwt.verify(rs256(TestJwts.claims(HASH)), QUOTE, JwtTrust.defaults()),
        Failure.INVALID_JWT,
        "unknown kid");
    assertRefused(
        () ->
            AttestationJwt.verify(
                TestJwts.eddsa(CLOUD, TestJwts.claims(HASH)), QUOTE, JwtTrust.defaults()),
        Failure.INVALID_JWT,
        "unknown kid");
    assertThatCode(
            () ->
                JwtTrust.defaults()
                    .ed25519Key(java.util.HexFormat.of().parseHex(JwtTrust.PROOF_OF_CLOUD_KEY))
                    .orElseThrow())
        .doesNotThrowAnyException();
  }
}
