package io.arcanum.node.cli.keys;

import io.arcanum.crypto.bip32.HdPath;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --coin-type}, {@code --account}, {@code --index}: the BIP44 path of a new key. */
final class NewKeyOptions {
  @Option(
      names = "--coin-type",
      paramLabel = "N",
      defaultValue = "529",
      description =
          "BIP44 coin type: 529 (Secret, as secretjs) or 118 (Cosmos) (default: ${DEFAULT-VALUE})")
  int coinType;

  @Option(
      names = "--account",
      paramLabel = "N",
      defaultValue = "0",
      description = "BIP44 account number (default: ${DEFAULT-VALUE})")
  int account;

  @Option(
      names = "--index",
      paramLabel = "N",
      defaultValue = "0",
      description = "BIP44 address index (default: ${DEFAULT-VALUE})")
  int index;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /**
   * {@code m/44'/coin'/account'/0/index}.
   *
   * @throws CommandLine.ParameterException (exit code 2) for a number BIP44 does not take
   */
  HdPath path() {
    try {
      if (coinType < 0 || account < 0 || index < 0) {
        throw new IllegalArgumentException(
            "--coin-type, --account and --index must not be negative");
      }
      return HdPath.bip44(coinType, account, 0, index);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(mixee.commandLine(), e.getMessage());
    }
  }
}
