package io.arcanum.node;

import io.arcanum.chain.app.Genesis;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveMode;
import io.arcanum.node.genesis.FundedAccount;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.HomeInitializer;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arcanum init}: creates a node home (docs/node.md). */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Creates a node home: config/node.json, the validator key, the simulated SGX platform, the"
          + " enclave's sealed seeds (this node bootstraps the network) and config/genesis.json."
    })
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "the home folder (default: ~/.arcanum)")
  Path home;

  @Option(
      names = "--chain-id",
      paramLabel = "ID",
      defaultValue = "secretdev-1",
      description = "the chain id (default: ${DEFAULT-VALUE})")
  String chainId;

  @Option(
      names = "--enclave",
      paramLabel = "MODE",
      defaultValue = "in-process",
      description = "where the enclave runs: in-process or process (default: ${DEFAULT-VALUE})")
  String enclaveMode;

  @Option(
      names = "--localsecret-accounts",
      description = "fund LocalSecret's accounts a, b, c, d and validator with 10^18 uscrt each")
  boolean localSecretAccounts;

  @Override
  public Integer call() {
    NodeHome target =
        home != null
            ? new NodeHome(home)
            : new NodeHome(Path.of(System.getProperty("user.home"), ".arcanum"));
    try {
      NodeConfig config =
          NodeConfig.defaults(chainId).withEnclaveMode(EnclaveMode.parse(enclaveMode));
      List<FundedAccount> accounts =
          localSecretAccounts ? LocalSecretAccounts.accounts() : List.of();
      Genesis genesis = initialise(target, config, accounts);
      spec.commandLine()
          .getOut()
          .printf(
              "initialised %s for chain %s (%d funded accounts)%n",
              target, genesis.chainId(), accounts.size());
      return 0;
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("arcanum init: " + e.getMessage());
      return 2;
    } catch (ConfigException | EnclaveException | IOException e) {
      spec.commandLine().getErr().println("arcanum init: " + e.getMessage());
      return 1;
    }
  }

  static Genesis initialise(NodeHome home, NodeConfig config, List<FundedAccount> accounts)
      throws ConfigException, EnclaveException, IOException {
    return HomeInitializer.init(home, config, accounts, Instant.now());
  }
}
