package io.arcanum.crypto.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.AuthenticationFailedException;
import io.arcanum.crypto.InvalidLengthException;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.crypto.x25519.X25519PublicKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TxEnvelopeTest {
  private static final String CODE_HASH =
      "5b2750306cfbe4e172f87f32ca4be1363785f0462442c134e835dd71cfffc53c";

  static Stream<Integer> seeds() {
    return IntStream.range(0, 40).boxed();
  }

  private static X25519PrivateKey ioKey(SplittableRandom random) {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    return X25519PrivateKey.of(raw);
  }

  private static TxEncryptor client(SplittableRandom random, X25519PrivateKey io) {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    return TxEncryptor.fromSeed(seed, io.publicKey());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void whatAClientEncryptsTheEnclaveOpensAndAnswersUnderTheSameKey(int seed) {
    SplittableRandom random = new SplittableRandom(0xE17L + seed);
    X25519PrivateKey io = ioKey(random);
    TxEncryptor client = client(random, io);
    String json = "{\"transfer\":{\"amount\":\"" + random.nextLong() + "\"}}";

    byte[] wire = client.encrypt(CODE_HASH.toUpperCase(), json);
    DecryptedTxInput input =
        TxEnvelope.parse(wire).open(io).requireCodeHash(CodeHash.parse(CODE_HASH));
    byte[] nonce = Arrays.copyOf(wire, 32);

    assertThat(input.messageText()).isEqualTo(json);
    byte[] data = new byte[random.nextInt(200)];
    random.nextBytes(data);
    byte[] encryptedData = input.txEncryptionKey().encryptData(data);
    assertThat(client.txEncryptionKey(nonce).decryptData(encryptedData)).isEqualTo(data);
    assertThat(client.decrypt(input.txEncryptionKey().seal(new byte[] {1, 2}), nonce))
        .containsExactly(1, 2);
  }

  @Test
  void eachMessageGetsAFreshNonceAndSoAFreshKey() {
    SplittableRandom random = new SplittableRandom(7);
    X25519PrivateKey io = ioKey(random);
    TxEncryptor client = client(random, io);

    byte[] a = client.encrypt(CODE_HASH, "{}");
    byte[] b = client.encrypt(CODE_HASH, "{}");
    assertThat(Arrays.copyOf(a, 32)).isNotEqualTo(Arrays.copyOf(b, 32));
    assertThat(a).isNotEqualTo(b);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 64, 80, 81})
  void envelopesShorterThan82BytesAreRejected(int length) {
    assertThatThrownBy(() -> TxEnvelope.parse(new byte[length]))
        .isInstanceOf(MalformedEnvelopeException.class)
        .hasMessageContaining("at least 82 bytes")
        .hasMessageContaining("got " + length);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anyFlippedBitInNonceKeyOrCiphertextIsRejected(int seed) {
    SplittableRandom random = new SplittableRandom(0xB17L + seed);
    X25519PrivateKey io = ioKey(random);
    byte[] wire = client(random, io).encrypt(CODE_HASH, "{\"a\":1}");
    int bit = random.nextInt(wire.length * 8);
    wire[bit / 8] ^= (byte) (1 << (bit % 8));

    assertThatThrownBy(() -> TxEnvelope.parse(wire).open(io))
        .isInstanceOf(AuthenticationFailedException.class);
  }

  @Test
  void truncatedCiphertextsAreRejected() {
    SplittableRandom random = new SplittableRandom(3);
    X25519PrivateKey io = ioKey(random);
    byte[] wire = client(random, io).encrypt(CODE_HASH, "{\"increment\":{}}");

    for (int cut = 1; wire.length - cut >= TxEnvelope.MIN_LENGTH; cut++) {
      byte[] truncated = Arrays.copyOf(wire, wire.length - cut);
      assertThatThrownBy(() -> TxEnvelope.parse(truncated).open(io))
          .isInstanceOf(AuthenticationFailedException.class);
    }
  }

  @Test
  void aMessageForAnotherNetworkKeyIsRejected() {
    SplittableRandom random = new SplittableRandom(4);
    X25519PrivateKey io = ioKey(random);
    byte[] wire = client(random, io).encrypt(CODE_HASH, "{}");

    assertThatThrownBy(() -> TxEnvelope.parse(wire).open(ioKey(random)))
        .isInstanceOf(AuthenticationFailedException.class);
  }

  @Test
  void aPlaintextWhoseCodeHashPrefixIsNotHexIsRejectedWithoutShowingIt() {
    SplittableRandom random = new SplittableRandom(5);
    X25519PrivateKey io = ioKey(random);
    TxEncryptor client = client(random, io);
    byte[] nonce = new byte[32];
    String plaintext = "zz" + CODE_HASH.substring(2) + "{\"secret\":\"hunter2\"}";
    byte[] ct = client.txEncryptionKey(nonce).seal(plaintext.getBytes(StandardCharsets.UTF_8));
    byte[] wire = new TxEnvelope(nonce, client.publicKey(), ct).toBytes();

    assertThatThrownBy(() -> TxEnvelope.parse(wire).open(io))
        .isInstanceOf(InvalidCodeHashException.class)
        .hasMessage("decrypted message does not start with a 64-hex-character code hash");
  }

  @Test
  void aPlaintextShorterThanTheCodeHashIsRejected() {
    SplittableRandom random = new SplittableRandom(6);
    X25519PrivateKey io = ioKey(random);
    TxEncryptor client = client(random, io);
    byte[] nonce = new byte[32];
    byte[] ct = client.txEncryptionKey(nonce).seal(CODE_HASH.substring(0, 10).getBytes());
    byte[] wire = new TxEnvelope(nonce, client.publicKey(), ct).toBytes();

    assertThatThrownBy(() -> TxEnvelope.parse(wire).open(io))
        .isInstanceOf(InvalidCodeHashException.class)
        .hasMessageContaining("shorter than its 64-character code-hash prefix");
  }

  @Test
  void aMessageForAnotherContractIsReportedAsACodeHashMismatch() {
    SplittableRandom random = new SplittableRandom(8);
    X25519PrivateKey io = ioKey(random);
    byte[] wire = client(random, io).encrypt(CODE_HASH, "{}");
    CodeHash other = CodeHash.of("other wasm".getBytes());

    assertThatThrownBy(() -> TxEnvelope.parse(wire).open(io).requireCodeHash(other))
        .isInstanceOf(DecryptedTxInput.CodeHashMismatchException.class)
        .hasMessageContaining(CODE_HASH)
        .hasMessageContaining(other.hex());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "0x",
        "5b2750306cfbe4e172f87f32ca4be1363785f0462442c134e835dd71cfffc53",
        "5b2750306cfbe4e172f87f32ca4be1363785f0462442c134e835dd71cfffc53c0",
        "5b2750306cfbe4e172f87f32ca4be1363785f0462442c134e835dd71cfffc53g",
        " 5b2750306cfbe4e172f87f32ca4be1363785f0462442c134e835dd71cfffc53"
      })
  void codeHashesThatAreNot64HexCharactersAreRejected(String text) {
    SplittableRandom random = new SplittableRandom(9);
    TxEncryptor client = client(random, ioKey(random));

    assertThatThrownBy(() -> CodeHash.parse(text)).isInstanceOf(InvalidCodeHashException.class);
    assertThatThrownBy(() -> client.encrypt(text, "{}"))
        .isInstanceOf(InvalidCodeHashException.class)
        .hasMessageContaining("64 hex characters");
  }

  @Test
  void codeHashesAcceptA0xPrefixAndUpperCaseLikeSecretJs() {
    assertThat(CodeHash.parse("0x" + CODE_HASH.toUpperCase()).hex()).isEqualTo(CODE_HASH);
    assertThat(CodeHash.of("dummy wasm bytes".getBytes()).hex()).isEqualTo(CODE_HASH);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 16, 31, 33})
  void noncesOfWrongLengthAreRejected(int length) {
    SplittableRandom random = new SplittableRandom(10);
    TxEncryptor client = client(random, ioKey(random));

    assertThatThrownBy(() -> client.txEncryptionKey(new byte[length]))
        .isInstanceOf(InvalidLengthException.class)
        .hasMessage("tx nonce must be 32 bytes, got " + length);
  }

  @Test
  void encryptedOutputsThatAreNotBase64AreRejected() {
    TxEncryptionKey key = TxEncryptionKey.of(new byte[32]);

    assertThatThrownBy(() -> key.decryptAttribute("not base64!"))
        .isInstanceOf(TxEncryptionKey.OutputFormatException.class)
        .hasMessage("encrypted attribute is not standard base64");
    byte[] notBase64Inside = key.seal("{\"raw\":true}".getBytes());
    assertThatThrownBy(() -> key.decryptData(notBase64Inside))
        .isInstanceOf(TxEncryptionKey.OutputFormatException.class);
  }

  @Test
  void anOutputForAnotherTxKeyIsRejected() {
    TxEncryptionKey key = TxEncryptionKey.of(new byte[32]);
    byte[] other = new byte[32];
    other[5] = 1;
    String attribute = TxEncryptionKey.of(other).encryptAttribute("action");

    assertThatThrownBy(() -> key.decryptAttribute(attribute))
        .isInstanceOf(AuthenticationFailedException.class);
  }

  @Test
  void keysAndEncryptorsDoNotPrintSecrets() {
    X25519PrivateKey io = X25519PrivateKey.generate(new SecureRandom());
    TxEncryptor client = TxEncryptor.random(io.publicKey());
    TxEncryptionKey key = client.txEncryptionKey(new byte[32]);
    String keyHex = HexFormat.of().formatHex(key.exportSecret());

    assertThat(key.toString()).isEqualTo("TxEncryptionKey[32 bytes, redacted]");
    assertThat(client.toString()).doesNotContain(keyHex).contains(client.publicKey().toBase64());
    assertThat(new X25519PublicKey(new byte[32]).toString()).startsWith("X25519PublicKey[");
  }
}
