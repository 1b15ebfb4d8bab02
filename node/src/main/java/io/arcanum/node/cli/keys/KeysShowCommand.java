package io.arcanum.node.cli.keys;

import io.arcanum.node.cli.CliCommand;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.KeyringOptions;
import io.arcanum.node.cli.OutputOptions;
import io.arcanum.node.cli.keyring.KeyInfo;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code arcanum keys show NAME|ADDRESS [-a|-p]}. {@code -a} prints the bare address, for {@code
 * $(arcanum keys show a -a)} in scripts, as secretcli does.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Shows a key's name, address and public key; never its private key.")
final class KeysShowCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "NAME|ADDRESS", description = "the key's name or address")
  String key;

  @ArgGroup(exclusive = true)
  Only only;

  static final class Only {
    @Option(
        names = {"-a", "--address"},
        description = "print only the address")
    boolean address;

    @Option(
        names = {"-p", "--pubkey"},
        description = "print only the public key (Cosmos JSON)")
    boolean pubkey;
  }

  @Mixin KeyringOptions keyring;
  @Mixin OutputOptions output;

  KeysShowCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    KeyInfo info = keyring.open(context).get(key);
    if (only != null && only.address) {
      terminal().out().println(info.bech32Address());
      terminal().out().flush();
    } else if (only != null && only.pubkey) {
      // one JSON line whatever the output format, as secretcli prints it
      terminal().out().println(KeyJson.pubkey(info));
      terminal().out().flush();
    } else {
      output.print(terminal(), KeyJson.of(info));
    }
    return ExitCode.OK;
  }
}
