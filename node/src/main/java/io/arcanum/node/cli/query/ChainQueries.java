package io.arcanum.node.cli.query;

import io.arcanum.client.lcd.LcdClient;
import io.arcanum.node.cli.Addresses;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.CliException;
import io.arcanum.node.cli.KeyringOptions;
import io.arcanum.node.cli.NodeOptions;
import io.arcanum.node.cli.OutputOptions;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code arcanum query …}: the chain's queries (docs/cli.md). Answers are printed as the node's
 * REST API gives them; addresses may also be key names from the keyring.
 */
@Command(
    name = "query",
    aliases = "q",
    mixinStandardHelpOptions = true,
    description = "Queries the chain through the node's REST API.",
    subcommands = {
      ComputeQueries.class,
      ChainQueries.Bank.class,
      ChainQueries.Registration.class,
      QueryTxCommand.class
    })
public final class ChainQueries implements Runnable {
  private final CliContext context;

  @Spec CommandSpec spec;

  ChainQueries(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a query: compute, bank, account, block, tx or registration");
  }

  @Command(
      name = "account",
      mixinStandardHelpOptions = true,
      description = "An account's number, sequence and public key.")
  int account(
      @Parameters(paramLabel = "ADDRESS", description = "an address or a key name") String address,
      @Mixin KeyringOptions keyring,
      @Mixin NodeOptions node,
      @Mixin OutputOptions output) {
    return Routes.print(
        context,
        node,
        output,
        () ->
            "/cosmos/auth/v1beta1/accounts/"
                + Addresses.resolve(address, keyring.open(context), "ADDRESS"));
  }

  @Command(
      name = "block",
      mixinStandardHelpOptions = true,
      description = "A block by height, or the latest.")
  int block(
      @Parameters(
              arity = "0..1",
              paramLabel = "HEIGHT",
              description = "the height (default: latest)")
          String height,
      @Mixin NodeOptions node,
      @Mixin OutputOptions output) {
    return Routes.print(
        context,
        node,
        output,
        () ->
            "/cosmos/base/tendermint/v1beta1/blocks/"
                + (height == null ? "latest" : checkHeight(height)));
  }

  private static String checkHeight(String height) throws CliException {
    try {
      if (Long.parseLong(height) >= 1) {
        return height;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw CliException.usage("HEIGHT must be a block height (1 or more), got '" + height + "'");
  }

  /** {@code arcanum query bank …}. */
  @Command(name = "bank", mixinStandardHelpOptions = true, description = "Bank queries.")
  static final class Bank implements Runnable {
    private final CliContext context;

    @Spec CommandSpec spec;

    Bank(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "name a bank query: balances");
    }

    @Command(
        name = "balances",
        aliases = "balance",
        mixinStandardHelpOptions = true,
        description = "An account's balances (every denom, or --denom).")
    int balances(
        @Parameters(paramLabel = "ADDRESS", description = "an address or a key name")
            String address,
        @Option(names = "--denom", paramLabel = "DENOM", description = "only this denom")
            String denom,
        @Mixin KeyringOptions keyring,
        @Mixin NodeOptions node,
        @Mixin OutputOptions output) {
      return Routes.answer(
          context,
          output,
          () -> {
            String balances =
                "/cosmos/bank/v1beta1/balances/"
                    + Addresses.resolve(address, keyring.open(context), "ADDRESS");
            LcdClient lcd = node.queryClient().lcd();
            return denom == null
                ? lcd.get(balances)
                : lcd.get(balances + "/by_denom", Map.of("denom", denom));
          });
    }
  }

  /** {@code arcanum query registration …} (secretcli: {@code query register}). */
  @Command(
      name = "registration",
      aliases = "register",
      mixinStandardHelpOptions = true,
      description = "The network's registration keys.")
  static final class Registration implements Runnable {
    private final CliContext context;

    @Spec CommandSpec spec;

    Registration(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "name a registration query: tx-key, registration-key or encrypted-seed");
    }

    @Command(
        name = "tx-key",
        mixinStandardHelpOptions = true,
        description = "The network's X25519 IO key, which contract messages are encrypted to.")
    int txKey(@Mixin NodeOptions node, @Mixin OutputOptions output) {
      return Routes.print(context, node, output, () -> "/registration/v1beta1/tx-key");
    }

    @Command(
        name = "registration-key",
        mixinStandardHelpOptions = true,
        description = "The key new nodes' seeds are encrypted to.")
    int registrationKey(@Mixin NodeOptions node, @Mixin OutputOptions output) {
      return Routes.print(context, node, output, () -> "/registration/v1beta1/registration-key");
    }

    @Command(
        name = "encrypted-seed",
        mixinStandardHelpOptions = true,
        description = "The consensus seed as encrypted for a registered node.")
    int encryptedSeed(
        @Parameters(
                paramLabel = "PUBKEY",
                description =
                    "the node's registration public key: hex (the node_id, 0x optional) or base64")
            String pubkey,
        @Mixin NodeOptions node,
        @Mixin OutputOptions output) {
      return Routes.print(
          context,
          node,
          output,
          () -> "/registration/v1beta1/encrypted-seed/" + Routes.segment(registrationKey(pubkey)));
    }

    /**
     * The route's {@code pub_key} is a {@code bytes} path parameter, read as base64 (standard or
     * URL-safe); a hex key (as the registration event's {@code node_id} shows it) is converted.
     */
    private static String registrationKey(String text) {
      String hex = text.startsWith("0x") ? text.substring(2) : text;
      if (hex.matches("[0-9a-fA-F]{64}")) {
        return java.util.Base64.getUrlEncoder()
            .encodeToString(java.util.HexFormat.of().parseHex(hex));
      }
      return text;
    }
  }
}
