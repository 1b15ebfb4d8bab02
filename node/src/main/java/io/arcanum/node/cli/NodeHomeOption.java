package io.arcanum.node.cli;

import io.arcanum.node.home.NodeHome;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --home DIR} of the commands that work on a node's home ({@code arcanum enclave …}); the
 * same folder as the CLI's home, as in secretd, where keyring and node share {@code ~/.secretd}.
 */
public final class NodeHomeOption {
  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "the node's home folder (default: ~/.arcanum)")
  Path home;

  /** The home named, or {@code ~/.arcanum}. */
  public NodeHome home(CliContext context) {
    return new NodeHome(home != null ? home : context.defaultHome());
  }
}
