package io.arcanum.node.cli.tx;

import io.arcanum.client.ExecuteContract;
import io.arcanum.client.tx.Coins;
import io.arcanum.node.cli.Addresses;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.TxResultJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
final class ExecuteCommand extends SigningCommand {
  @Parameters(index = "0", paramLabel = "CONTRACT", description = "the contract's address")
  String contractAddress;

  @Parameters(index = "1", paramLabel = "JSON", description = "the execute message")
  String json;

  @Mixin SigningKeyOption key;
  @Mixin ContractArgs contract;

  ExecuteCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    Addresses.require(contractAddress, "CONTRACT");
    ExecuteContract execute =
        ExecuteContract.of(contractAddress, json)
            .withFunds(contract.funds())
            .withCodeHash(contract.codeHash());
    return broadcast(
        keyring.open(context),
        key.from,
        new Tx(
            summaryOf("/secret.compute.v1beta1.MsgExecuteContract")
                .put("contract", contractAddress)
                .put("msg", json)
                .put("sent_funds", Coins.format(execute.funds())),
            execute,
            (client, options) -> TxResultJson.of(client.execute(execute, options))));
  }
}
