package io.arcanum.chain.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.chain.errors.ChainException;
import io.arcanum.crypto.address.CosmosAddress;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressesTest {

  @Test
  void theFirstContractOfLocalSecretsAccountAHasTheAddressSecretjsDocuments() {
    byte[] creator =
        CosmosAddress.parseSecret("secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03").bytes();
    byte[] address = Addresses.contract(1, 1, creator);
    assertThat(HexFormat.of().formatHex(address))
        .isEqualTo("da6de9eb785611af8a7c96f38b36f533fb4c893a");
    assertThat(Addresses.bech32(address))
        .isEqualTo("secret1mfk7n6mc2cg6lznujmeckdh4x0a5ezf6hx6y8q");
  }

  @Test
  void codeIdInstanceIdAndCreatorEachChangeTheAddress() {
    Random random = new Random(5);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      byte[] creator = new byte[20];
      random.nextBytes(creator);
      long code = 1 + random.nextInt(1000);
      long instance = 1 + random.nextInt(1000);
      String a = HexFormat.of().formatHex(Addresses.contract(code, instance, creator));
      assertThat(seen.add(a)).isTrue();
      assertThat(Addresses.contract(code + 1, instance, creator))
          .isNotEqualTo(Addresses.contract(code, instance, creator));
      assertThat(Addresses.contract(code, instance + 1, creator))
          .isNotEqualTo(Addresses.contract(code, instance, creator));
    }
  }

  @Test
  void malformedAddressesAreInvalidAddressErrorsNamingTheField() {
    assertThatThrownBy(
            () -> Addresses.parse("cosmos1mfk7n6mc2cg6lznujmeckdh4x0a5ezf6hx6y8q", "contract"))
        .isInstanceOfSatisfying(ChainException.class, e -> assertThat(e.code()).isEqualTo(7))
        .hasMessageStartingWith("contract \"cosmos1");
    assertThatThrownBy(() -> Addresses.parse("", "sender"))
        .hasMessage("sender address is empty: invalid address");
    assertThatThrownBy(() -> Addresses.requireRaw(new byte[19], "sender"))
        .hasMessage("sender must be 20 bytes, got 19: invalid address");
  }
}
