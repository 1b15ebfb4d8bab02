package io.arcanum.node;

import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveMode;
import io.arcanum.node.app.ApplicationFactory;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code arcanum dev}: a LocalSecret-style chain in one process (docs/node.md). The first run
 * initialises the home as LocalSecret does (chain {@code secretdev-1}, accounts a, b, c, d and
 * validator funded); every run continues from the last committed block, serving the REST API (LCD)
 * secret.js talks to on {@code node.json}'s {@code rest_address}:{@code rest_port} (default every
 * interface, port 1317, as LocalSecret publishes it). Ctrl-C stops cleanly.
 */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a single-validator development chain (chain id secretdev-1, LocalSecret's accounts),"
          + " initialising the home on first use and continuing from its last block after."
    })
final class DevCommand implements Callable<Integer> {
  static final String CHAIN_ID = "secretdev-1";

  private final ApplicationFactory factory;

  @Spec CommandSpec spec;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "the home folder (default: ~/.arcanum-dev)")
  Path home;

  @Option(
      names = "--enclave",
      paramLabel = "MODE",
      description = "on first run: in-process (default) or process; later node.json decides")
  String enclaveMode;

  @Option(
      names = "--reset",
      description = "delete the home's chain first and start a fresh one (new keys, height 0)")
  boolean reset;

  @Option(
      names = "--rest-port",
      paramLabel = "PORT",
      description =
          "serve the REST API on this port for this run (default: node.json's rest_port,"
              + " 1317)")
  Integer restPort;

  @Option(
      names = "--rest-address",
      paramLabel = "HOST",
      description =
          "listen on this address for this run (default: node.json's rest_address,"
              + " 0.0.0.0 = every interface; 127.0.0.1 keeps it on this machine)")
  String restAddress;

  @Option(
      names = "--halt-height",
      paramLabel = "H",
      defaultValue = "0",
      description = "stop cleanly after committing height H (0: run until Ctrl-C)")
  long haltHeight;

  DevCommand(ApplicationFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    NodeHome target = home != null ? new NodeHome(home) : NodeHome.defaultDev();
    try {
      if (reset) {
        reset(target);
      }
      if (!target.isInitialized()) {
        NodeConfig config = NodeConfig.defaults(CHAIN_ID);
        if (enclaveMode != null) {
          config = config.withEnclaveMode(EnclaveMode.parse(enclaveMode));
        }
        InitCommand.initialise(target, config, LocalSecretAccounts.accounts());
      }
      NodeRunner node = NodeRunner.startServing(target, factory, haltHeight, restAddress, restPort);
      return RunningNodes.runUntilStopped(
          List.of(node), spec.commandLine().getErr(), "arcanum dev");
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("arcanum dev: " + e.getMessage());
      return 2;
    } catch (ConfigException | EnclaveException | IOException e) {
      spec.commandLine().getErr().println("arcanum dev: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  /** Deletes an Arcanum home; refuses a folder that does not look like one. */
  static void reset(NodeHome home) throws IOException, ConfigException {
    if (!Files.exists(home.root())) {
      return;
    }
    if (!Files.isDirectory(home.configDir()) && !Files.isDirectory(home.enclaveDir())) {
      throw new ConfigException(
          home + " does not look like an Arcanum home (no config/ or enclave/); not deleting it");
    }
    try (Stream<Path> walk = Files.walk(home.root())) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
