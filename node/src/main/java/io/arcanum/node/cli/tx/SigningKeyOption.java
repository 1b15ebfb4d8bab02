package io.arcanum.node.cli.tx;

import picocli.CommandLine.Option;

/**
 * {@code --from KEY} of the compute txs (bank send takes it as its first argument, as secretcli).
 */
final class SigningKeyOption {
  @Option(
      names = "--from",
      required = true,
      paramLabel = "KEY",
      description = "the signing key's name or address")
  String from;
}
