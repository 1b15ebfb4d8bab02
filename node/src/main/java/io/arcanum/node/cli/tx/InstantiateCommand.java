package io.arcanum.node.cli.tx;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.client.InstantiateContract;
import io.arcanum.client.InstantiateResult;
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
import io.arcanum.node.cli.keyring.Keyring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code arcanum tx compute instantiate CODE_ID JSON --label L --from KEY}: the init message is
 * encrypted for the code's hash; prints the new contract's address and its decrypted output.
 */
@Command(
    name = "instantiate",
    aliases = "init",
    mixinStandardHelpOptions = true,
    description = "Creates a contract of stored code; the init message is encrypted.")
final class InstantiateCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "CODE_ID", description = "the stored code")
  long codeId;

  @Parameters(index = "1", paramLabel = "JSON", description = "the init message")
  String json;

  @Option(
      names = "--label",
      required = true,
      paramLabel = "LABEL",
      description = "a label unique on the chain")
  String label;

  @Option(
      names = "--admin",
      paramLabel = "ADDRESS",
      description = "who may migrate it: an address or key name (default: none)")
  String admin;

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

  InstantiateCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    Keyring ring = keyring.open(context);
    InstantiateContract init =
        InstantiateContract.of(codeId, json, label)
            .withFunds(contract.funds())
            .withCodeHash(contract.codeHash)
            .withAdmin(admin == null ? "" : Addresses.resolve(admin, ring, "admin"));
    return TxRun.run(
        context,
        node,
        flags,
        output,
        ring,
        from,
        new TxRun.Tx() {
          @Override
          public ArrayNode summary() {
            ObjectNode message = JsonNodeFactory.instance.objectNode();
            message.put("@type", "/secret.compute.v1beta1.MsgInstantiateContract");
            message.put("code_id", Long.toUnsignedString(codeId));
            message.put("label", label);
            message.put("init_msg", json);
            message.put("init_funds", Coins.format(init.funds()));
            message.put("admin", init.admin());
            return TxRun.summaryOf(message);
          }

          @Override
          public boolean simulates() {
            return false;
          }

          @Override
          public TxMsg message() {
            return init;
          }

          @Override
          public ObjectNode sendAndWait(SecretNetworkClient client, TxOptions options) {
            InstantiateResult result = client.instantiate(init, options);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("contract_address", result.contractAddress());
            out.set("data", TxResultJson.data(result.data()));
            out.setAll(TxResultJson.of(result.response()));
            return out;
          }
        });
  }
}
