package io.arcanum.crypto.tx;

import static io.arcanum.crypto.SpecFiles.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.crypto.SpecFiles;
import io.arcanum.crypto.seed.ConsensusSeed;
import io.arcanum.crypto.seed.KeySchedule;
import io.arcanum.crypto.seed.SeedList;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.crypto.x25519.X25519PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client-observable vectors of protocol.md §6–7: these bytes are what secret.js produces. */
class TxEncryptionVectorsTest {
  private static final JsonNode TX = SpecFiles.vectors().get("tx_encryption");
  private static final JsonNode GOLDEN = SpecFiles.json("vectors/secretjs_golden_vector.json");

  private static KeySchedule vectorSchedule() {
    JsonNode keys = SpecFiles.vectors();
    return KeySchedule.derive(
        SeedList.of(
            List.of(
                ConsensusSeed.of(hex(keys.get("keys_genesis"), "seed")),
                ConsensusSeed.of(hex(keys.get("keys_current"), "seed")))));
  }

  private static TxEncryptor vectorClient() {
    return TxEncryptor.fromSeed(
        hex(TX, "wallet_seed"), new X25519PublicKey(hex(TX, "consensus_io_pk")));
  }

  @Test
  void clientEncryptionReproducesTheWireMessageVector() {
    byte[] wire =
        vectorClient()
            .encrypt(
                CodeHash.parse(TX.get("code_hash_hex").asText()),
                TX.get("msg_json").asText().getBytes(StandardCharsets.UTF_8),
                hex(TX, "nonce"));

    assertThat(wire).isEqualTo(hex(TX, "wire_msg(nonce||pk||ct)"));
    assertThat(Base64.getEncoder().encodeToString(wire)).isEqualTo(TX.get("wire_msg_b64").asText());
    assertThat(wire).hasSize(160); // secretjs-api.md §7: 144 + len(JSON)
  }

  @Test
  void bothSidesDeriveTheVectorTxKey() {
    byte[] nonce = hex(TX, "nonce");
    TxEnvelope envelope = TxEnvelope.parse(hex(TX, "wire_msg(nonce||pk||ct)"));

    assertThat(vectorClient().txEncryptionKey(nonce).exportSecret())
        .isEqualTo(hex(TX, "tx_encryption_key"));
    assertThat(envelope.txEncryptionKey(vectorSchedule().ioExchangeKey()).exportSecret())
        .isEqualTo(hex(TX, "tx_encryption_key"));
  }

  @Test
  void enclaveSideOpensTheVectorAndSplitsOffTheCodeHash() {
    DecryptedTxInput input =
        TxEnvelope.parse(hex(TX, "wire_msg(nonce||pk||ct)")).open(vectorSchedule().ioExchangeKey());

    assertThat(input.codeHash().hex()).isEqualTo(TX.get("code_hash_hex").asText());
    assertThat(input.messageText()).isEqualTo("{\"increment\":{}}");
    assertThat(input.envelope().clientPublicKey().bytes()).isEqualTo(hex(TX, "wallet_pk"));
    assertThat(input.toString()).doesNotContain("increment");
  }

  @Test
  void outputsDataAttributesAndErrorsMatchTheVectors() {
    TxEncryptionKey key = TxEncryptionKey.of(hex(TX, "tx_encryption_key"));

    byte[] data = "{\"count\":1}".getBytes(StandardCharsets.UTF_8);
    assertThat(key.encryptData(data)).isEqualTo(hex(TX, "output_data_ciphertext"));
    assertThat(key.decryptData(hex(TX, "output_data_ciphertext"))).isEqualTo(data);
    assertThat(key.encryptAttribute("action"))
        .isEqualTo(TX.get("attr_key 'action' enc b64").asText());
    assertThat(key.encryptAttribute("increment"))
        .isEqualTo(TX.get("attr_value 'increment' enc b64").asText());
    assertThat(key.decryptAttribute(TX.get("attr_value 'increment' enc b64").asText()))
        .isEqualTo("increment");
    String errorB64 = TX.get("error_ciphertext_b64 (appears as 'encrypted: <b64>')").asText();
    assertThat(key.encryptError(TX.get("error_plaintext").asText())).isEqualTo(errorB64);
    assertThat(key.decryptError(errorB64)).isEqualTo("{\"generic_err\":{\"msg\":\"boom\"}}");
  }

  @Test
  void reproducesTheSecretJsGoldenVector() {
    X25519PrivateKey io = X25519PrivateKey.of(hex(GOLDEN, "io_private_seed_hex"));
    TxEncryptor client = TxEncryptor.fromSeed(hex(GOLDEN, "client_seed_hex"), io.publicKey());
    byte[] nonce = hex(GOLDEN, "nonce_hex");
    byte[] expectedWire =
        Base64.getDecoder().decode(GOLDEN.get("encrypted_msg_field_base64").asText());

    assertThat(io.publicKey().bytes()).isEqualTo(hex(GOLDEN, "io_public_hex"));
    assertThat(client.publicKey().bytes()).isEqualTo(hex(GOLDEN, "client_public_hex"));
    assertThat(io.agree(client.publicKey()).exportSecret())
        .isEqualTo(hex(GOLDEN, "x25519_shared_hex"));
    assertThat(client.txEncryptionKey(nonce).exportSecret())
        .isEqualTo(hex(GOLDEN, "secretjs_getTxEncryptionKey_hex"));

    String plaintext = GOLDEN.get("plaintext").asText();
    byte[] wire =
        client.encrypt(
            CodeHash.parse(plaintext.substring(0, 64)),
            plaintext.substring(64).getBytes(StandardCharsets.UTF_8),
            nonce);
    assertThat(wire).isEqualTo(expectedWire);

    DecryptedTxInput input = TxEnvelope.parse(expectedWire).open(io);
    assertThat(input.codeHash().hex() + input.messageText()).isEqualTo(plaintext);
  }
}
