package io.arcanum.node.cli.tx;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.client.InstantiateContract;
import io.arcanum.client.InstantiateResult;
import io.arcanum.client.tx.Coins;
import io.arcanum.node.cli.Addresses;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.ExitCode;
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
final class InstantiateCommand extends SigningCommand {
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

  @Mixin SigningKeyOption key;
  @Mixin ContractArgs contract;

  InstantiateCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    Keyring ring = keyring.open(context);
    InstantiateContract init =
        InstantiateContract.of(codeId, json, label)
            .withFunds(contract.funds())
            .withCodeHash(contract.codeHash())
            .withAdmin(admin == null ? "" : Addresses.resolve(admin, ring, "admin"));
    return broadcast(
        ring,
        key.from,
        new Tx(
            summaryOf("/secret.compute.v1beta1.MsgInstantiateContract")
                .put("code_id", Long.toUnsignedString(codeId))
                .put("label", label)
                .put("init_msg", json)
                .put("init_funds", Coins.format(init.funds()))
                .put("admin", init.admin()),
            init,
            (client, options) -> {
              InstantiateResult result = client.instantiate(init, options);
              ObjectNode out = JsonNodeFactory.instance.objectNode();
              out.put("contract_address", result.contractAddress());
              out.setAll(TxResultJson.of(result));
              return out;
            }));
  }
}
