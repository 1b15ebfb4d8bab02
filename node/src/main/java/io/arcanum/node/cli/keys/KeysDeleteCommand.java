package io.arcanum.node.cli.keys;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.node.cli.CliCommand;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.KeyringOptions;
import io.arcanum.node.cli.OutputOptions;
import io.arcanum.node.cli.keyring.KeyInfo;
import io.arcanum.node.cli.keyring.Keyring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code arcanum keys delete NAME [-y]}. Asks first on a terminal; a script must pass {@code -y},
 * since a deleted key without its mnemonic is gone for good.
 */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Deletes a key from the keyring (its mnemonic still recovers it).")
final class KeysDeleteCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "NAME|ADDRESS", description = "the key's name or address")
  String key;

  @Option(
      names = {"-y", "--yes"},
      description = "delete without asking (required when not on a terminal)")
  boolean yes;

  @Mixin KeyringOptions keyring;
  @Mixin OutputOptions output;

  KeysDeleteCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    Keyring ring = keyring.open(context);
    KeyInfo info = ring.get(key);
    if (!yes) {
      if (!terminal().interactive()) {
        throw usage("deleting a key needs --yes when not run on a terminal");
      }
      if (!terminal().confirm("Delete key '" + info.name() + "' (" + info.bech32Address() + ")?")) {
        terminal().err().println("Not deleted.");
        terminal().err().flush();
        return ExitCode.ABORTED;
      }
    }
    ring.delete(info.name());
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("deleted", info.name());
    json.put("address", info.bech32Address());
    output.print(terminal(), json);
    return ExitCode.OK;
  }
}
