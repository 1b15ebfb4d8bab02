package io.arcanum.client.wallet;

import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.bip32.HdPath;
import io.arcanum.proto.cosmos.tx.signing.v1beta1.SignMode;
import java.util.Objects;

/**
 * How a {@link Wallet} derives its key and signs, with secret.js's {@code WalletOptions} defaults
 * (secretjs-api.md §4.1): account index 0 of path {@code m/44'/529'/0'/0/{index}}, prefix {@code
 * secret}, SIGN_MODE_DIRECT (secret.js's {@code Wallet}; LEGACY_AMINO_JSON is its {@code
 * AminoWallet}).
 *
 * @param hdAccountIndex the last step of the BIP44 path (secret.js's {@code hdAccountIndex})
 * @param coinType 529 (Secret) or 118 (Cosmos Hub), the second step of the path
 * @param bech32Prefix the address prefix
 * @param signMode {@code SIGN_MODE_DIRECT} or {@code SIGN_MODE_LEGACY_AMINO_JSON}
 */
public record WalletOptions(
    int hdAccountIndex, int coinType, String bech32Prefix, SignMode signMode) {

  /**
   * @throws IllegalArgumentException if an index is negative, the prefix is empty or the sign mode
   *     is neither DIRECT nor LEGACY_AMINO_JSON
   */
  public WalletOptions {
    if (hdAccountIndex < 0) {
      throw new IllegalArgumentException(
          "hdAccountIndex must be 0 or more (a non-hardened BIP32 index), got " + hdAccountIndex);
    }
    if (coinType < 0) {
      throw new IllegalArgumentException("coinType must be 0 or more, got " + coinType);
    }
    Objects.requireNonNull(bech32Prefix, "bech32Prefix");
    if (bech32Prefix.isEmpty()) {
      throw new IllegalArgumentException("bech32Prefix must not be empty");
    }
    Objects.requireNonNull(signMode, "signMode");
    if (signMode != SignMode.SIGN_MODE_DIRECT && signMode != SignMode.SIGN_MODE_LEGACY_AMINO_JSON) {
      throw new IllegalArgumentException(
          "a wallet signs SIGN_MODE_DIRECT or SIGN_MODE_LEGACY_AMINO_JSON, not " + signMode);
    }
  }

  /** Account 0, coin type 529, prefix {@code secret}, DIRECT. */
  public static WalletOptions defaults() {
    return new WalletOptions(
        0, HdPath.SECRET_COIN_TYPE, CosmosAddress.SECRET_PREFIX, SignMode.SIGN_MODE_DIRECT);
  }

  public WalletOptions withHdAccountIndex(int index) {
    return new WalletOptions(index, coinType, bech32Prefix, signMode);
  }

  public WalletOptions withCoinType(int type) {
    return new WalletOptions(hdAccountIndex, type, bech32Prefix, signMode);
  }

  public WalletOptions withBech32Prefix(String prefix) {
    return new WalletOptions(hdAccountIndex, coinType, prefix, signMode);
  }

  public WalletOptions withSignMode(SignMode mode) {
    return new WalletOptions(hdAccountIndex, coinType, bech32Prefix, mode);
  }

  /** Signs in SIGN_MODE_LEGACY_AMINO_JSON, as secret.js's {@code AminoWallet} (and Ledger) do. */
  public WalletOptions withLegacyAmino() {
    return withSignMode(SignMode.SIGN_MODE_LEGACY_AMINO_JSON);
  }

  /** The derivation path {@code m/44'/coinType'/0'/0/hdAccountIndex}. */
  public HdPath path() {
    return HdPath.bip44(coinType, 0, 0, hdAccountIndex);
  }
}
