package io.arcanum.enclave.attestation;

import static io.arcanum.enclave.attestation.DcapFixtureTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The machine id of protocol.md §4.4, against the value fixtures/README.md gives. */
class MachineIdTest {
  @Test
  void theFixturesMachineIdHashesTheWholeSgxExtensionValue() throws Exception {
    var pck =
        PckChain.parseCertificates(
                DcapQuote.parse(fixture("attestation_dcap.quote")).certificationData())
            .get(0);
    assertThat(MachineId.of(pck).hex()).isEqualTo("7075df3f95443aaf47ac201ec93d38adff38c929");
  }

  @Test
  void hexRoundTripsInEitherCaseAndOnlyTwentyBytesAreAMachineId() {
    MachineId id = MachineId.fromHex("7075DF3F95443AAF47AC201EC93D38ADFF38C929");
    assertThat(id.hex()).isEqualTo("7075df3f95443aaf47ac201ec93d38adff38c929");
    assertThat(id).isEqualTo(MachineId.fromHex(id.hex()));
    assertThatThrownBy(() -> MachineId.fromHex("7075df3f"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCertificateWithoutTheExtensionHasNoMachineId() throws Exception {
    var root =
        PckChain.parseCertificates(
                DcapQuote.parse(fixture("attestation_dcap.quote")).certificationData())
            .get(2);
    assertThatThrownBy(() -> MachineId.of(root)).hasMessageContaining("no SGX extension");
  }
}
