package io.arcanum.client.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.crypto.AuthenticationFailedException;
import io.arcanum.crypto.SpecFiles;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.InvalidCodeHashException;
import io.arcanum.crypto.tx.TxEncryptionKey;
import io.arcanum.crypto.tx.TxEnvelope;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.crypto.x25519.X25519PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The SDK's encryption is secret.js's {@code EncryptionUtilsImpl} byte for byte: the golden vector
 * computed with secret.js itself and the tx-encryption vectors (protocol.md §6–7).
 */
class EncryptionUtilsTest {
  static final HexFormat HEX = HexFormat.of();

  @Test
  void theSecretJsGoldenVector() {
    JsonNode v = SpecFiles.json("vectors/secretjs_golden_vector.json");
    X25519PublicKey io = new X25519PublicKey(SpecFiles.hex(v, "io_public_hex"));
    EncryptionUtilsImpl utils =
        EncryptionUtilsImpl.fromSeed(
            SpecFiles.hex(v, "client_seed_hex"), EncryptionUtilsImpl.fixedTxKey(io));
    assertThat(utils.publicKey().bytes()).isEqualTo(SpecFiles.hex(v, "client_public_hex"));
    byte[] nonce = SpecFiles.hex(v, "nonce_hex");
    try (TxEncryptionKey key = utils.txEncryptionKey(nonce)) {
      assertThat(key.exportSecret()).isEqualTo(SpecFiles.hex(v, "secretjs_getTxEncryptionKey_hex"));
    }
    byte[] wire = Base64.getDecoder().decode(v.get("encrypted_msg_field_base64").asText());
    assertThat(Arrays.copyOf(wire, 32)).isEqualTo(nonce);
    assertThat(Arrays.copyOfRange(wire, 32, 64)).isEqualTo(utils.publicKey().bytes());
    byte[] plaintext = utils.decrypt(Arrays.copyOfRange(wire, 64, wire.length), nonce);
    assertThat(new String(plaintext, StandardCharsets.UTF_8))
        .isEqualTo(v.get("plaintext").asText());
  }

  @Test
  void theTxEncryptionVectorsInputAndEveryOutput() {
    JsonNode v = SpecFiles.vectors().get("tx_encryption");
    EncryptionUtilsImpl utils =
        EncryptionUtilsImpl.fromSeed(
            SpecFiles.hex(v, "wallet_seed"),
            EncryptionUtilsImpl.fixedTxKey(
                new X25519PublicKey(SpecFiles.hex(v, "consensus_io_pk"))));
    assertThat(utils.publicKey().bytes()).isEqualTo(SpecFiles.hex(v, "wallet_pk"));
    byte[] nonce = SpecFiles.hex(v, "nonce");
    try (TxEncryptionKey key = utils.txEncryptionKey(nonce)) {
      assertThat(key.exportSecret()).isEqualTo(SpecFiles.hex(v, "tx_encryption_key"));
    }
    byte[] wire = SpecFiles.hex(v, "wire_msg(nonce||pk||ct)");
    assertThat(
            new String(
                utils.decrypt(Arrays.copyOfRange(wire, 64, wire.length), nonce),
                StandardCharsets.UTF_8))
        .isEqualTo(v.get("plaintext_utf8").asText());
    assertThat(utils.decrypt(SpecFiles.hex(v, "output_data_ciphertext"), nonce))
        .isEqualTo(
            v.get("output_data_plaintext(base64 text of data)")
                .asText()
                .getBytes(StandardCharsets.US_ASCII));
    assertThat(open(utils, v.get("attr_key 'action' enc b64").asText(), nonce)).isEqualTo("action");
    assertThat(open(utils, v.get("attr_value 'increment' enc b64").asText(), nonce))
        .isEqualTo("increment");
    assertThat(
            open(
                utils,
                v.get("error_ciphertext_b64 (appears as 'encrypted: <b64>')").asText(),
                nonce))
        .isEqualTo(v.get("error_plaintext").asText());
  }

  private static String open(EncryptionUtils utils, String base64, byte[] nonce) {
    return new String(
        utils.decrypt(Base64.getDecoder().decode(base64), nonce), StandardCharsets.UTF_8);
  }

  @Test
  void envelopesAre144PlusTheJsonAndOpenInTheEnclave() {
    X25519PrivateKey ioKey = X25519PrivateKey.fromSeed(new byte[32]);
    EncryptionUtilsImpl utils =
        EncryptionUtilsImpl.random(EncryptionUtilsImpl.fixedTxKey(ioKey.publicKey()));
    CodeHash hash = CodeHash.of("dummy wasm bytes".getBytes(StandardCharsets.US_ASCII));
    Random random = new Random(3);
    for (int i = 0; i < 50; i++) {
      String json =
          "{\"v\":\"" + "é".repeat(random.nextInt(40)) + "x".repeat(random.nextInt(300)) + "\"}";
      byte[] wire = utils.encrypt(hash.hex().toUpperCase(), json); // upper case is accepted
      assertThat(wire).hasSize(144 + json.getBytes(StandardCharsets.UTF_8).length);
      assertThat(Arrays.copyOfRange(wire, 32, 64)).isEqualTo(utils.publicKey().bytes());
      var opened = TxEnvelope.parse(wire).open(ioKey).requireCodeHash(hash);
      assertThat(opened.messageText()).isEqualTo(json);
      // and what the enclave seals with the same key opens here
      byte[] reply = opened.txEncryptionKey().seal("ok".getBytes(StandardCharsets.UTF_8));
      assertThat(utils.decrypt(reply, Arrays.copyOf(wire, 32)))
          .isEqualTo("ok".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(utils.encrypt(hash.hex(), "{\"increment\":{}}")).hasSize(160);
  }

  @Test
  void theNetworkKeyIsFetchedOnceAndAgainOnlyAfterAFailure() {
    X25519PublicKey io = X25519PrivateKey.fromSeed(new byte[32]).publicKey();
    AtomicInteger calls = new AtomicInteger();
    Supplier<X25519PublicKey> source =
        () -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("node down");
          }
          return io;
        };
    EncryptionUtilsImpl utils = EncryptionUtilsImpl.random(source);
    assertThat(calls).hasValue(0); // nothing fetched until needed
    String hash = "ab".repeat(32);
    assertThatThrownBy(() -> utils.encrypt(hash, "{}")).hasMessage("node down");
    utils.encrypt(hash, "{}");
    utils.encrypt(hash, "{}");
    utils.decrypt(new byte[0], new byte[32]);
    assertThat(utils.consensusIoPublicKey()).isEqualTo(io);
    assertThat(calls).hasValue(2);
  }

  @Test
  void badInputIsRefusedClearly() {
    EncryptionUtilsImpl utils =
        EncryptionUtilsImpl.random(
            EncryptionUtilsImpl.fixedTxKey(X25519PrivateKey.fromSeed(new byte[32]).publicKey()));
    assertThatThrownBy(() -> utils.encrypt("ab".repeat(31), "{}"))
        .isInstanceOf(InvalidCodeHashException.class)
        .hasMessage("code hash must be 64 hex characters, got 62 characters");
    assertThatThrownBy(() -> EncryptionUtilsImpl.fromSeed(new byte[31], () -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("encryptionSeed must be 32 bytes, got 31");
    assertThatThrownBy(() -> utils.decrypt(new byte[20], new byte[32]))
        .isInstanceOf(AuthenticationFailedException.class);
    assertThat(utils.decrypt(new byte[0], new byte[32])).isEmpty(); // as secret.js
  }

  @Test
  void theSameSeedIsTheSameKeyPairAndToStringHidesIt() {
    byte[] seed = HEX.parseHex("22".repeat(32));
    Supplier<X25519PublicKey> none = () -> null;
    EncryptionUtilsImpl one = EncryptionUtilsImpl.fromSeed(seed, none);
    EncryptionUtilsImpl two = EncryptionUtilsImpl.fromSeed(seed, none);
    assertThat(one.publicKey()).isEqualTo(two.publicKey());
    assertThat(EncryptionUtilsImpl.random(none).publicKey()).isNotEqualTo(one.publicKey());
    assertThat(one.toString()).doesNotContain("22222222").contains(one.publicKey().toBase64());
  }
}
