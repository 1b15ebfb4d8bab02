package io.arcanum.node;

import io.arcanum.node.app.ApplicationFactory;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.NodeHome;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code arcanum start}: runs the node on an initialised home as its configuration says — a network
 * member when the home has {@code config/network.json} (docs/network.md), a solo validator
 * otherwise — with the REST API on {@code node.json}'s address and port.
 */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the node on an initialised home: a member of a Raft network if config/network.json"
          + " exists, a single validator otherwise."
    })
final class StartCommand implements Callable<Integer> {
  private final ApplicationFactory factory;

  @Spec CommandSpec spec;

  @Option(names = "--home", paramLabel = "DIR", required = true, description = "the node's home")
  Path home;

  @Option(
      names = "--rest-port",
      paramLabel = "PORT",
      description = "serve the REST API on this port (default: node.json's rest_port)")
  Integer restPort;

  @Option(
      names = "--rest-address",
      paramLabel = "HOST",
      description = "listen on this address (default: node.json's rest_address)")
  String restAddress;

  StartCommand(ApplicationFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    try {
      NodeRunner node =
          NodeRunner.startServing(new NodeHome(home), factory, 0, restAddress, restPort);
      return RunningNodes.runUntilStopped(
          List.of(node), spec.commandLine().getErr(), "arcanum start");
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("arcanum start: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }
}
