package io.arcanum.crypto.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
  private static Path nodeModules;

  @BeforeAll
  static void installSecretJs() throws Exception {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    boolean hasNode = run(List.of("node", "--version"), null, null).exitCode == 0;
    if (!ci) {
      assumeTrue(hasNode, "Node.js is not on PATH; secretjs interop tests skipped (CI runs them)");
    }
    Path dir = Path.of(System.getProperty("arcanum.secretjs.dir", "../build/secretjs"));
    nodeModules = dir.resolve("node_modules").toAbsolutePath().normalize();
    if (!Files.exists(nodeModules.resolve("secretjs/package.json"))) {
      Path installer = Path.of("../.ci/install-secretjs").toAbsolutePath().normalize();
      Result install = run(List.of("bash", installer.toString()), null, null);
      assertThat(install.exitCode).as("secretjs install failed:\n%s", install.stderr).isZero();
    }
    JsonNode pkg = JSON.readTree(nodeModules.resolve("secretjs/package.json").toFile());
    assertThat(pkg.get("version").asText()).isEqualTo("1.22.1");
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
    Result result =
        run(List.of("node", SCRIPT.toString()), JSON.writeValueAsString(job), nodeModules);
    assertThat(result.exitCode).as("secretjs script failed:\n%s", result.stderr).isZero();
    return JSON.readTree(result.stdout);
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  private static Result run(List<String> command, String stdin, Path nodePath)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (nodePath != null) {
      pb.environment().put("NODE_PATH", nodePath.toString());
    }
    Path stderr = Files.createTempFile("arcanum-node", ".err");
    pb.redirectError(stderr.toFile()); // a full stderr pipe must not block the child
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new Result(-1, "", e.getMessage());
    }
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] out = p.getInputStream().readAllBytes();
    boolean finished = p.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      p.destroyForcibly();
    }
    String err = Files.readString(stderr);
    Files.deleteIfExists(stderr);
    return finished
        ? new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), err)
        : new Result(-1, "", "timed out: " + command + "\n" + err);
  }

  private static byte[] randomBytes(SecureRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
