package io.arcanum.node.cli.keys;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.node.cli.keyring.KeyInfo;

/** How {@code keys add|list|show} print a key: name, type, address, pubkey (Cosmos JSON), path. */
final class KeyJson {
  private KeyJson() {}

  static ObjectNode of(KeyInfo key) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", key.name());
    node.put("type", "local");
    node.put("address", key.bech32Address());
    node.set("pubkey", pubkey(key));
    node.put("hd_path", key.hdPath().toString());
    return node;
  }

  /** {@code {"@type": "/cosmos.crypto.secp256k1.PubKey", "key": "<b64>"}}. */
  static ObjectNode pubkey(KeyInfo key) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("@type", KeyInfo.PUBKEY_TYPE);
    node.put("key", key.publicKeyBase64());
    return node;
  }
}
