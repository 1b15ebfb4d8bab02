package io.arcanum.node.cli.keyring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.crypto.CryptoException;
import io.arcanum.crypto.bip32.HdPath;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import io.arcanum.node.home.JsonFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One key's file in a keyring folder, {@code <name>.json} (docs/cli.md "Keyring"):
 *
 * <pre>
 * {"format": "arcanum-key/1", "name": "a", "address": "secret1…", "pub_key": "&lt;b64 33 B&gt;",
 *  "hd_path": "m/44'/529'/0'/0/0",
 *  "private_key": "&lt;hex 32 B&gt;"                                    (test backend)
 *  "sealed_private_key": {"kdf": "scrypt", "n", "r", "p", "salt",
 *                         "cipher": "aes-256-gcm", "nonce", "ciphertext"}  (file backend)}
 * </pre>
 *
 * The public fields are readable without the passphrase so {@code keys list} never asks for it.
 * Reading refuses unknown fields and an address that does not match the public key.
 *
 * @param info the public part
 * @param privateKey the clear private key (test backend), or empty
 * @param sealed the sealed private key (file backend), or empty
 */
record KeyFile(KeyInfo info, Optional<byte[]> privateKey, Optional<SealedSecret> sealed) {
  static final String FORMAT = "arcanum-key/1";
  static final String SUFFIX = ".json";

  private static final List<String> FIELDS =
      List.of(
          "format", "name", "address", "pub_key", "hd_path", "private_key", "sealed_private_key");
  private static final List<String> SEALED_FIELDS =
      List.of("kdf", "n", "r", "p", "salt", "cipher", "nonce", "ciphertext");

  KeyFile {
    if (privateKey.isPresent() == sealed.isPresent()) {
      throw new IllegalArgumentException("a key file holds either a clear or a sealed key");
    }
  }

  /** The associated data binding a sealed key to its account: the bech32 address, UTF-8. */
  static byte[] associatedData(KeyInfo info) {
    return (FORMAT + "|" + info.bech32Address()).getBytes(StandardCharsets.UTF_8);
  }

  void write(Path file) throws IOException {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode root = json.objectNode();
    root.put("format", FORMAT);
    root.put("name", info.name());
    root.put("address", info.bech32Address());
    root.put("pub_key", info.publicKeyBase64());
    root.put("hd_path", info.hdPath().toString());
    Base64.Encoder b64 = Base64.getEncoder();
    privateKey.ifPresent(key -> root.put("private_key", HexFormat.of().formatHex(key)));
    sealed.ifPresent(
        s -> {
          ObjectNode node = root.putObject("sealed_private_key");
          node.put("kdf", "scrypt");
          node.put("n", s.n());
          node.put("r", s.r());
          node.put("p", s.p());
          node.put("salt", b64.encodeToString(s.salt()));
          node.put("cipher", "aes-256-gcm");
          node.put("nonce", b64.encodeToString(s.nonce()));
          node.put("ciphertext", b64.encodeToString(s.ciphertext()));
        });
    JsonFiles.write(file, root, true);
  }

  /**
   * Reads and checks a key file.
   *
   * @throws KeyringException ({@link KeyringException.Reason#CORRUPT_KEY_FILE}) naming the file and
   *     the field, never a secret value
   */
  static KeyFile read(Path file) throws KeyringException {
    JsonNode root;
    try {
      root = JsonFiles.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw corrupt(file, "not readable JSON (" + e.getClass().getSimpleName() + ")");
    }
    if (root == null || !root.isObject()) {
      throw corrupt(file, "not a JSON object");
    }
    onlyFields(file, root, FIELDS);
    if (!FORMAT.equals(root.path("format").asText())) {
      throw corrupt(file, "\"format\" is not \"" + FORMAT + "\"");
    }
    String name = text(file, root, "name");
    String fileName = file.getFileName().toString();
    if (!fileName.equals(name + SUFFIX)) {
      throw corrupt(file, "\"name\" is \"" + name + "\" but the file is " + fileName);
    }
    KeyInfo info;
    try {
      info =
          new KeyInfo(
              name,
              Secp256k1PublicKey.fromBytes(Base64.getDecoder().decode(text(file, root, "pub_key"))),
              HdPath.parse(text(file, root, "hd_path")));
    } catch (CryptoException | IllegalArgumentException e) {
      throw corrupt(file, "bad \"pub_key\" or \"hd_path\": " + e.getMessage());
    }
    if (!info.bech32Address().equals(text(file, root, "address"))) {
      throw corrupt(file, "\"address\" does not belong to \"pub_key\"");
    }
    JsonNode clear = root.get("private_key");
    JsonNode sealedNode = root.get("sealed_private_key");
    if ((clear == null) == (sealedNode == null)) {
      throw corrupt(file, "needs exactly one of \"private_key\" and \"sealed_private_key\"");
    }
    if (clear != null) {
      try {
        return new KeyFile(
            info,
            Optional.of(HexFormat.of().parseHex(text(file, root, "private_key"))),
            Optional.empty());
      } catch (IllegalArgumentException e) {
        throw corrupt(file, "\"private_key\" is not hex");
      }
    }
    onlyFields(file, sealedNode, SEALED_FIELDS);
    if (!"scrypt".equals(sealedNode.path("kdf").asText())
        || !"aes-256-gcm".equals(sealedNode.path("cipher").asText())) {
      throw corrupt(file, "\"sealed_private_key\" must use kdf scrypt and cipher aes-256-gcm");
    }
    try {
      Base64.Decoder b64 = Base64.getDecoder();
      return new KeyFile(
          info,
          Optional.empty(),
          Optional.of(
              new SealedSecret(
                  integer(file, sealedNode, "n"),
                  integer(file, sealedNode, "r"),
                  integer(file, sealedNode, "p"),
                  b64.decode(text(file, sealedNode, "salt")),
                  b64.decode(text(file, sealedNode, "nonce")),
                  b64.decode(text(file, sealedNode, "ciphertext")))));
    } catch (IllegalArgumentException e) {
      throw corrupt(file, "\"sealed_private_key\" has a field that is not base64");
    }
  }

  private static void onlyFields(Path file, JsonNode node, List<String> allowed)
      throws KeyringException {
    if (!node.isObject()) {
      throw corrupt(file, "expected a JSON object");
    }
    for (var it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!allowed.contains(field)) {
        throw corrupt(file, "unknown field \"" + field + "\"");
      }
    }
  }

  private static String text(Path file, JsonNode node, String field) throws KeyringException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw corrupt(file, "\"" + field + "\" must be a string");
    }
    return value.asText();
  }

  private static int integer(Path file, JsonNode node, String field) throws KeyringException {
    JsonNode value = node.get(field);
    if (value == null || !value.isInt()) {
      throw corrupt(file, "\"" + field + "\" must be an integer");
    }
    return value.asInt();
  }

  private static KeyringException corrupt(Path file, String what) {
    return new KeyringException(
        KeyringException.Reason.CORRUPT_KEY_FILE, "key file " + file + " is damaged: " + what);
  }

  /** Never shows the private key. */
  @Override
  public String toString() {
    return "KeyFile[" + info.name() + ", " + info.bech32Address() + "]";
  }
}
