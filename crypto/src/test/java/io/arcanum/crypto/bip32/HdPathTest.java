package io.arcanum.crypto.bip32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HdPathTest {

  @Test
  void secretPathIsBip44WithCoinType529() {
    HdPath path = HdPath.secret(3);

    assertThat(path.toString()).isEqualTo("m/44'/529'/0'/0/3");
    assertThat(path).isEqualTo(HdPath.parse("m/44'/529'/0'/0/3"));
    assertThat(HdPath.bip44(HdPath.COSMOS_COIN_TYPE, 0, 0, 0).toString())
        .isEqualTo("m/44'/118'/0'/0/0");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "m                      | m",
        "m/0                    | m/0",
        "m/44'/529'/0'/0/0      | m/44'/529'/0'/0/0",
        "m/44h/529H/0'/0/0      | m/44'/529'/0'/0/0",
        "m/2147483647'/007      | m/2147483647'/7"
      })
  void parsesAndPrintsCanonically(String text, String canonical) {
    assertThat(HdPath.parse(text).toString()).isEqualTo(canonical);
  }

  @Test
  void hardenedMarkerSetsTheTopBit() {
    List<ChildNumber> steps = HdPath.parse("m/0'/1/2147483647h").components();

    assertThat(steps)
        .containsExactly(
            ChildNumber.hardened(0),
            ChildNumber.normal(1),
            ChildNumber.hardened(Integer.MAX_VALUE));
    assertThat(steps.get(0).raw()).isEqualTo(0x8000_0000);
    assertThat(steps.get(2).raw()).isEqualTo(0xffff_ffff);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                  | BIP32 path must start with 'm' (the master key), got ''",
        "44'/529'            | BIP32 path must start with 'm' (the master key), got '44'/529''",
        "M/0                 | BIP32 path must start with 'm' (the master key), got 'M/0'",
        "m/                  | BIP32 path component 1 is empty (doubled or trailing '/')",
        "m//0                | BIP32 path component 1 is empty (doubled or trailing '/')",
        "m/44'/529'/         | BIP32 path component 3 is empty (doubled or trailing '/')",
        "m/x                 | BIP32 path component 1 ('x') is not a decimal index optionally followed by ' h or H",
        "m/-1                | BIP32 path component 1 ('-1') is not a decimal index optionally followed by ' h or H",
        "m/+1                | BIP32 path component 1 ('+1') is not a decimal index optionally followed by ' h or H",
        "m/1''               | BIP32 path component 1 ('1''') is not a decimal index optionally followed by ' h or H",
        "m/'                 | BIP32 path component 1 (''') is not a decimal index optionally followed by ' h or H",
        "m/ 1                | BIP32 path component 1 (' 1') is not a decimal index optionally followed by ' h or H",
        "m/0/2147483648      | BIP32 path component 2 ('2147483648') is out of range: indices are 0 .. 2147483647 (mark hardened with ')",
        "m/99999999999999999999' | BIP32 path component 1 ('99999999999999999999'') is out of range: indices are 0 .. 2147483647 (mark hardened with ')"
      })
  void rejectsMalformedPathsNamingTheBadComponent(String text, String message) {
    assertThatThrownBy(() -> HdPath.parse(text))
        .isExactlyInstanceOf(InvalidHdPathException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsPathsDeeperThan255() {
    String deep = "m" + "/0".repeat(256);

    assertThatThrownBy(() -> HdPath.parse(deep))
        .isExactlyInstanceOf(InvalidHdPathException.class)
        .hasMessage("BIP32 path has 256 steps; the maximum depth is 255");
    assertThat(HdPath.parse("m" + "/0".repeat(255)).depth()).isEqualTo(255);
    assertThatThrownBy(() -> new HdPath(Collections.nCopies(256, ChildNumber.normal(0))))
        .isExactlyInstanceOf(InvalidHdPathException.class);
  }

  @Test
  void childIndexMustFitIn31Bits() {
    assertThatThrownBy(() -> ChildNumber.normal(-1))
        .isExactlyInstanceOf(InvalidHdPathException.class)
        .hasMessage("BIP32 child index must be 0 .. 2147483647, got 4294967295");
    assertThatThrownBy(() -> HdPath.secret(-5)).isExactlyInstanceOf(InvalidHdPathException.class);
  }
}
