package io.arcanum.node.cli.tx;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.client.BankSend;
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
import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code arcanum tx bank send FROM TO AMOUNT}, as secretcli's. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = "Sends coins, e.g. tx bank send a secret1… 1000uscrt.")
final class BankSendCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "FROM", description = "the sending key's name or address")
  String from;

  @Parameters(
      index = "1",
      paramLabel = "TO",
      description = "the recipient: an address or a key name")
  String to;

  @Parameters(
      index = "2",
      paramLabel = "AMOUNT",
      description = "coins, e.g. 1000uscrt or 5uscrt,7ufoo")
  String amount;

  @Mixin KeyringOptions keyring;
  @Mixin NodeOptions node;
  @Mixin TxFlags flags;
  @Mixin OutputOptions output;

  BankSendCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    Keyring ring = keyring.open(context);
    String recipient = Addresses.resolve(to, ring, "recipient");
    List<Coin> coins;
    try {
      coins = Coins.parse(amount);
    } catch (IllegalArgumentException e) {
      throw usage("AMOUNT: " + e.getMessage());
    }
    if (coins.isEmpty()) {
      throw usage("AMOUNT must name at least one coin, like 1000uscrt");
    }
    BankSend send = new BankSend(recipient, coins);
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
            message.put("@type", "/cosmos.bank.v1beta1.MsgSend");
            message.put("to_address", recipient);
            message.put("amount", Coins.format(coins));
            return TxRun.summaryOf(message);
          }

          @Override
          public TxMsg message() {
            return send;
          }

          @Override
          public ObjectNode sendAndWait(SecretNetworkClient client, TxOptions options) {
            return TxResultJson.of(client.bankSend(recipient, coins, options));
          }
        });
  }
}
