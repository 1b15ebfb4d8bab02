package io.arcanum.node.cli.tx;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.client.ExecuteContract;
import io.arcanum.client.ExecuteResult;
import io.arcanum.client.SecretNetworkClient;
import io.arcanum.client.TxMsg;
import io.arcanum.client.TxOptions;
import io.arcanum.client.tx.Coins;
import io.arcanum.node.cli.Addresses;
import io.arcanum.node.cli.CliCommand;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.KeyringOptions;
import io.arcanum.node.cli.NodeOptions;
import io.arcanum.node.cli.OutputOptions;
import io.arcanum.node.cli.TxFlags;
import io.arcanum.node.cli.TxResultJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code arcanum tx compute execute CONTRACT JSON --from KEY}: the message is encrypted for the
 * contract's code hash; prints the decrypted output data and attributes, or the decrypted contract
 * error (exit code 1).
 */
@Command(
    name = "execute",
    aliases = "exec",
    mixinStandardHelpOptions = true,
    description = "Calls a contract; the message is encrypted, the result decrypted.")
final class ExecuteCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "CONTRACT", description = "the contract's address")
  String contractAddress;

  @Parameters(index = "1", paramLabel = "JSON", description = "the execute message")
  String json;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "KEY",
      description = "the signing key's name or address")
  String from;

  @Mixin ContractArgs contract;
  @Mixin KeyringOptions keyring;
  @Mixin NodeOptions node;
  @Mixin TxFlags flags;
  @Mixin OutputOptions output;

  ExecuteCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    Addresses.require(contractAddress, "CONTRACT");
    ExecuteContract execute =
        ExecuteContract.of(contractAddress, json)
            .withFunds(contract.funds())
            .withCodeHash(contract.codeHash);
    return TxRun.run(
        context,
        node,
        flags,
        output,
        keyring.open(context),
        from,
        new TxRun.Tx() {
          @Override
          public ArrayNode summary() {
            ObjectNode message = JsonNodeFactory.instance.objectNode();
            message.put("@type", "/secret.compute.v1beta1.MsgExecuteContract");
            message.put("contract", contractAddress);
            message.put("msg", json);
            message.put("sent_funds", Coins.format(execute.funds()));
            return TxRun.summaryOf(message);
          }

          @Override
          public boolean simulates() {
            return false;
          }

          @Override
          public TxMsg message() {
            return execute;
          }

          @Override
          public ObjectNode sendAndWait(SecretNetworkClient client, TxOptions options) {
            ExecuteResult result = client.execute(execute, options);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.set("data", TxResultJson.data(result.data()));
            out.setAll(TxResultJson.of(result.response()));
            return out;
          }
        });
  }
}
