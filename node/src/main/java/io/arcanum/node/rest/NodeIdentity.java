package io.arcanum.node.rest;

import java.util.Objects;

/**
 * The node as {@code node_info} and block headers name it.
 *
 * @param chainId the chain's id ({@code secretdev-1})
 * @param bech32Prefix the account address prefix; validators' consensus addresses use it plus
 *     {@code valcons}
 * @param validatorAddress the 20-byte address of the node's ed25519 consensus key (the solo
 *     validator proposes every block); CometBFT's node id is its lower-case hex
 * @param version the node's version
 */
public record NodeIdentity(
    String chainId, String bech32Prefix, byte[] validatorAddress, String version) {
  public NodeIdentity {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(bech32Prefix, "bech32Prefix");
    Objects.requireNonNull(version, "version");
    validatorAddress = validatorAddress.clone();
  }

  @Override
  public byte[] validatorAddress() {
    return validatorAddress.clone();
  }

  /** CometBFT's node id: lower-case hex of the address. */
  public String nodeId() {
    return java.util.HexFormat.of().formatHex(validatorAddress);
  }
}
