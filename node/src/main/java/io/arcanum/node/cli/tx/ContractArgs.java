package io.arcanum.node.cli.tx;

import io.arcanum.client.tx.Coins;
import io.arcanum.node.cli.CodeHashOption;
import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --amount} and {@code --code-hash}, shared by instantiate and execute. */
final class ContractArgs {
  @Option(
      names = "--amount",
      paramLabel = "COINS",
      defaultValue = "",
      description = "coins sent to the contract, e.g. 100uscrt")
  String amount;

  @Mixin CodeHashOption codeHash;

  /**
   * @throws IllegalArgumentException naming the malformed coin
   */
  List<Coin> funds() {
    try {
      return Coins.parse(amount);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--amount: " + e.getMessage(), e);
    }
  }

  /** The {@code --code-hash} given, or null for the SDK to ask the node. */
  String codeHash() {
    return codeHash.hexOrNull();
  }
}
