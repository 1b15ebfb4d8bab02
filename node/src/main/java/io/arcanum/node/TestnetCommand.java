package io.arcanum.node;

import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.node.app.ApplicationFactory;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.NetworkConfig;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.network.LocalTestnet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code arcanum testnet --validators N}: a network of N validators on loopback ports in this one
 * process, each with its own home, enclave and store, agreeing through Raft (docs/network.md). The
 * first run creates the homes (the genesis ceremony registers every validator's enclave); later
 * runs continue. Spare homes are left ready to walk the join.
 */
@Command(
    name = "testnet",
    mixinStandardHelpOptions = true,
    description = {
      "Runs an N-validator network on loopback ports (Raft among the validators, each with its own"
          + " enclave), creating it on first use."
    })
final class TestnetCommand implements Callable<Integer> {
  private final ApplicationFactory factory;

  @Spec CommandSpec spec;

  @Option(
      names = "--validators",
      paramLabel = "N",
      defaultValue = "3",
      description = "validators on first run (default 3; 1-9)")
  int validators;

  @Option(
      names = "--spares",
      paramLabel = "K",
      defaultValue = "1",
      description = "homes left ready to join, on the machine allow list (default 1)")
  int spares;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "where the homes live (default: ~/.arcanum-testnet)")
  Path dir;

  @Option(
      names = "--raft-port",
      paramLabel = "PORT",
      defaultValue = "26656",
      description = "validator i listens for Raft on PORT+i (default 26656)")
  int raftPort;

  @Option(
      names = "--rest-port",
      paramLabel = "PORT",
      defaultValue = "1317",
      description = "validator i serves REST on PORT+i (default 1317, as LocalSecret)")
  int restPort;

  @Option(names = "--reset", description = "delete the testnet's homes first and create anew")
  boolean reset;

  TestnetCommand(ApplicationFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Path folder = dir != null ? dir : Path.of(System.getProperty("user.home"), ".arcanum-testnet");
    List<NodeRunner> nodes = new ArrayList<>();
    try {
      if (reset) {
        for (Path p : existingHomes(folder)) {
          DevCommand.reset(new NodeHome(p));
        }
      }
      LocalTestnet testnet = new LocalTestnet(folder, validators, spares, raftPort, restPort);
      int count = validators;
      if (!testnet.exists()) {
        testnet.create(
            NodeConfig.defaults(DevCommand.CHAIN_ID),
            LocalSecretAccounts.accounts(),
            Instant.now(),
            NetworkConfig.DEFAULT_SNAPSHOT_INTERVAL);
        out.println("created a " + validators + "-validator testnet in " + folder);
      } else {
        count =
            (int)
                existingHomes(folder).stream()
                    .filter(p -> java.nio.file.Files.exists(new NodeHome(p).networkConfigFile()))
                    .count();
      }
      for (int i = 0; i < count; i++) {
        NodeHome home = testnet.home(i);
        nodes.add(NodeRunner.startServing(home, factory, 0, null, null));
        out.println(
            "  "
                + LocalTestnet.nodeId(i)
                + "  home "
                + home
                + "  REST http://127.0.0.1:"
                + nodes.get(i).restAddress().map(a -> a.getPort()).orElse(0)
                + "  Raft "
                + testnet.raftAddress(i));
      }
      out.flush();
      return RunningNodes.runUntilStopped(nodes, err, "arcanum testnet");
    } catch (IllegalArgumentException e) {
      nodes.forEach(NodeRunner::close);
      err.println("arcanum testnet: " + e.getMessage());
      return 2;
    } catch (ConfigException | EnclaveException | IOException e) {
      nodes.forEach(NodeRunner::close);
      err.println("arcanum testnet: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      nodes.forEach(NodeRunner::close);
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  private static List<Path> existingHomes(Path folder) throws IOException {
    if (!java.nio.file.Files.isDirectory(folder)) {
      return List.of();
    }
    try (var listing = java.nio.file.Files.list(folder)) {
      return listing.filter(p -> p.getFileName().toString().matches("v[0-9]+")).sorted().toList();
    }
  }
}
