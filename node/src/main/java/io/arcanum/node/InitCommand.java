package io.arcanum.node;

import io.arcanum.chain.app.Genesis;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveMode;
import io.arcanum.node.genesis.FundedAccount;
import io.arcanum.node.genesis.GenesisFile;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.HomeInitializer;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.join.JoiningHome;
import java.io.IOException;
import java.io.PrintWriter;
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
          + " enclave's sealed seeds (this node bootstraps the network) and config/genesis.json.",
      "With --genesis and --development-root: a home that joins that network instead (no seeds"
          + " until it is registered)."
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

  @Option(
      names = "--genesis",
      paramLabel = "FILE",
      description =
          "join the network of this genesis instead of bootstrapping one: the home gets a copy of"
              + " it and no seeds (then: arcanum enclave init, tx register, enclave fetch-seed)")
  Path genesis;

  @Option(
      names = "--development-root",
      paramLabel = "DIR",
      description =
          "with --genesis: the folder holding the network's development root (dev-root-cert.pem,"
              + " dev-root-key.pem), e.g. a network node's enclave/sim-platform; this node's"
              + " simulated SGX platform becomes a new machine under it")
  Path developmentRoot;

  @Override
  public Integer call() {
    NodeHome target =
        home != null
            ? new NodeHome(home)
            : new NodeHome(Path.of(System.getProperty("user.home"), ".arcanum"));
    if (genesis != null) {
      return join(target);
    }
    if (developmentRoot != null) {
      return usage("--development-root goes with --genesis (a home that joins a network)");
    }
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

  /** {@code init --genesis}: a home that joins the network of {@link #genesis} (docs/node.md). */
  private int join(NodeHome target) {
    if (localSecretAccounts) {
      return usage(
          "--localsecret-accounts cannot go with --genesis: the network's genesis funds"
              + " its accounts");
    }
    if (developmentRoot == null) {
      return usage(
          "--genesis needs --development-root DIR: the network's development root, under"
              + " which this node's simulated SGX platform becomes a new machine");
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      String networkChain = GenesisFile.read(genesis).chainId();
      if (spec.commandLine().getParseResult().hasMatchedOption("--chain-id")
          && !chainId.equals(networkChain)) {
        return usage("--chain-id " + chainId + " differs from the genesis's " + networkChain);
      }
      NodeConfig config =
          NodeConfig.defaults(networkChain).withEnclaveMode(EnclaveMode.parse(enclaveMode));
      JoiningHome joined = JoiningHome.init(target, config, genesis, developmentRoot);
      String machine = joined.platform().machineId();
      out.printf(
          "initialised %s to join chain %s: validator key, simulated machine under development"
              + " root %s, genesis copied; no seeds yet%n",
          target, joined.chainId(), joined.platform().rootFingerprint().substring(0, 16));
      out.printf(
          "machine id: %s (%s)%n",
          machine,
          joined.allowListed()
              ? "on the genesis's machine allow list"
              : "NOT on the genesis's machine allow list"
                  + " (app_state.registration.attestation.machine_allow_list): the network's"
                  + " enclaves will refuse its registration");
      out.printf(
          "next:%n  arcanum enclave init --home %1$s%n"
              + "  arcanum tx register --home %1$s --from <funded key> --node <REST URL of a"
              + " network node>%n"
              + "  arcanum enclave fetch-seed --home %1$s --node <REST URL>%n",
          target);
      out.flush();
      return 0;
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    } catch (ConfigException | EnclaveException | IOException e) {
      spec.commandLine().getErr().println("arcanum init: " + e.getMessage());
      return 1;
    }
  }

  private int usage(String message) {
    spec.commandLine().getErr().println("arcanum init: " + message);
    return 2;
  }

  static Genesis initialise(NodeHome home, NodeConfig config, List<FundedAccount> accounts)
      throws ConfigException, EnclaveException, IOException {
    return HomeInitializer.init(home, config, accounts, Instant.now());
  }
}
