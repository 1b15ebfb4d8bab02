package io.arcanum.crypto.bech32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.bech32.InvalidBech32Exception.Reason;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** BIP-173 test vectors (copied from the BIP's appendix) and round-trip properties. */
class Bech32Test {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A12UEL5L",
        "a12uel5l",
        "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
        "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
        "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
        "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
        "?1ezyfcl"
      })
  void decodesTheValidBip173StringsAndReencodesThemInLowerCase(String valid) {
    Bech32Data decoded = Bech32.decode(valid);

    assertThat(decoded.hrp())
        .isEqualTo(valid.substring(0, valid.lastIndexOf('1')).toLowerCase(Locale.ROOT));
    assertThat(Bech32.encode(decoded.hrp(), decoded.data()))
        .isEqualTo(valid.toLowerCase(Locale.ROOT));
  }

  @Test
  void decodesTheBip173DataCharactersInAlphabetOrder() {
    Bech32Data decoded = Bech32.decode("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw");

    byte[] expected = new byte[32];
    for (int i = 0; i < 32; i++) {
      expected[i] = (byte) i;
    }
    assertThat(decoded.hrp()).isEqualTo("abcdef");
    assertThat(decoded.data()).isEqualTo(expected);
  }

  static Stream<Arguments> invalidBip173Strings() {
    return Stream.of(
        Arguments.of("\u0020" + "1nwldj5", Reason.INVALID_HRP_CHARACTER),
        Arguments.of("\u007f" + "1axkwrx", Reason.INVALID_HRP_CHARACTER),
        Arguments.of("\u0080" + "1eym55h", Reason.INVALID_HRP_CHARACTER),
        Arguments.of(
            "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
            Reason.TOO_LONG),
        Arguments.of("pzry9x0s0muk", Reason.MISSING_SEPARATOR),
        Arguments.of("1pzry9x0s0muk", Reason.EMPTY_HRP),
        Arguments.of("x1b4n0q5v", Reason.INVALID_CHARACTER),
        Arguments.of("li1dgmt3", Reason.TOO_SHORT),
        Arguments.of("de1lg7wt" + "\u00ff", Reason.INVALID_CHARACTER),
        Arguments.of("A1G7SGD8", Reason.BAD_CHECKSUM),
        Arguments.of("10a06t8", Reason.EMPTY_HRP),
        Arguments.of("1qzzfhee", Reason.EMPTY_HRP));
  }

  @ParameterizedTest
  @MethodSource("invalidBip173Strings")
  void rejectsTheInvalidBip173StringsForTheDocumentedReason(String invalid, Reason reason) {
    assertThatThrownBy(() -> Bech32.decode(invalid))
        .isInstanceOfSatisfying(
            InvalidBech32Exception.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void errorMessagesNameTheOffendingCharacterAndPosition() {
    assertThatThrownBy(() -> Bech32.decode("x1b4n0q5v"))
        .hasMessageStartingWith("invalid bech32 character 'b' at position 2");
    assertThatThrownBy(() -> Bech32.decode("de1lg7wt\u00ff"))
        .hasMessageStartingWith("invalid bech32 character U+00FF at position 8");
    assertThatThrownBy(() -> Bech32.decode(" 1nwldj5"))
        .hasMessage(
            "bech32 human-readable part has character U+0020 at position 0;"
                + " only ASCII 33..126 is allowed");
    assertThatThrownBy(() -> Bech32.decode("li1dgmt3"))
        .hasMessage("bech32 data part has 5 characters, fewer than the 6-character checksum");
  }

  @Test
  void rejectsMixedCase() {
    assertThatThrownBy(() -> Bech32.decode("A12uEL5L"))
        .isInstanceOfSatisfying(
            InvalidBech32Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.MIXED_CASE))
        .hasMessage("bech32 string mixes upper- and lower-case letters");
  }

  /** BIP-173 segwit addresses: version = first 5-bit value, program = the rest regrouped. */
  @ParameterizedTest
  @MethodSource("validSegwitAddresses")
  void regroupsTheBip173SegwitProgramsIntoTheirScriptPubKeys(String address, String script) {
    Bech32Data decoded = Bech32.decode(address);
    byte[] data = decoded.data();
    int version = data[0];
    byte[] program = Bech32.convertBits(Arrays.copyOfRange(data, 1, data.length), 5, 8, false);

    String expectedOpcode =
        version == 0 ? "00" : HexFormat.of().toHexDigits((byte) (0x50 + version));
    assertThat(
            expectedOpcode
                + HexFormat.of().toHexDigits((byte) program.length)
                + HexFormat.of().formatHex(program))
        .isEqualTo(script);
  }

  static Stream<Arguments> validSegwitAddresses() {
    return Stream.of(
        Arguments.of(
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "0014751e76e8199196d454941c45d1b3a323f1433bd6"),
        Arguments.of(
            "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
            "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262"),
        Arguments.of(
            "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx",
            "5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6"),
        Arguments.of("BC1SW50QA3JX3S", "6002751e"),
        Arguments.of(
            "bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj", "5210751e76e8199196d454941c45d1b3a323"),
        Arguments.of(
            "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
            "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433"));
  }

  /**
   * The BIP-173 invalid segwit addresses whose faults are bech32-level (the others, such as a bad
   * witness version or program length, are segwit rules outside this codec).
   */
  static Stream<Arguments> invalidSegwitAddresses() {
    return Stream.of(
        Arguments.of("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", Reason.BAD_CHECKSUM),
        Arguments.of(
            "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7", Reason.MIXED_CASE),
        Arguments.of("bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du", Reason.BAD_PADDING),
        Arguments.of(
            "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv", Reason.BAD_PADDING));
  }

  @ParameterizedTest
  @MethodSource("invalidSegwitAddresses")
  void rejectsTheBech32FaultsAmongTheInvalidSegwitAddresses(String address, Reason reason) {
    assertThatThrownBy(
            () -> {
              byte[] data = Bech32.decode(address).data();
              Bech32.convertBits(Arrays.copyOfRange(data, 1, data.length), 5, 8, false);
            })
        .isInstanceOfSatisfying(
            InvalidBech32Exception.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  static Stream<Arguments> seeds() {
    return LongStream.range(0, 64).mapToObj(Arguments::of);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void bytesRoundTripThroughEncodeAndDecode(long seed) {
    SplittableRandom random = new SplittableRandom(0xbec4_3200L + seed);
    // Up to 40 bytes keeps the longer prefix within the 90-character limit.
    byte[] payload = new byte[random.nextInt(0, 41)];
    random.nextBytes(payload);
    String hrp = random.nextBoolean() ? "secret" : "secretvaloper";

    String encoded = Bech32.encodeBytes(hrp, payload);
    Bech32Data decoded = Bech32.decode(encoded);

    assertThat(decoded.hrp()).isEqualTo(hrp);
    assertThat(decoded.bytes()).isEqualTo(payload);
    assertThat(Bech32.decode(encoded.toUpperCase(Locale.ROOT)).bytes()).isEqualTo(payload);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anySingleCharacterSubstitutionIsDetected(long seed) {
    SplittableRandom random = new SplittableRandom(0x5b57_0000L + seed);
    byte[] payload = new byte[20];
    random.nextBytes(payload);
    String encoded = Bech32.encodeBytes("secret", payload);
    int position = random.nextInt("secret1".length(), encoded.length());
    char original = encoded.charAt(position);
    String alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    char replacement;
    do {
      replacement = alphabet.charAt(random.nextInt(alphabet.length()));
    } while (replacement == original);

    String typo = encoded.substring(0, position) + replacement + encoded.substring(position + 1);

    assertThatThrownBy(() -> Bech32.decode(typo))
        .isInstanceOfSatisfying(
            InvalidBech32Exception.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CHECKSUM));
  }

  @Test
  void encodeRejectsValuesThatDoNotFitFiveBits() {
    assertThatThrownBy(() -> Bech32.encode("a", new byte[] {0, 32}))
        .isInstanceOfSatisfying(
            InvalidBech32Exception.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.DATA_OUT_OF_RANGE))
        .hasMessage("bech32 data value 32 at index 1 does not fit 5 bits");
  }

  @Test
  void encodeRejectsBadHumanReadableParts() {
    assertThatThrownBy(() -> Bech32.encode("", new byte[0]))
        .isInstanceOfSatisfying(
            InvalidBech32Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY_HRP));
    assertThatThrownBy(() -> Bech32.encode("se cret", new byte[0]))
        .isInstanceOfSatisfying(
            InvalidBech32Exception.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_HRP_CHARACTER));
  }

  @Test
  void encodeRejectsResultsLongerThanNinetyCharacters() {
    assertThat(Bech32.encode("a", new byte[82])).hasSize(90);
    assertThatThrownBy(() -> Bech32.encode("a", new byte[83]))
        .isInstanceOfSatisfying(
            InvalidBech32Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LONG))
        .hasMessage("bech32 string would be 91 characters, more than 90");
  }

  @Test
  void decodeAcceptsALongerLimitWhenAsked() {
    String ninetyCharacters = Bech32.encode("a", new byte[82]);

    assertThat(Bech32.decode(ninetyCharacters, 1023).data()).hasSize(82);
    assertThatThrownBy(() -> Bech32.decode(ninetyCharacters, 89))
        .isInstanceOfSatisfying(
            InvalidBech32Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LONG));
  }

  @Test
  void convertBitsRegroupsAndChecksPadding() {
    assertThat(Bech32.convertBits(new byte[] {(byte) 0xff}, 8, 5, true)).containsExactly(31, 28);
    assertThat(Bech32.convertBits(new byte[] {31, 28}, 5, 8, false)).containsExactly(0xff);
    assertThatThrownBy(() -> Bech32.convertBits(new byte[] {31, 29}, 5, 8, false))
        .isInstanceOfSatisfying(
            InvalidBech32Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_PADDING))
        .hasMessage("padding bits are not zero");
    assertThatThrownBy(() -> Bech32.convertBits(new byte[] {31, 28, 0}, 5, 8, false))
        .isInstanceOfSatisfying(
            InvalidBech32Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_PADDING))
        .hasMessage("7 bits of padding left over; at most 4");
    assertThatThrownBy(() -> Bech32.convertBits(new byte[] {32}, 5, 8, true))
        .isInstanceOfSatisfying(
            InvalidBech32Exception.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.DATA_OUT_OF_RANGE));
  }
}
