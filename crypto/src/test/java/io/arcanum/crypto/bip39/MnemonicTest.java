package io.arcanum.crypto.bip39;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcanum.crypto.bip39.InvalidMnemonicException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.MnemonicUtils;

class MnemonicTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String ABANDON_ABOUT =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

  record Vector(String entropy, String mnemonic, String passphrase, String seed) {
    @Override
    public String toString() {
      return entropy.length() * 4 + " bits " + entropy.substring(0, 8) + "…";
    }
  }

  /**
   * Vectors from {@code bip39-vectors.json}: the official English "TREZOR" set (entropies, words
   * and seeds equal trezor/python-mnemonic vectors.json) plus 15/21-word phrases, produced by
   * src/test/node/generate-vectors.js with the independent npm bip39 package.
   */
  static List<Vector> vectors(String section) {
    try (InputStream in = MnemonicTest.class.getResourceAsStream("bip39-vectors.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      return StreamSupport.stream(root.get(section).spliterator(), false)
          .map(
              v ->
                  new Vector(
                      v.get("entropy").asText(),
                      v.get("mnemonic").asText(),
                      v.get("passphrase").asText(),
                      v.get("seed").asText()))
          .toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static Stream<Vector> trezorVectors() {
    return Stream.concat(vectors("trezor").stream(), vectors("extraLengths").stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trezorVectors")
  void entropyEncodesToTheVectorPhraseAndSeed(Vector vector) {
    Mnemonic mnemonic = Mnemonic.fromEntropy(HEX.parseHex(vector.entropy()));

    assertThat(mnemonic.phrase()).isEqualTo(vector.mnemonic());
    assertThat(HEX.formatHex(mnemonic.toSeed(vector.passphrase()).exportSecret()))
        .isEqualTo(vector.seed());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trezorVectors")
  void vectorPhraseParsesBackToItsEntropy(Vector vector) {
    Mnemonic mnemonic = Mnemonic.parse(vector.mnemonic());

    assertThat(HEX.formatHex(mnemonic.exportSecret())).isEqualTo(vector.entropy());
    assertThat(mnemonic.wordCount()).isEqualTo(vector.mnemonic().split(" ").length);
    assertThat(Mnemonic.isValid(vector.mnemonic())).isTrue();
  }

  @Test
  void firstOfficialVectorAsPrintedInTheBip39TestSet() {
    Mnemonic mnemonic = Mnemonic.fromEntropy(new byte[16]);

    assertThat(mnemonic.phrase()).isEqualTo(ABANDON_ABOUT);
    assertThat(HEX.formatHex(mnemonic.toSeed("TREZOR").exportSecret()))
        .isEqualTo(
            "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f"
                + "09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04");
  }

  @Test
  void passphraseIsNfkdNormalisedWhateverFormItArrivesIn() {
    Vector vector = vectors("unicodePassphrase").get(0);
    Mnemonic mnemonic = Mnemonic.parse(vector.mnemonic());

    for (Normalizer.Form form : Normalizer.Form.values()) {
      String passphrase = Normalizer.normalize(vector.passphrase(), form);
      assertThat(HEX.formatHex(mnemonic.toSeed(passphrase).exportSecret()))
          .as(form.name())
          .isEqualTo(vector.seed());
    }
  }

  static Stream<Arguments> seeds() {
    return LongStream.range(0, 25).mapToObj(Arguments::of);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void web3jAgreesOnRandomEntropyAndPassphrases(long seed) {
    SplittableRandom random = new SplittableRandom(0xb1b3_9000L + seed);
    byte[] entropy = new byte[16 + 4 * random.nextInt(5)];
    random.nextBytes(entropy);
    String passphrase = random.nextBoolean() ? "" : "pass " + random.nextInt(1000);

    Mnemonic mnemonic = Mnemonic.fromEntropy(entropy);
    String web3jPhrase = MnemonicUtils.generateMnemonic(entropy);

    assertThat(mnemonic.phrase()).isEqualTo(web3jPhrase);
    assertThat(mnemonic.toSeed(passphrase).exportSecret())
        .isEqualTo(MnemonicUtils.generateSeed(web3jPhrase, passphrase));
    assertThat(MnemonicUtils.validateMnemonic(mnemonic.phrase())).isTrue();
  }

  @ParameterizedTest(name = "{0} words")
  @ValueSource(ints = {12, 15, 18, 21, 24})
  void generatedMnemonicsHaveTheRequestedLengthAndParseBack(int words) {
    Mnemonic mnemonic = Mnemonic.generate(new SecureRandom(), words);

    assertThat(mnemonic.wordCount()).isEqualTo(words);
    assertThat(mnemonic.phrase().split(" ")).hasSize(words);
    assertThat(Mnemonic.parse(mnemonic.phrase()).sameSecretAs(mnemonic)).isTrue();
    assertThat(Mnemonic.generate(new SecureRandom(), words).sameSecretAs(mnemonic)).isFalse();
  }

  @ParameterizedTest(name = "{0} words")
  @ValueSource(ints = {0, 1, 3, 11, 13, 23, 25, 48})
  void rejectsWordCountsBip39DoesNotDefine(int words) {
    String phrase = String.join(" ", Collections.nCopies(words, "abandon"));

    assertThatThrownBy(() -> Mnemonic.parse(phrase))
        .isInstanceOfSatisfying(
            InvalidMnemonicException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_WORD_COUNT))
        .hasMessage("mnemonic must have 12, 15, 18, 21 or 24 words, got " + words);
    assertThatThrownBy(() -> Mnemonic.generate(new SecureRandom(), words))
        .isInstanceOfSatisfying(
            InvalidMnemonicException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_WORD_COUNT));
    assertThat(Mnemonic.isValid(phrase)).isFalse();
  }

  @Test
  void unknownWordIsReportedByPositionWithoutQuotingIt() {
    String phrase =
        ABANDON_ABOUT.replaceFirst(
            "abandon abandon abandon abandon abandon", "abandon abandon abandon abandon bitcoin");

    assertThatThrownBy(() -> Mnemonic.parse(phrase))
        .isInstanceOfSatisfying(
            InvalidMnemonicException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_WORD);
              assertThat(e.position()).hasValue(5);
            })
        .hasMessage(
            "word 5 of the mnemonic is not in the BIP39 English word list"
                + " (lower-case English words only)")
        .message()
        .doesNotContain("bitcoin")
        .doesNotContain("abandon");
  }

  @Test
  void wordsAreCaseSensitive() {
    assertThatThrownBy(() -> Mnemonic.parse(ABANDON_ABOUT.replace("about", "About")))
        .isInstanceOfSatisfying(
            InvalidMnemonicException.class, e -> assertThat(e.position()).hasValue(12));
  }

  @Test
  void rejectsAWrongChecksumWord() {
    assertThatThrownBy(() -> Mnemonic.parse(ABANDON_ABOUT.replace("about", "abandon")))
        .isInstanceOfSatisfying(
            InvalidMnemonicException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.BAD_CHECKSUM);
              assertThat(e.position()).isEmpty();
            })
        .hasMessage(
            "mnemonic checksum does not match: a word is wrong or the words are out of order");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void changingOnlyChecksumBitsIsAlwaysDetected(long seed) {
    SplittableRandom random = new SplittableRandom(0xc4ec_0000L + seed);
    byte[] entropy = new byte[16 + 4 * random.nextInt(5)];
    random.nextBytes(entropy);
    List<String> words =
        new ArrayList<>(List.of(Mnemonic.fromEntropy(entropy).phrase().split(" ")));
    // The last word's lowest bit is always a checksum bit (4..8 of them per phrase).
    int last = words.size() - 1;
    words.set(last, WordList.word(WordList.indexOf(words.get(last)) ^ 1));

    String tampered = String.join(" ", words);

    assertThatThrownBy(() -> Mnemonic.parse(tampered))
        .isInstanceOfSatisfying(
            InvalidMnemonicException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CHECKSUM));
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 4, 12, 15, 17, 30, 36, 64})
  void rejectsEntropyLengthsBip39DoesNotDefine(int length) {
    assertThatThrownBy(() -> Mnemonic.fromEntropy(new byte[length]))
        .isInstanceOfSatisfying(
            InvalidMnemonicException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ENTROPY_LENGTH))
        .hasMessage("BIP39 entropy must be 16, 20, 24, 28 or 32 bytes, got " + length);
  }

  @Test
  void anyWhitespaceSeparatesWordsAndTheSeedUsesSingleSpaces() {
    String messy = "  " + ABANDON_ABOUT.replace(" ", " \t\n").replaceFirst(" \t\n", "\u3000") + " ";

    Mnemonic mnemonic = Mnemonic.parse(messy);

    assertThat(mnemonic.phrase()).isEqualTo(ABANDON_ABOUT);
    assertThat(mnemonic.toSeed().exportSecret())
        .isEqualTo(Mnemonic.parse(ABANDON_ABOUT).toSeed("").exportSecret());
  }

  @Test
  void neitherMnemonicNorSeedShowsSecretsInToString() {
    Mnemonic mnemonic = Mnemonic.parse(ABANDON_ABOUT);
    Bip39Seed seed = mnemonic.toSeed();

    assertThat(mnemonic.toString()).isEqualTo("Mnemonic[16 bytes, redacted]");
    assertThat(seed.toString()).isEqualTo("Bip39Seed[64 bytes, redacted]");
  }

  @Test
  void destroyedMnemonicCannotBeUsed() {
    Mnemonic mnemonic = Mnemonic.parse(ABANDON_ABOUT);

    mnemonic.destroy();

    assertThatThrownBy(mnemonic::phrase).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(mnemonic::toSeed).isInstanceOf(IllegalStateException.class);
  }
}
