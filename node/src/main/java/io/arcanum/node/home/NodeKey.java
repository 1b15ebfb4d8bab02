package io.arcanum.node.home;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.crypto.ed25519.Ed25519PrivateKey;
import io.arcanum.crypto.ed25519.Ed25519PublicKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code config/node_key.json}: the validator's ed25519 consensus key in CometBFT's {@code
 * priv_validator_key.json} shape (mode 0600). Its public key is the machine owner key a
 * registration binds into the attestation report data (protocol.md §4.1: the first 32 bytes of
 * {@code priv_key.value} used as an ed25519 secret).
 *
 * <pre>{@code
 * {"address": "<upper-case hex, first 20 bytes of SHA-256(public key)>",
 *  "pub_key": {"type": "tendermint/PubKeyEd25519", "value": "<b64 32 bytes>"},
 *  "priv_key": {"type": "tendermint/PrivKeyEd25519", "value": "<b64 seed(32) ‖ public key(32)>"}}
 * }</pre>
 */
public final class NodeKey implements AutoCloseable {
  static final String PUB_TYPE = "tendermint/PubKeyEd25519";
  static final String PRIV_TYPE = "tendermint/PrivKeyEd25519";

  private final Ed25519PrivateKey key;
  private final Ed25519PublicKey publicKey;

  private NodeKey(Ed25519PrivateKey key) {
    this.key = key;
    this.publicKey = key.publicKey();
  }

  /** A fresh key. */
  public static NodeKey generate(SecureRandom random) {
    byte[] seed = new byte[Ed25519PrivateKey.LENGTH];
    random.nextBytes(seed);
    try {
      return new NodeKey(Ed25519PrivateKey.fromSeed(seed));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  public Ed25519PublicKey publicKey() {
    return publicKey;
  }

  /** An Ed25519 signature by this key (e.g. of a membership admission, docs/network.md). */
  public byte[] sign(byte[] message) {
    return key.sign(message);
  }

  /** CometBFT's validator address: upper-case hex of the first 20 bytes of SHA-256(public key). */
  public String address() {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(publicKey.bytes());
      return HexFormat.of().formatHex(hash, 0, 20).toUpperCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Writes the key file with mode 0600; refuses to replace an existing key. */
  public void write(Path file) throws IOException {
    if (Files.exists(file)) {
      throw new IOException(file + " exists; a node key is never overwritten");
    }
    Base64.Encoder b64 = Base64.getEncoder();
    byte[] secret = key.exportSecret();
    byte[] both = Arrays.copyOf(secret, 64);
    System.arraycopy(publicKey.bytes(), 0, both, 32, 32);
    try {
      ObjectNode json = JsonFiles.MAPPER.createObjectNode();
      json.put("address", address());
      json.putObject("pub_key")
          .put("type", PUB_TYPE)
          .put("value", b64.encodeToString(publicKey.bytes()));
      json.putObject("priv_key").put("type", PRIV_TYPE).put("value", b64.encodeToString(both));
      JsonFiles.write(file, json, true);
    } finally {
      Arrays.fill(secret, (byte) 0);
      Arrays.fill(both, (byte) 0);
    }
  }

  /**
   * @throws ConfigException if the file is missing, malformed, or its public key or address does
   *     not belong to its private key (the message never shows key bytes)
   */
  public static NodeKey read(Path file) throws ConfigException {
    JsonNode json = JsonFiles.read(file);
    JsonFiles.onlyFields(file, "the top level", json, List.of("address", "pub_key", "priv_key"));
    JsonFiles.onlyFields(file, "pub_key", json.get("pub_key"), List.of("type", "value"));
    JsonFiles.onlyFields(file, "priv_key", json.get("priv_key"), List.of("type", "value"));
    if (!PRIV_TYPE.equals(JsonFiles.text(file, json.get("priv_key"), "type"))
        || !PUB_TYPE.equals(JsonFiles.text(file, json.get("pub_key"), "type"))) {
      throw new ConfigException(file + ": only ed25519 keys (" + PRIV_TYPE + ") are supported");
    }
    byte[] both;
    try {
      both = Base64.getDecoder().decode(JsonFiles.text(file, json.get("priv_key"), "value"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file + ": priv_key.value is not base64");
    }
    try {
      if (both.length != 64) {
        throw new ConfigException(file + ": priv_key.value must be 64 bytes");
      }
      byte[] seed = Arrays.copyOf(both, 32);
      NodeKey key = new NodeKey(Ed25519PrivateKey.fromSeed(seed));
      Arrays.fill(seed, (byte) 0);
      String pub = Base64.getEncoder().encodeToString(key.publicKey.bytes());
      if (!Arrays.equals(Arrays.copyOfRange(both, 32, 64), key.publicKey.bytes())
          || !pub.equals(JsonFiles.text(file, json.get("pub_key"), "value"))
          || !key.address().equals(JsonFiles.text(file, json, "address"))) {
        key.close();
        throw new ConfigException(
            file + ": the public key or address does not belong to the private key");
      }
      return key;
    } finally {
      Arrays.fill(both, (byte) 0);
    }
  }

  @Override
  public void close() {
    key.destroy();
  }

  @Override
  public String toString() {
    return "NodeKey[" + address() + "]";
  }
}
