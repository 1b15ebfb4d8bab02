package io.arcanum.enclave.attestation;

import static io.arcanum.enclave.attestation.DcapFixtureTest.TIME;
import static io.arcanum.enclave.attestation.DcapFixtureTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.enclave.attestation.AttestationException.Failure;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** TCB info and QE identity of the fixture collateral: signatures, freshness, levels, policy. */
class DcapCollateralTest {
  private static final long IN_TCB_INFO_WINDOW =
      Instant.parse("2021-04-15T00:00:00Z").getEpochSecond();
  private static final long IN_QE_IDENTITY_WINDOW =
      Instant.parse("2021-07-15T00:00:00Z").getEpochSecond();

  private static DcapCollateral collateral() throws Exception {
    return DcapCollateral.parse(fixture("attestation_dcap.collateral"));
  }

  private static PublicKey tcbSigner(DcapCollateral c) throws Exception {
    return PckChain.parseCertificates(c.tcbInfoIssuerChain()).get(0).getPublicKey();
  }

  @Test
  void tcbInfoAndQeIdentitySignaturesVerifyInsideTheirWindows() throws Exception {
    DcapCollateral c = collateral();
    SignedCollateral tcb =
        SignedCollateral.verify(c.tcbInfo(), "tcbInfo", tcbSigner(c), IN_TCB_INFO_WINDOW);
    assertThat(tcb.body().path("fmspc").asText()).isEqualTo("00906ed50000");
    SignedCollateral qe =
        SignedCollateral.verify(
            c.qeIdentity(), "enclaveIdentity", tcbSigner(c), IN_QE_IDENTITY_WINDOW);
    assertThat(qe.body().path("id").asText()).isEqualTo("QE");
  }

  @Test
  void theFixturesPlatformIsSwHardeningNeededAndItsQeUpToDate() throws Exception {
    DcapCollateral c = collateral();
    DcapQuote quote = DcapQuote.parse(fixture("attestation_dcap.quote"));
    var pck = PckChain.parseCertificates(quote.certificationData()).get(0);
    SgxExtension platform = SgxExtension.of(pck);
    assertThat(platform.pceSvn()).isEqualTo(13);
    assertThat(platform.componentSvns()).startsWith(21, 21, 2, 4, 1, 128, 14, 0);
    SignedCollateral tcb =
        SignedCollateral.verify(c.tcbInfo(), "tcbInfo", tcbSigner(c), IN_TCB_INFO_WINDOW);
    assertThat(TcbLevels.platformStatus(tcb.body(), platform)).isEqualTo("SWHardeningNeeded");
    SignedCollateral qe =
        SignedCollateral.verify(
            c.qeIdentity(), "enclaveIdentity", tcbSigner(c), IN_QE_IDENTITY_WINDOW);
    assertThat(TcbLevels.qeStatus(qe.body(), quote.qeReport())).isEqualTo("UpToDate");
  }

  @Test
  void aStrictCheckAtTheQuotesTimeReportsTheCollateralExpired() throws Exception {
    DcapVerifier verifier =
        new DcapVerifier(
            Set.of(PckChain.INTEL_SGX_ROOT_CA_SHA256),
            Set.of("15abbb64470ce2f74791479a8121a08b2fb146b9467a190d3e495925dcdd1cf7"));
    assertThatThrownBy(
            () ->
                verifier.verify(
                    fixture("attestation_dcap.quote"),
                    fixture("attestation_dcap.collateral"),
                    TIME))
        .isInstanceOf(AttestationException.class)
        .satisfies(
            e ->
                assertThat(((AttestationException) e).failure())
                    .isEqualTo(Failure.COLLATERAL_EXPIRED))
        .hasMessageContaining("tcbInfo is valid 2021-03-31T08:46:22Z to 2021-04-30T08:46:22Z");
  }

  @Test
  void theFixturesPlatformFamilyIsPastEndOfLifeWhateverItsCase() throws Exception {
    var pck =
        PckChain.parseCertificates(
                DcapQuote.parse(fixture("attestation_dcap.quote")).certificationData())
            .get(0);
    assertThat(DcapVerifier.isEndOfLife(SgxExtension.of(pck).fmspc())).isTrue();
    assertThat(DcapVerifier.isEndOfLife(java.util.HexFormat.of().parseHex("00906EA20000")))
        .isFalse();
  }

  @Test
  void aTamperedTcbInfoOrForeignSignerIsRefused() throws Exception {
    DcapCollateral c = collateral();
    String tampered = c.tcbInfo().replace("\"SWHardeningNeeded\"", "\"UpToDate\"");
    assertThatThrownBy(
            () -> SignedCollateral.verify(tampered, "tcbInfo", tcbSigner(c), IN_TCB_INFO_WINDOW))
        .hasMessageContaining("BAD_SIGNATURE");
    PublicKey pck =
        PckChain.parseCertificates(
                DcapQuote.parse(fixture("attestation_dcap.quote")).certificationData())
            .get(0)
            .getPublicKey();
    assertThatThrownBy(
            () -> SignedCollateral.verify(c.tcbInfo(), "tcbInfo", pck, IN_TCB_INFO_WINDOW))
        .hasMessageContaining("BAD_SIGNATURE");
    assertThatThrownBy(() -> SignedCollateral.verify("{}", "tcbInfo", pck, IN_TCB_INFO_WINDOW))
        .hasMessageContaining("MALFORMED");
  }
}
