package io.arcanum.node.cli;

import picocli.CommandLine.Option;

/**
 * {@code --code-hash HEX} of the commands that encrypt a contract message (query, instantiate,
 * execute): the hash it is encrypted for, which the SDK otherwise asks the node for.
 */
public final class CodeHashOption {
  @Option(
      names = "--code-hash",
      paramLabel = "HEX",
      description = "the code hash to encrypt for (default: asked of the node)")
  String hex;

  /** The hash given, or null for the SDK to ask the node. */
  public String hexOrNull() {
    return hex;
  }
}
