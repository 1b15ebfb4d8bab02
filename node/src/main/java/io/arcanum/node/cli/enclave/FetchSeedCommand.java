package io.arcanum.node.cli.enclave;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.node.cli.CliCommand;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.NodeHomeOption;
import io.arcanum.node.cli.NodeUrlOption;
import io.arcanum.node.cli.OutputOptions;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.join.LcdSeedSource;
import io.arcanum.node.join.SeedFetcher;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code arcanum enclave fetch-seed --home H --node URL} (protocol.md §4.3; secretd's {@code
 * configure-secret} and the seed installation at start in one step): reads the seed the network
 * encrypted for this enclave from any node, installs it with the seed-exchange key from this home's
 * genesis (never the node's word), and checks the enclave now derives genesis's keys.
 */
@Command(
    name = "fetch-seed",
    mixinStandardHelpOptions = true,
    description =
        "Installs the network's consensus seed, encrypted for this enclave by its registration,"
            + " read from the node's REST API and checked against the home's genesis.")
final class FetchSeedCommand extends CliCommand {
  @Mixin NodeHomeOption home;
  @Mixin NodeUrlOption node;
  @Mixin OutputOptions output;

  FetchSeedCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    NodeHome target = home.home(context);
    String url = node.url();
    SeedFetcher.InstalledSeeds installed;
    try {
      installed = SeedFetcher.fetch(target, LcdSeedSource.of(url));
    } catch (Exception e) {
      throw JoinFailures.of(e);
    }
    Base64.Encoder b64 = Base64.getEncoder();
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (installed.registrationKey().length > 0) {
      out.put("node_id", installed.nodeId());
    }
    out.put("seeds", installed.seeds());
    out.put("node_exch_master_key", b64.encodeToString(installed.keys().seedExchangeKey()));
    out.put("io_master_key", b64.encodeToString(installed.keys().ioExchangeKey()));
    out.put("already_installed", installed.alreadyInstalled());
    output.print(terminal(), out);
    terminal()
        .err()
        .println(
            installed.alreadyInstalled()
                ? "The enclave already held the network's seeds; nothing was fetched."
                : "The enclave holds the network's seeds: this node can start.");
    terminal().err().flush();
    return ExitCode.OK;
  }
}
