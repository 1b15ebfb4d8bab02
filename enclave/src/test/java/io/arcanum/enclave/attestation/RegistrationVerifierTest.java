package io.arcanum.enclave.attestation;

import static io.arcanum.enclave.attestation.DcapFixtureTest.TIME;
import static io.arcanum.enclave.attestation.DcapFixtureTest.fixture;
import static io.arcanum.enclave.attestation.SimEvidence.MACHINE;
import static io.arcanum.enclave.attestation.SimEvidence.MEASUREMENT;
import static io.arcanum.enclave.attestation.SimEvidence.MEASUREMENT_HEX;
import static io.arcanum.enclave.attestation.SimEvidence.NOW;
import static io.arcanum.enclave.attestation.SimEvidence.PLATFORM;
import static io.arcanum.enclave.attestation.SimEvidence.REPORT_DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.enclave.attestation.AttestationException.Failure;
import io.arcanum.enclave.attestation.VerifiedRegistration.Admission;
import io.arcanum.enclave.attestation.sim.SimulatedMachine;
import io.arcanum.enclave.attestation.sim.SimulatedPlatform;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance policy of protocol.md §12.2 and §4.2 enclave steps 2–4, on real and simulated
 * evidence.
 */
class RegistrationVerifierTest {
  private static final KeyPair MAA = TestJwts.rsaKeyPair();

  static void assertRefused(ThrowingCallable call, Failure failure, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((AttestationException) e).failure()).isEqualTo(failure));
  }

  private static RegistrationVerifier allowListed() {
    return new RegistrationVerifier(SimEvidence.developmentPolicy().allowing(MACHINE.machineId()));
  }

  @Test
  void theRealFixtureIsRefusedAsCollateralExpiredUnderTheProductionPolicy() throws Exception {
    RegistrationVerifier production =
        new RegistrationVerifier(
            AttestationPolicy.production(
                Set.of("15abbb64470ce2f74791479a8121a08b2fb146b9467a190d3e495925dcdd1cf7"),
                Set.of("7075df3f95443aaf47ac201ec93d38adff38c929")));
    byte[] blob =
        new RegistrationEvidence(
                fixture("attestation_dcap.quote"), fixture("attestation_dcap.collateral"))
            .encodeDefault();
    assertRefused(
        () -> production.verify(blob, TIME), Failure.COLLATERAL_EXPIRED, "tcbInfo is valid");
  }

  @Test
  void simulatedEvidenceFromAnAllowListedMachineIsAccepted() throws Exception {
    VerifiedRegistration verified = allowListed().verify(SimEvidence.evidence(), NOW);
    assertThat(verified.registrationPublicKey()).isEqualTo(Arrays.copyOf(REPORT_DATA, 32));
    assertThat(verified.ownerKey()).isEqualTo(Arrays.copyOfRange(REPORT_DATA, 32, 64));
    assertThat(verified.machineId()).isEqualTo(MACHINE.machineId());
    assertThat(verified.measurement()).isEqualTo(MEASUREMENT);
    assertThat(verified.platformStatus()).isEqualTo("UpToDate");
    assertThat(verified.admission()).isEqualTo(Admission.ALLOW_LIST);
  }

  @Test
  void bothContainerLayoutsAreAccepted() throws Exception {
    RegistrationEvidence parts = PLATFORM.parts(MEASUREMENT, REPORT_DATA, NOW);
    assertThat(allowListed().verify(parts.encodeTagged(), NOW).admission())
        .isEqualTo(Admission.ALLOW_LIST);
  }

  @Test
  void aMachineNeitherAllowListedNorVouchedForIsNotAdmitted() {
    RegistrationVerifier verifier = new RegistrationVerifier(SimEvidence.developmentPolicy());
    assertRefused(
        () -> verifier.verify(SimEvidence.evidence(), NOW),
        Failure.NOT_ADMITTED,
        MACHINE.machineId().hex() + "] is not on the allow-list and no attestation JWT");
  }

  @Test
  void aValidRs256TokenForThisQuoteAdmitsTheMachine() throws Exception {
    RegistrationEvidence parts = PLATFORM.parts(MEASUREMENT, REPORT_DATA, NOW);
    String token =
        TestJwts.rs256(
            MAA.getPrivate(), TestJwts.RSA_KID, TestJwts.claims(TestJwts.quoteHash(parts.quote())));
    RegistrationVerifier verifier =
        new RegistrationVerifier(
            SimEvidence.developmentPolicy()
                .withJwtTrust(
                    JwtTrust.defaults()
                        .withRsaKey(TestJwts.RSA_KID, (RSAPublicKey) MAA.getPublic())));
    VerifiedRegistration verified = verifier.verify(parts.withJwt(token).encodeTagged(), NOW);
    assertThat(verified.admission()).isEqualTo(Admission.JWT);
    assertThat(verified.machineId()).isEqualTo(MACHINE.machineId());
  }

  @Test
  void aTokenForAnotherQuoteIsRefusedEvenForAnAllowListedMachine() throws Exception {
    byte[] otherQuote = PLATFORM.parts(MEASUREMENT, REPORT_DATA, NOW).quote();
    RegistrationEvidence parts = PLATFORM.parts(MEASUREMENT, REPORT_DATA, NOW);
    String token =
        TestJwts.rs256(
            MAA.getPrivate(), TestJwts.RSA_KID, TestJwts.claims(TestJwts.quoteHash(otherQuote)));
    AttestationPolicy policy =
        SimEvidence.developmentPolicy()
            .allowing(MACHINE.machineId())
            .withJwtTrust(
                new JwtTrust(Map.of(TestJwts.RSA_KID, (RSAPublicKey) MAA.getPublic()), Set.of()));
    // As in Secret: an attached token that fails refuses the evidence outright.
    assertRefused(
        () -> new RegistrationVerifier(policy).verify(parts.withJwt(token).encodeTagged(), NOW),
        Failure.INVALID_JWT,
        "token vouches for quote " + TestJwts.quoteHash(otherQuote));
  }

  @Test
  void evidenceOfAForeignDevelopmentNetworkIsRefused() {
    AttestationPolicy intelOnly =
        AttestationPolicy.production(Set.of(MEASUREMENT_HEX), Set.of(MACHINE.machineId().hex()));
    assertRefused(
        () -> new RegistrationVerifier(intelOnly).verify(SimEvidence.evidence(), NOW),
        Failure.UNTRUSTED_CHAIN,
        "untrusted root");
    AttestationPolicy otherNetwork =
        intelOnly.withDevelopmentRoot(SimEvidence.OTHER_ROOT.fingerprint());
    assertRefused(
        () -> new RegistrationVerifier(otherNetwork).verify(SimEvidence.evidence(), NOW),
        Failure.UNTRUSTED_CHAIN,
        "untrusted root");
  }

  @Test
  void anEnclaveWithAnotherMeasurementIsRefused() throws Exception {
    byte[] other = MEASUREMENT.clone();
    other[31] ^= 1;
    byte[] blob = PLATFORM.evidence(other, REPORT_DATA, NOW);
    assertRefused(
        () -> allowListed().verify(blob, NOW), Failure.MEASUREMENT, "is not allowed by genesis");
  }

  @ParameterizedTest(name = "{0} days after issue")
  @ValueSource(longs = {31, 60, 400})
  void collateralPastItsNextUpdateIsExpired(long days) {
    long later = NOW + Duration.ofDays(days).toSeconds();
    assertRefused(
        () -> allowListed().verify(SimEvidence.evidence(), later),
        Failure.COLLATERAL_EXPIRED,
        "not");
  }

  @Test
  void collateralIssuedAfterTheBlockTimeIsNotYetValid() {
    long earlier = NOW - Duration.ofHours(2).toSeconds();
    assertRefused(
        () -> allowListed().verify(SimEvidence.evidence(), earlier),
        Failure.COLLATERAL_EXPIRED,
        "not current");
  }

  @Test
  void aRevokedPckCertificateIsRefused() throws Exception {
    byte[] blob = PLATFORM.withRevokedPck().evidence(MEASUREMENT, REPORT_DATA, NOW);
    assertRefused(
        () -> allowListed().verify(blob, NOW),
        Failure.REVOKED,
        "CN=Arcanum Simulated PCK Certificate");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"OutOfDate", "ConfigurationNeeded", "Revoked", "OutOfDateConfigurationNeeded"})
  void platformsInOtherTcbStatesAreRefused(String status) throws Exception {
    byte[] blob = PLATFORM.withTcbStatus(status).evidence(MEASUREMENT, REPORT_DATA, NOW);
    assertRefused(
        () -> allowListed().verify(blob, NOW), Failure.TCB_STATUS, "platform TCB status " + status);
  }

  @Test
  void swHardeningNeededIsAcceptedAsInSecret() throws Exception {
    byte[] blob =
        PLATFORM.withTcbStatus("SWHardeningNeeded").evidence(MEASUREMENT, REPORT_DATA, NOW);
    assertThat(allowListed().verify(blob, NOW).platformStatus()).isEqualTo("SWHardeningNeeded");
  }

  @Test
  void aNewMachineOnTheSameNetworkNeedsItsOwnAdmission() throws Exception {
    SimulatedPlatform newcomer =
        new SimulatedPlatform(
            SimEvidence.ROOT,
            SimulatedMachine.create(SimEvidence.ROOT, new SecureRandom()),
            new SecureRandom());
    byte[] blob = newcomer.evidence(MEASUREMENT, REPORT_DATA, NOW);
    assertRefused(() -> allowListed().verify(blob, NOW), Failure.NOT_ADMITTED, "allow-list");
  }

  @Test
  void garbageIsMalformedNotAnUncheckedException() {
    assertRefused(
        () -> allowListed().verify(new byte[] {2, 1, 0, 0, 0, 9}, NOW),
        Failure.MALFORMED,
        "no collateral");
  }
}
