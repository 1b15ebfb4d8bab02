package io.arcanum.node.cli.tx;

import io.arcanum.client.BankSend;
import io.arcanum.client.tx.Coins;
import io.arcanum.node.cli.Addresses;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.TxResultJson;
import io.arcanum.node.cli.keyring.Keyring;
import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code arcanum tx bank send FROM TO AMOUNT}, as secretcli's. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = "Sends coins, e.g. tx bank send a secret1… 1000uscrt.")
final class BankSendCommand extends SigningCommand {
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
    return broadcast(
        ring,
        from,
        new Tx(
            summaryOf("/cosmos.bank.v1beta1.MsgSend")
                .put("to_address", recipient)
                .put("amount", Coins.format(coins)),
            new BankSend(recipient, coins),
            (client, options) -> TxResultJson.of(client.bankSend(recipient, coins, options))));
  }
}
