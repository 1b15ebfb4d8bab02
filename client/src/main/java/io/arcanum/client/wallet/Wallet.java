package io.arcanum.client.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.bip32.HdWallet;
import io.arcanum.crypto.bip39.Mnemonic;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import io.arcanum.crypto.secp256k1.Secp256k1Signature;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.cosmos.crypto.secp256k1.PubKey;
import io.arcanum.proto.cosmos.tx.signing.v1beta1.SignMode;
import io.arcanum.proto.cosmos.tx.v1beta1.SignDoc;
import io.arcanum.proto.signing.AminoJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One secp256k1 account key, as secret.js's {@code Wallet} (DIRECT) or {@code AminoWallet} (amino
 * JSON) holds it (secretjs-api.md §4.1–4.2): derived from a BIP39 mnemonic along {@code
 * m/44'/coinType'/0'/0/index}, addressed as {@code bech32(prefix, RIPEMD160(SHA256(pk33)))},
 * signing SHA-256 of the sign bytes with a 64-byte low-S signature.
 *
 * <p>The key never leaves this object: {@link #toString()} shows the address only, and {@link
 * #destroy()} wipes it. The mnemonic is kept (as secret.js keeps it) so a generated wallet can be
 * written down; {@link Mnemonic#toString()} is redacted too.
 *
 * <p>Signatures are RFC 6979 deterministic where secret.js adds fresh entropy; nodes verify
 * signatures and never compare them, so both are accepted alike.
 */
public final class Wallet {
  private final Secp256k1PrivateKey key;
  private final Secp256k1PublicKey publicKey;
  private final CosmosAddress accountAddress;
  private final String address;
  private final WalletOptions options;
  private final Mnemonic mnemonic; // null for a wallet made from a raw key

  private Wallet(Secp256k1PrivateKey key, WalletOptions options, Mnemonic mnemonic) {
    this.key = key;
    this.publicKey = key.publicKey();
    this.accountAddress = CosmosAddress.fromPublicKey(publicKey);
    this.address = accountAddress.toBech32(options.bech32Prefix());
    this.options = options;
    this.mnemonic = mnemonic;
  }

  /**
   * The wallet of a mnemonic with secret.js's defaults (account 0, coin type 529, {@code secret},
   * DIRECT).
   *
   * @throws io.arcanum.crypto.bip39.InvalidMnemonicException naming the rule the phrase breaks
   *     (word count, an unknown word's position, checksum); never quoting a word
   */
  public static Wallet fromMnemonic(String mnemonic) {
    return fromMnemonic(mnemonic, WalletOptions.defaults());
  }

  /**
   * The wallet of a mnemonic (BIP39 seed with an empty passphrase) at {@code options.path()}.
   *
   * @throws io.arcanum.crypto.bip39.InvalidMnemonicException naming the rule the phrase breaks
   */
  public static Wallet fromMnemonic(String mnemonic, WalletOptions options) {
    Objects.requireNonNull(mnemonic, "mnemonic");
    Objects.requireNonNull(options, "options");
    Mnemonic parsed = Mnemonic.parse(mnemonic);
    return new Wallet(HdWallet.deriveKey(parsed, "", options.path()), options, parsed);
  }

  /** A new wallet from a fresh 24-word mnemonic (secret.js's {@code new Wallet()}). */
  public static Wallet generate() {
    return generate(WalletOptions.defaults());
  }

  /** A new wallet from a fresh 24-word mnemonic, derived with {@code options}. */
  public static Wallet generate(WalletOptions options) {
    Mnemonic fresh = Mnemonic.generate(new SecureRandom(), 24);
    return new Wallet(HdWallet.deriveKey(fresh, "", options.path()), options, fresh);
  }

  /**
   * A wallet over a raw key (a copy is kept); {@code options} give the prefix and sign mode, and
   * its path is not used.
   */
  public static Wallet fromPrivateKey(Secp256k1PrivateKey key, WalletOptions options) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(options, "options");
    byte[] copy = key.exportSecret();
    try {
      return new Wallet(Secp256k1PrivateKey.fromBytes(copy), options, null);
    } finally {
      Arrays.fill(copy, (byte) 0);
    }
  }

  /** The bech32 account address, e.g. {@code secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03}. */
  public String address() {
    return address;
  }

  /** The 20 raw address bytes (the {@code sender} of compute messages). */
  public CosmosAddress accountAddress() {
    return accountAddress;
  }

  /** The 33-byte compressed public key. */
  public Secp256k1PublicKey publicKey() {
    return publicKey;
  }

  /** The public key as a signer info carries it: Any {@code /cosmos.crypto.secp256k1.PubKey}. */
  public Any publicKeyAny() {
    return ProtoTypes.pack(
        PubKey.newBuilder().setKey(ByteString.copyFrom(publicKey.compressed())).build());
  }

  public SignMode signMode() {
    return options.signMode();
  }

  public WalletOptions options() {
    return options;
  }

  /** The mnemonic this wallet was derived from; empty for {@link #fromPrivateKey}. */
  public Optional<Mnemonic> mnemonic() {
    return Optional.ofNullable(mnemonic);
  }

  /** SIGN_MODE_DIRECT: signs SHA-256 of the encoded {@code SignDoc}. */
  public Secp256k1Signature signDirect(SignDoc signDoc) {
    return sign(signDoc.toByteArray());
  }

  /** SIGN_MODE_LEGACY_AMINO_JSON: signs SHA-256 of the sorted, compact {@code StdSignDoc}. */
  public Secp256k1Signature signAmino(JsonNode stdSignDoc) {
    return sign(AminoJson.write(stdSignDoc));
  }

  /** Signs SHA-256 of {@code signBytes}: 64 bytes r ‖ s, low-S. */
  public Secp256k1Signature sign(byte[] signBytes) {
    return key.sign(sha256(signBytes));
  }

  /** Wipes the key (and the mnemonic); signing afterwards throws {@link IllegalStateException}. */
  public void destroy() {
    key.destroy();
    if (mnemonic != null) {
      mnemonic.destroy();
    }
  }

  @Override
  public String toString() {
    return "Wallet[" + address + ", " + options.signMode() + "]";
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }
}
