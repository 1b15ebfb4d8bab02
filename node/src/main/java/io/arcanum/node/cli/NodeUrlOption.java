package io.arcanum.node.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --node} alone, for commands that read from a node but sign nothing, so have no use for
 * {@code --chain-id} ({@code arcanum enclave fetch-seed}); checked as {@link NodeOptions} checks
 * it.
 */
public final class NodeUrlOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--node",
      paramLabel = "URL",
      defaultValue = "${env:ARCANUM_NODE:-" + NodeOptions.DEFAULT_NODE + "}",
      description =
          "the REST (LCD) URL of any node of the network (default: ${DEFAULT-VALUE}, or"
              + " $ARCANUM_NODE)")
  String node;

  /** The node URL, checked: an absolute http(s) URL. */
  public String url() {
    return NodeOptions.checkedUrl(node, mixee.commandLine());
  }
}
