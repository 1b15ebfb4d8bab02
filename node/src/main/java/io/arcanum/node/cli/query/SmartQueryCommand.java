package io.arcanum.node.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.node.cli.Addresses;
import io.arcanum.node.cli.CliCommand;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.CodeHashOption;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.NodeOptions;
import io.arcanum.node.cli.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code arcanum query compute query CONTRACT JSON} (secretcli's name) or {@code query compute
 * contract-state smart CONTRACT JSON} (wasmd's): the query is encrypted for the contract's code
 * hash with a one-off key, the answer decrypted and printed; a contract error is decrypted into the
 * {@code Error:} line (exit code 1).
 */
@Command(
    name = "query",
    aliases = "smart",
    mixinStandardHelpOptions = true,
    description = "Queries a contract (encrypted); prints its decrypted answer.")
final class SmartQueryCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "CONTRACT", description = "the contract's address")
  String contract;

  @Parameters(index = "1", paramLabel = "JSON", description = "the query message")
  String json;

  @Mixin CodeHashOption codeHash;
  @Mixin NodeOptions node;
  @Mixin OutputOptions output;

  SmartQueryCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    Addresses.require(contract, "CONTRACT");
    JsonNode answer = node.queryClient().query(contract, codeHash.hexOrNull(), json);
    output.print(terminal(), answer);
    return ExitCode.OK;
  }
}
