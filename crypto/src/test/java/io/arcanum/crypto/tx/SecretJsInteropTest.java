package io.arcanum.crypto.tx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.crypto.SecretJs;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proof against the real client: the unmodified npm package secretjs@1.22.1 encrypts for a
 * Java-generated network key, Java opens it and answers, secretjs decrypts the answers. Fresh
 * random keys every run. Needs Node.js; CI ({@code CI=true}) fails rather than skips without it.
 */
class SecretJsInteropTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  private static final Path SCRIPT = Path.of("src/test/node/secretjs-interop.cjs");

  @BeforeAll
  static void installSecretJs() throws Exception {
    SecretJs.nodeModules();
  }

  @Test
  void secretJsEncryptsForJavaAndDecryptsWhatJavaSendsBack() throws Exception {
    SecureRandom random = new SecureRandom();
    X25519PrivateKey ioKey = X25519PrivateKey.generate(random);
    CodeHash codeHash = CodeHash.of(randomBytes(random, 100));
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      messages.add(
          "{\"transfer\":{\"recipient\":\"secret1"
              + HEX.formatHex(randomBytes(random, 8))
              + "\",\"amount\":\""
              + Math.abs(random.nextLong())
              + "\",\"memo\":\"héllo ✓ "
              + i
              + "\"}}");
    }

    // 1. secretjs encrypts for the Java-generated IO key.
    ObjectNode encryptJob = JSON.createObjectNode();
    encryptJob.put("op", "encrypt");
    encryptJob.put("ioPubKey", ioKey.publicKey().toBase64());
    encryptJob.put("codeHash", codeHash.hex());
    ArrayNode msgs = encryptJob.putArray("messages");
    messages.forEach(msgs::add);
    JsonNode encrypted = node(encryptJob);

    // 2. Java (the enclave side) opens each, checks code hash and JSON, and encrypts answers.
    ObjectNode decryptJob = JSON.createObjectNode();
    decryptJob.put("op", "decrypt");
    decryptJob.put("ioPubKey", ioKey.publicKey().toBase64());
    decryptJob.put("seed", encrypted.get("seed").asText());
    ArrayNode items = decryptJob.putArray("items");
    List<byte[]> sentData = new ArrayList<>();
    List<String> sentKeys = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      byte[] wire = Base64.getDecoder().decode(encrypted.get("wires").get(i).asText());
      DecryptedTxInput input = TxEnvelope.parse(wire).open(ioKey).requireCodeHash(codeHash);
      assertThat(input.envelope().clientPublicKey().toBase64())
          .isEqualTo(encrypted.get("pubkey").asText());
      assertThat(JSON.readTree(input.messageText())).isEqualTo(JSON.readTree(messages.get(i)));

      TxEncryptionKey key = input.txEncryptionKey();
      byte[] data = randomBytes(random, random.nextInt(300));
      sentData.add(data);
      sentKeys.add(HEX.formatHex(key.exportSecret()));
      ObjectNode item = items.addObject();
      item.put("nonce", HEX.formatHex(input.envelope().nonce()));
      item.put("data", Base64.getEncoder().encodeToString(key.encryptData(data)));
      item.put("attrKey", key.encryptAttribute("action"));
      item.put("attrValue", key.encryptAttribute("transfer #" + i + " ✓"));
      item.put(
          "error",
          key.encryptError("{\"generic_err\":{\"msg\":\"insufficient funds " + i + "\"}}"));
    }

    // 3. secretjs decrypts all of them with its own key pair and the message's nonce.
    JsonNode results = node(decryptJob).get("results");
    for (int i = 0; i < messages.size(); i++) {
      JsonNode r = results.get(i);
      assertThat(r.get("txKey").asText()).isEqualTo(sentKeys.get(i));
      assertThat(Base64.getDecoder().decode(r.get("data").asText())).isEqualTo(sentData.get(i));
      assertThat(r.get("attrKey").asText()).isEqualTo("action");
      assertThat(r.get("attrValue").asText()).isEqualTo("transfer #" + i + " ✓");
      assertThat(r.get("error").asText())
          .isEqualTo("{\"generic_err\":{\"msg\":\"insufficient funds " + i + "\"}}");
    }
  }

  private static JsonNode node(JsonNode job) throws Exception {
    return SecretJs.runScript(SCRIPT, job);
  }

  private static byte[] randomBytes(SecureRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
