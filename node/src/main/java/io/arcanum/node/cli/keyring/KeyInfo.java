package io.arcanum.node.cli.keyring;

import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.bip32.HdPath;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import java.util.Base64;
import java.util.Objects;

/**
 * The public part of a keyring entry: what {@code keys list} and {@code keys show} print, readable
 * without a passphrase.
 *
 * @param name the key's name in the keyring
 * @param publicKey the secp256k1 key whose address signs
 * @param hdPath the BIP32 path it was derived on, e.g. {@code m/44'/529'/0'/0/0}
 */
public record KeyInfo(String name, Secp256k1PublicKey publicKey, HdPath hdPath) {
  /** The Cosmos {@code @type} of the public key, as {@code keys show} prints it. */
  public static final String PUBKEY_TYPE = "/cosmos.crypto.secp256k1.PubKey";

  public KeyInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(hdPath, "hdPath");
  }

  public CosmosAddress address() {
    return CosmosAddress.fromPublicKey(publicKey);
  }

  /** The {@code secret1…} address. */
  public String bech32Address() {
    return address().toBech32(CosmosAddress.SECRET_PREFIX);
  }

  /** Base64 of the 33-byte compressed public key, as Cosmos JSON shows it. */
  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey.compressed());
  }
}
