package io.arcanum.node.cli.keys;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.arcanum.node.cli.CliCommand;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.KeyringOptions;
import io.arcanum.node.cli.OutputOptions;
import io.arcanum.node.cli.keyring.KeyInfo;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code arcanum keys list}: every key, by name; never asks for a passphrase. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists the keys in the keyring (names, addresses, public keys).")
final class KeysListCommand extends CliCommand {
  @Mixin KeyringOptions keyring;
  @Mixin OutputOptions output;

  KeysListCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    io.arcanum.node.cli.keyring.Keyring ring = keyring.open(context);
    List<KeyInfo> keys = ring.list();
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    keys.forEach(key -> list.add(KeyJson.of(key)));
    if (keys.isEmpty() && !output.json()) {
      terminal().err().println("No keys in " + ring.dir());
      terminal().err().flush();
      return ExitCode.OK;
    }
    output.print(terminal(), list);
    return ExitCode.OK;
  }
}
