package io.arcanum.enclave.attestation;

import static io.arcanum.enclave.attestation.DcapFixtureTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.enclave.attestation.AttestationException.Failure;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The combined evidence container of protocol.md §4.1, built from the real DCAP fixture. */
class RegistrationEvidenceTest {
  private static RegistrationEvidence fixtureEvidence() throws Exception {
    return new RegistrationEvidence(
        fixture("attestation_dcap.quote"), fixture("attestation_dcap.collateral"));
  }

  private static void assertMalformed(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining(message)
        .satisfies(
            e -> assertThat(((AttestationException) e).failure()).isEqualTo(Failure.MALFORMED));
  }

  private static byte[] entry(int tag, byte[] value) {
    return ByteBuffer.allocate(5 + value.length)
        .order(ByteOrder.LITTLE_ENDIAN)
        .put((byte) tag)
        .putInt(value.length)
        .put(value)
        .array();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void theDefaultLayoutIsThreeLengthsThenQuoteThenCollateral() throws Exception {
    byte[] quote = fixture("attestation_dcap.quote");
    byte[] collateral = fixture("attestation_dcap.collateral");
    byte[] blob = fixtureEvidence().encodeDefault();
    ByteBuffer header = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(header.getInt()).isZero();
    assertThat(header.getInt()).isEqualTo(4604);
    assertThat(header.getInt()).isEqualTo(12335);
    assertThat(Arrays.copyOfRange(blob, 12, 12 + 4604)).isEqualTo(quote);
    assertThat(Arrays.copyOfRange(blob, 12 + 4604, blob.length)).isEqualTo(collateral);
    // The Go keeper reads the registration key at quote offset 368 (§4.2 step 1).
    assertThat(Arrays.copyOfRange(blob, 12 + 368, 12 + 372))
        .isEqualTo(new byte[] {0x16, (byte) 0x88, (byte) 0xf8, (byte) 0xe1});
  }

  @Test
  void bothLayoutsRoundTripTheFixture() throws Exception {
    RegistrationEvidence evidence = fixtureEvidence();
    assertThat(RegistrationEvidence.parse(evidence.encodeDefault())).isEqualTo(evidence);
    assertThat(RegistrationEvidence.parse(evidence.encodeTagged())).isEqualTo(evidence);
    RegistrationEvidence withJwt = evidence.withJwt("aGVhZGVy.cGF5bG9hZA.c2ln");
    byte[] tagged = withJwt.encodeTagged();
    assertThat(tagged[0]).isEqualTo((byte) 2);
    RegistrationEvidence parsed = RegistrationEvidence.parse(tagged);
    assertThat(parsed).isEqualTo(withJwt);
    assertThat(parsed.jwt()).contains("aGVhZGVy.cGF5bG9hZA.c2ln");
  }

  @Test
  void taggedEntriesMayComeInAnyOrder() throws Exception {
    RegistrationEvidence evidence = fixtureEvidence();
    byte[] blob =
        concat(
            entry(4, "a.b.c".getBytes()),
            entry(3, evidence.collateral()),
            entry(2, evidence.quote()));
    assertThat(RegistrationEvidence.parse(blob)).isEqualTo(evidence.withJwt("a.b.c"));
  }

  @Test
  void anEmptyJwtEntryMeansNoJwtAsInSecret() throws Exception {
    RegistrationEvidence evidence = fixtureEvidence();
    byte[] blob =
        concat(entry(2, evidence.quote()), entry(3, evidence.collateral()), entry(4, new byte[0]));
    assertThat(RegistrationEvidence.parse(blob).jwt()).isEqualTo(Optional.empty());
  }

  @Test
  void theDefaultLayoutCannotCarryAJwt() throws Exception {
    RegistrationEvidence withJwt = fixtureEvidence().withJwt("a.b.c");
    assertThatThrownBy(withJwt::encodeDefault).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void secretsSoftwareModeContainerIsRefused() throws Exception {
    // epid_len = 407 puts 0x97 first, which reads as the tagged layout's (unknown) tag 151.
    assertMalformed(
        () -> RegistrationEvidence.parse(fixture("attestation_cert_sw.combined")),
        "unknown tag 151");
  }

  @Test
  void aDefaultLayoutWithEpidBytesIsRefused() throws Exception {
    byte[] quote = fixture("attestation_dcap.quote");
    byte[] blob =
        ByteBuffer.allocate(12 + 256 + quote.length)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putInt(256)
            .putInt(quote.length)
            .putInt(0)
            .put(new byte[256])
            .put(quote)
            .array();
    assertMalformed(() -> RegistrationEvidence.parse(blob), "256 bytes of EPID");
  }

  @Test
  void missingPartsAreRefusedByName() throws Exception {
    RegistrationEvidence evidence = fixtureEvidence();
    assertMalformed(() -> RegistrationEvidence.parse(new byte[0]), "empty");
    assertMalformed(() -> RegistrationEvidence.parse(new byte[12]), "no DCAP quote");
    assertMalformed(() -> RegistrationEvidence.parse(entry(2, evidence.quote())), "no collateral");
    assertMalformed(
        () -> RegistrationEvidence.parse(entry(3, evidence.collateral())), "no DCAP quote");
    assertMalformed(() -> RegistrationEvidence.parse(new byte[7]), "12-byte header");
  }

  @Test
  void duplicateUnknownAndStrayTaggedBytesAreRefused() throws Exception {
    RegistrationEvidence evidence = fixtureEvidence();
    byte[] quote = entry(2, evidence.quote());
    byte[] collateral = entry(3, evidence.collateral());
    assertMalformed(
        () -> RegistrationEvidence.parse(concat(quote, collateral, quote)), "DCAP quote twice");
    assertMalformed(
        () ->
            RegistrationEvidence.parse(
                concat(quote, collateral, entry(4, "a".getBytes()), entry(4, "b".getBytes()))),
        "JWT twice");
    assertMalformed(
        () -> RegistrationEvidence.parse(concat(quote, collateral, entry(1, new byte[3]))),
        "unknown tag 1");
    assertMalformed(
        () -> RegistrationEvidence.parse(concat(quote, collateral, new byte[] {4, 0})),
        "2 stray bytes");
    assertMalformed(
        () -> RegistrationEvidence.parse(concat(quote, collateral, entry(4, new byte[] {'a', 0}))),
        "printable ASCII");
  }

  @ParameterizedTest(name = "layout {0}")
  @ValueSource(strings = {"default", "tagged"})
  void everyTruncationAndEveryExtensionIsRefused(String layout) throws Exception {
    RegistrationEvidence evidence = fixtureEvidence().withJwt("a.b.c");
    byte[] blob =
        layout.equals("default") ? fixtureEvidence().encodeDefault() : evidence.encodeTagged();
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(41L);
    for (int i = 0; i < 300; i++) {
      int length = i < 40 ? i : random.nextInt(1, blob.length);
      byte[] truncated = Arrays.copyOf(blob, length);
      assertThatThrownBy(() -> RegistrationEvidence.parse(truncated))
          .as("truncated to %d bytes", length)
          .isInstanceOf(AttestationException.class);
    }
    for (int extra = 1; extra <= 8; extra++) {
      byte[] longer = Arrays.copyOf(blob, blob.length + extra);
      assertThatThrownBy(() -> RegistrationEvidence.parse(longer))
          .as("%d trailing bytes", extra)
          .isInstanceOf(AttestationException.class);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void corruptedHeadersAreRefusedOrReadConsistently(long seed) throws Exception {
    byte[] blob = fixtureEvidence().withJwt("a.b.c").encodeTagged();
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    for (int i = 0; i < 200; i++) {
      byte[] mutated = blob.clone();
      // Mostly the framing: the first entry header and the bytes around the later ones.
      int position = random.nextBoolean() ? random.nextInt(5) : random.nextInt(mutated.length);
      mutated[position] ^= (byte) (1 << random.nextInt(8));
      try {
        RegistrationEvidence parsed = RegistrationEvidence.parse(mutated);
        // Accepted only if the change fell inside a value; the re-encoding shows where.
        assertThat(parsed.encodeTagged()).as("seed %d, byte %d", seed, position).isEqualTo(mutated);
      } catch (AttestationException e) {
        assertThat(e.failure()).isEqualTo(Failure.MALFORMED);
      }
    }
  }
}
