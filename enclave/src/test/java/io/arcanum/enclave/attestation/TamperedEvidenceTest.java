package io.arcanum.enclave.attestation;

import static io.arcanum.enclave.attestation.SimEvidence.MACHINE;
import static io.arcanum.enclave.attestation.SimEvidence.MEASUREMENT;
import static io.arcanum.enclave.attestation.SimEvidence.NOW;
import static io.arcanum.enclave.attestation.SimEvidence.PLATFORM;
import static io.arcanum.enclave.attestation.SimEvidence.REPORT_DATA;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bit of simulated evidence is covered by a signature or a strict syntax check: flipping bits
 * anywhere in the quote or the collateral is refused, always as an {@link AttestationException}
 * (never an unchecked exception that would abort a block).
 */
class TamperedEvidenceTest {
  private static RegistrationEvidence evidence;
  private static RegistrationVerifier verifier;
  private static DcapVerifier dcap;

  @BeforeAll
  static void makeEvidence() throws Exception {
    evidence = PLATFORM.parts(MEASUREMENT, REPORT_DATA, NOW);
    AttestationPolicy policy = SimEvidence.developmentPolicy().allowing(MACHINE.machineId());
    verifier = new RegistrationVerifier(policy);
    dcap = new DcapVerifier(policy.trustedRootFingerprints(), policy.allowedMeasurements());
    verifier.verify(evidence.encodeDefault(), NOW); // the untampered evidence passes
  }

  private static byte[] flip(byte[] bytes, RandomGenerator random) {
    byte[] out = bytes.clone();
    int flips = random.nextInt(1, 4);
    for (int i = 0; i < flips; i++) {
      out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return out;
  }

  private static void assertRefused(byte[] quote, byte[] collateral, String what) {
    assertThatThrownBy(() -> dcap.verify(quote, collateral, NOW))
        .as(what)
        .isInstanceOf(AttestationException.class);
    assertThatThrownBy(
            () -> verifier.verify(new RegistrationEvidence(quote, collateral).encodeDefault(), NOW))
        .as(what)
        .isInstanceOf(AttestationException.class);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
  void flippedBitsInTheQuoteAreRefused(long seed) {
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    for (int i = 0; i < 60; i++) {
      byte[] quote = flip(evidence.quote(), random);
      assertRefused(quote, evidence.collateral(), "seed " + seed + ", attempt " + i);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28})
  void flippedBitsInTheCollateralAreRefused(long seed) {
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    for (int i = 0; i < 60; i++) {
      byte[] collateral = flip(evidence.collateral(), random);
      assertRefused(evidence.quote(), collateral, "seed " + seed + ", attempt " + i);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {31, 32, 33, 34})
  void flippedBitsInTheRealFixtureNeverEscapeAsUncheckedExceptions(long seed) throws Exception {
    byte[] quote = DcapFixtureTest.fixture("attestation_dcap.quote");
    byte[] collateral = DcapFixtureTest.fixture("attestation_dcap.collateral");
    DcapVerifier intel =
        new DcapVerifier(
            java.util.Set.of(PckChain.INTEL_SGX_ROOT_CA_SHA256),
            java.util.Set.of("15abbb64470ce2f74791479a8121a08b2fb146b9467a190d3e495925dcdd1cf7"));
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    for (int i = 0; i < 60; i++) {
      boolean inQuote = random.nextBoolean();
      byte[] q = inQuote ? flip(quote, random) : quote;
      byte[] c = inQuote ? collateral : flip(collateral, random);
      assertThatThrownBy(() -> intel.verify(q, c, DcapFixtureTest.TIME))
          .as("seed %d, attempt %d", seed, i)
          .isInstanceOf(AttestationException.class);
    }
  }
}
