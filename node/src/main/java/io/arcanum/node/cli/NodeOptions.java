package io.arcanum.node.cli;

import io.arcanum.client.SecretNetworkClient;
import java.net.URI;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --node}, {@code --chain-id}: which node a command talks to. Unlike secretcli, whose {@code
 * --node} is CometBFT RPC ({@code tcp://localhost:26657}), arcanum speaks the node's REST API (LCD,
 * {@code http://localhost:1317}), the same one secret.js uses (secretjs-api.md §1).
 */
public final class NodeOptions {
  /** LocalSecret's LCD port on this machine, where {@code arcanum dev} serves too. */
  public static final String DEFAULT_NODE = "http://localhost:1317";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--node",
      paramLabel = "URL",
      defaultValue = "${env:ARCANUM_NODE:-" + DEFAULT_NODE + "}",
      description =
          "the node's REST (LCD) URL (default: ${DEFAULT-VALUE}, or $ARCANUM_NODE); not CometBFT"
              + " RPC")
  String node;

  @Option(
      names = "--chain-id",
      paramLabel = "ID",
      defaultValue = "${env:ARCANUM_CHAIN_ID:-secretdev-1}",
      description =
          "the chain id txs are signed for (default: ${DEFAULT-VALUE}, or $ARCANUM_CHAIN_ID)")
  String chainId;

  public String chainId() {
    return chainId;
  }

  /**
   * Whether the chain id was chosen: {@code --chain-id} given or {@code $ARCANUM_CHAIN_ID} set,
   * rather than the {@code secretdev-1} default.
   */
  public boolean chainIdChosen() {
    return mixee.commandLine().getParseResult().hasMatchedOption("--chain-id")
        || System.getenv("ARCANUM_CHAIN_ID") != null;
  }

  /**
   * Signs for {@code id} unless the chain id was chosen ({@link #chainIdChosen}): a command that
   * knows the network (from a home's genesis) uses it as the default.
   */
  public void defaultChainId(String id) {
    if (!chainIdChosen()) {
      chainId = id;
    }
  }

  /**
   * The node URL, checked: an absolute http(s) URL.
   *
   * @throws CommandLine.ParameterException for anything else, pointing secretcli users from RPC to
   *     the REST port
   */
  public String url() {
    return checkedUrl(node, mixee.commandLine());
  }

  /**
   * {@code node} checked as {@code --node}: an absolute http(s) URL, not CometBFT RPC.
   *
   * @throws CommandLine.ParameterException of {@code line} otherwise
   */
  static String checkedUrl(String node, CommandLine line) {
    URI uri;
    try {
      uri = URI.create(node.strip());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(line, "--node '" + node + "' is not a URL");
    }
    String scheme = uri.getScheme();
    if ("tcp".equals(scheme) || (uri.getPort() == 26657)) {
      throw new CommandLine.ParameterException(
          line,
          "--node takes the node's REST (LCD) URL, like "
              + DEFAULT_NODE
              + "; arcanum does not speak CometBFT RPC ("
              + node
              + ")");
    }
    if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
      throw new CommandLine.ParameterException(
          line, "--node must be an http(s) URL like " + DEFAULT_NODE + ", got '" + node + "'");
    }
    return node.strip();
  }

  /** A client that only queries (no wallet; a random encryption key for smart queries). */
  public SecretNetworkClient queryClient() {
    return SecretNetworkClient.builder().url(url()).build();
  }
}
