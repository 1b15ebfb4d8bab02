package io.arcanum.node.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.NodeOptions;
import io.arcanum.node.cli.OutputOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Queries whose answer is printed as the node's REST API gives it (gateway JSON: snake_case, 64-bit
 * numbers as strings), through the SDK's LCD client.
 */
final class Routes {
  private Routes() {}

  static ExitCode print(CliContext context, NodeOptions node, OutputOptions output, String path) {
    JsonNode answer = node.queryClient().lcd().get(path);
    output.print(context.terminal(), answer);
    return ExitCode.OK;
  }

  /** One percent-encoded path segment. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * A code id argument: a positive integer.
   *
   * @throws io.arcanum.node.cli.CliException ({@link ExitCode#USAGE}) otherwise
   */
  static long codeId(String text) throws io.arcanum.node.cli.CliException {
    try {
      long id = Long.parseUnsignedLong(text);
      if (id == 0) {
        throw io.arcanum.node.cli.CliException.usage("code ids start at 1, got 0");
      }
      return id;
    } catch (NumberFormatException e) {
      throw io.arcanum.node.cli.CliException.usage(
          "'" + text + "' is not a code id (a positive integer)");
    }
  }
}
