package io.arcanum.node.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.node.cli.CliCommand;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.NodeOptions;
import io.arcanum.node.cli.OutputOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * Queries whose answer is printed as the node's REST API gives it (gateway JSON: snake_case, 64-bit
 * numbers as strings), through the SDK's LCD client.
 */
final class Routes {
  private Routes() {}

  /**
   * A query command's whole run: builds the REST path from the arguments (which may reject them),
   * asks the node and prints its answer, mapping failures to an {@code Error:} line and exit code.
   */
  static int print(
      CliContext context, NodeOptions node, OutputOptions output, Callable<String> path) {
    return answer(
        context,
        output,
        () -> {
          String checked = path.call(); // argument mistakes are reported before --node ones
          return node.queryClient().lcd().get(checked);
        });
  }

  /**
   * Prints what {@code query} answers, mapping failures to an {@code Error:} line and exit code.
   */
  static int answer(CliContext context, OutputOptions output, Callable<JsonNode> query) {
    return CliCommand.guard(
        context.terminal(),
        () -> {
          output.print(context.terminal(), query.call());
          return ExitCode.OK;
        });
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
