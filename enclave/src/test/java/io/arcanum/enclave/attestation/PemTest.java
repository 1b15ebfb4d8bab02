package io.arcanum.enclave.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict PEM: one spelling per DER, so no byte of a certificate chain is free to change. */
class PemTest {
  private static final byte[] DER = {0x30, 0x03, 0x02, 0x01, 0x05};
  private static final String BLOCK =
      "-----BEGIN CERTIFICATE-----\n"
          + Base64.getEncoder().encodeToString(DER)
          + "\n"
          + "-----END CERTIFICATE-----\n";

  @Test
  void canonicalBlocksDecode() throws Exception {
    assertThat(Pem.decode(BLOCK + BLOCK, "CERTIFICATE", "chain")).hasSize(2);
    assertThat(Pem.decode(BLOCK, "CERTIFICATE", "chain").get(0)).isEqualTo(DER);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        "junk\n" + "BLOCK",
        "BLOCK" + "\n",
        "BLOCK" + "junk",
        "-----BEGIN CERTIFICATE-----\nMAMCAQU=\n-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\r\nMAMCAQU=\r\n-----END CERTIFICATE-----\n",
        "-----BEGIN CERTIFICATE-----\nMAMC\u000bAQU=\n-----END CERTIFICATE-----\n",
        "-----BEGIN CERTIFICATE-----\nMAMCAQU=\n\n-----END CERTIFICATE-----\n",
        "-----BEGIN CERTIFICATE-----\nMAMCAQV=\n-----END CERTIFICATE-----\n",
        "-----BEGIN CERTIFICATE-----\nMAMCAQU\n-----END CERTIFICATE-----\n",
        "-----BEGIN X509 CRL-----\nMAMCAQU=\n-----END X509 CRL-----\n",
      })
  void anythingElseIsMalformed(String text) {
    String pem = text.replace("BLOCK", BLOCK);
    assertThatThrownBy(() -> Pem.decode(pem, "CERTIFICATE", "chain"))
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining("MALFORMED: chain");
  }
}
