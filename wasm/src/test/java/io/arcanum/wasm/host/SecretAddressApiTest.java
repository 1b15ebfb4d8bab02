package io.arcanum.wasm.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.bech32.Bech32;
import io.arcanum.wasm.host.AddressApi.AddressException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretAddressApiTest {
  private static final String A = "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03";
  private final SecretAddressApi api = new SecretAddressApi();

  @Test
  void canonicalizeAndHumanizeRoundTripLocalSecretAccountA() throws Exception {
    byte[] canonical = api.canonicalize("  " + A + "\n");
    assertThat(canonical).hasSize(20);
    assertThat(api.humanize(canonical)).isEqualTo(A);
    api.validate(A);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|Input is empty",
        "cosmos1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a8xzkk0|Invalid bech32",
        "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s04|Invalid bech32",
        "not an address|Invalid bech32"
      })
  void canonicalizeRefusesWithAMessage(String human, String message) {
    assertThatThrownBy(() -> api.canonicalize(human))
        .isInstanceOf(AddressException.class)
        .hasMessageContaining(message);
  }

  @Test
  void canonicalizeRefusesOtherPrefixes() {
    String cosmos = Bech32.encodeBytes("cosmos", HexFormat.of().parseHex("00".repeat(20)));
    assertThatThrownBy(() -> api.canonicalize(cosmos))
        .isInstanceOf(AddressException.class)
        .hasMessageContaining("Wrong address prefix");
  }

  @Test
  void validateRequiresTheNormalisedSecretForm() {
    assertThatThrownBy(() -> api.validate(A.toUpperCase(java.util.Locale.ROOT)))
        .isInstanceOf(AddressException.class)
        .hasMessageContaining("not normalized");
    String cosmos = Bech32.encodeBytes("cosmos", HexFormat.of().parseHex("11".repeat(20)));
    assertThatThrownBy(() -> api.validate(cosmos))
        .isInstanceOf(AddressException.class)
        .hasMessageContaining("not normalized");
    assertThatThrownBy(() -> api.validate(" " + A)).isInstanceOf(AddressException.class);
  }

  @Test
  void humanizeRefusesEmptyAndOverlongCanonicals() {
    assertThatThrownBy(() -> api.humanize(new byte[0])).isInstanceOf(AddressException.class);
    assertThatThrownBy(() -> api.humanize(new byte[64]))
        .isInstanceOf(AddressException.class)
        .hasMessageContaining("Cannot humanize");
  }
}
