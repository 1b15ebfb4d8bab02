package io.arcanum.enclave.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.SpecFiles;
import io.arcanum.enclave.attestation.AttestationException.Failure;
import java.nio.file.Files;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real DCAP quote and collateral of ../shared/spec/fixtures at time 1709649832. */
class DcapFixtureTest {
  static final long TIME = 1_709_649_832L;

  static byte[] fixture(String name) throws Exception {
    return Files.readAllBytes(SpecFiles.specDir().resolve("fixtures").resolve(name));
  }

  private static DcapQuote quote() throws Exception {
    return DcapQuote.parse(fixture("attestation_dcap.quote"));
  }

  private static DcapCollateral collateral() throws Exception {
    return DcapCollateral.parse(fixture("attestation_dcap.collateral"));
  }

  private static List<X509CRL> crls(DcapCollateral collateral) throws Exception {
    return List.of(
        PckChain.parseCrl(collateral.pckCrl()), PckChain.parseCrl(collateral.rootCaCrl()));
  }

  @Test
  void theQuoteParsesToTheFixturesFields() throws Exception {
    DcapQuote quote = quote();
    assertThat(quote.version()).isEqualTo(3);
    assertThat(HexFormat.of().formatHex(quote.mrEnclave()))
        .isEqualTo("15abbb64470ce2f74791479a8121a08b2fb146b9467a190d3e495925dcdd1cf7");
    assertThat(HexFormat.of().formatHex(quote.mrSigner()))
        .isEqualTo("83d719e77deaca1470f6baf62a4d774303c899db69020f9c70ee1dfc08c7ce9e");
    assertThat(HexFormat.of().formatHex(quote.reportData()))
        .startsWith("1688f8e17f2d27d528c27c621a20061c0ba325e6c6608074a2dffd0450e52147")
        .endsWith("0".repeat(64));
    assertThat(quote.qeAuthData()).hasSize(32);
    assertThat(PckChain.parseCertificates(quote.certificationData())).hasSize(3);
  }

  @Test
  void signaturesBindingAndPckChainVerifyAtTheFixturesTime() throws Exception {
    DcapQuote quote = quote();
    List<X509Certificate> chain = PckChain.parseCertificates(quote.certificationData());
    assertThat(PckChain.fingerprint(chain.get(2))).isEqualTo(PckChain.INTEL_SGX_ROOT_CA_SHA256);
    QuoteSignatures.verify(quote, chain.get(0));
    PckChain.validate(chain, crls(collateral()), Set.of(PckChain.INTEL_SGX_ROOT_CA_SHA256), TIME);
  }

  @Test
  void theCollateralParsesIntoItsSevenParts() throws Exception {
    DcapCollateral collateral = collateral();
    assertThat(collateral.tcbInfo()).startsWith("{\"tcbInfo\"").contains("00906ed50000");
    assertThat(collateral.qeIdentity()).contains("\"id\":\"QE\"");
    assertThat(PckChain.parseCertificates(collateral.tcbInfoIssuerChain())).hasSize(2);
  }

  @Test
  void flippingReportDataByteSixBreaksTheSignatureAsInSecretsTest() throws Exception {
    byte[] bytes = fixture("attestation_dcap.quote");
    bytes[368 + 6] ^= 4;
    DcapQuote tampered = DcapQuote.parse(bytes);
    X509Certificate pck = PckChain.parseCertificates(tampered.certificationData()).get(0);
    assertThatThrownBy(() -> QuoteSignatures.verify(tampered, pck))
        .isInstanceOf(AttestationException.class)
        .satisfies(
            e -> assertThat(((AttestationException) e).failure()).isEqualTo(Failure.BAD_SIGNATURE));
  }

  @Test
  void aTamperedQeReportOrAuthDataIsRefused() throws Exception {
    byte[] bytes = fixture("attestation_dcap.quote");
    bytes[436 + 64 + 64 + 10] ^= 1; // inside the QE report
    DcapQuote qe = DcapQuote.parse(bytes);
    X509Certificate pck = PckChain.parseCertificates(qe.certificationData()).get(0);
    assertThatThrownBy(() -> QuoteSignatures.verify(qe, pck)).hasMessageContaining("QE report");
    byte[] auth = fixture("attestation_dcap.quote");
    auth[436 + 64 + 64 + 384 + 64 + 2] ^= 1; // first QE auth data byte
    DcapQuote binding = DcapQuote.parse(auth);
    assertThatThrownBy(() -> QuoteSignatures.verify(binding, pck))
        .hasMessageContaining("QE_BINDING");
  }

  @Test
  void theChainFailsOutsideItsWindowAndUnderAnotherRoot() throws Exception {
    List<X509Certificate> chain = PckChain.parseCertificates(quote().certificationData());
    List<X509CRL> crls = crls(collateral());
    Set<String> intel = Set.of(PckChain.INTEL_SGX_ROOT_CA_SHA256);
    // After the PCK CRL's nextUpdate (2024-03-23): the revocation data is stale.
    assertThatThrownBy(() -> PckChain.validate(chain, crls, intel, 1_711_300_000L))
        .hasMessageContaining("COLLATERAL_EXPIRED");
    // Before the PCK certificate existed (2024-01-28).
    assertThatThrownBy(() -> PckChain.validate(chain, crls, intel, 1_700_000_000L))
        .hasMessageContaining("UNTRUSTED_CHAIN");
    assertThatThrownBy(() -> PckChain.validate(chain, crls, Set.of("00".repeat(32)), TIME))
        .hasMessageContaining("untrusted root");
    assertThatThrownBy(() -> PckChain.validate(chain, List.of(), intel, TIME))
        .hasMessageContaining("no CRL");
  }

  @Test
  void truncatedOrForeignBytesAreMalformedByName() throws Exception {
    byte[] bytes = fixture("attestation_dcap.quote");
    assertThatThrownBy(() -> DcapQuote.parse(java.util.Arrays.copyOf(bytes, 500)))
        .hasMessageContaining("MALFORMED");
    byte[] v4 = bytes.clone();
    v4[0] = 4;
    assertThatThrownBy(() -> DcapQuote.parse(v4)).hasMessageContaining("version 4");
    assertThatThrownBy(() -> DcapCollateral.parse(new byte[40])).hasMessageContaining("MALFORMED");
  }
}
