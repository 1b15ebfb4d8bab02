package io.arcanum.node;

import io.arcanum.node.consensus.raft.MemberAdmission;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.JsonFiles;
import io.arcanum.node.home.NetworkConfig;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.home.NodeKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arcanum network}: membership of a Raft network (docs/network.md § Joining). */
@Command(
    name = "network",
    mixinStandardHelpOptions = true,
    description = "Membership of a network of validators.",
    subcommands = {NetworkCommand.Admit.class, NetworkCommand.Join.class})
final class NetworkCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: admit or join");
  }

  /** A subcommand's work; its exceptions become the documented exit codes. */
  @FunctionalInterface
  interface Work {
    void run() throws ConfigException, IOException;
  }

  /** 0 when {@code work} succeeds, 2 for a bad option value, 1 when the home cannot do it. */
  static int run(CommandSpec spec, String command, Work work) {
    try {
      work.run();
      return 0;
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(command + ": " + e.getMessage());
      return 2;
    } catch (ConfigException | IOException e) {
      spec.commandLine().getErr().println(command + ": " + e.getMessage());
      return 1;
    }
  }

  static byte[] base64(String what, String value, int length) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not base64");
    }
    if (bytes.length != length) {
      throw new IllegalArgumentException(
          what + " must be " + length + " bytes, not " + bytes.length);
    }
    return bytes;
  }

  /** Run by a member's operator: signs a new node's admission with the member's node key. */
  @Command(
      name = "admit",
      mixinStandardHelpOptions = true,
      description =
          "Signs an admission for a new node with this member's node key; the new node starts"
              + " with it as config/admission.json.")
  static final class Admit implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--home", required = true, paramLabel = "DIR", description = "a member's home")
    Path home;

    @Option(
        names = "--node-id",
        required = true,
        paramLabel = "ID",
        description = "the new node's Raft id")
    String nodeId;

    @Option(
        names = "--raft-address",
        required = true,
        paramLabel = "HOST:PORT",
        description = "where the new node listens for Raft peers")
    String raftAddress;

    @Option(
        names = "--node-key",
        required = true,
        paramLabel = "B64",
        description =
            "the new node's node key (ed25519 public key, pub_key.value of node_key.json)")
    String nodeKey;

    @Option(
        names = "--registration-key",
        required = true,
        paramLabel = "B64",
        description = "the registration key the new node's enclave registered with on chain")
    String registrationKey;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "write the admission here (default: standard output)")
    Path out;

    @Override
    public Integer call() {
      return run(spec, "arcanum network admit", this::admit);
    }

    private void admit() throws ConfigException, IOException {
      NodeHome member = new NodeHome(home);
      NetworkConfig network = NetworkConfig.read(member.networkConfigFile());
      if (network.self().isEmpty()) {
        throw new ConfigException(
            home + " is not a member listed in its own network.json; only members admit");
      }
      NodeConfig config = NodeConfig.read(member.nodeConfigFile());
      byte[] newNodeKey = base64("--node-key", nodeKey, 32);
      new NetworkConfig.Member(nodeId, raftAddress, newNodeKey); // checks the id and address
      MemberAdmission admission;
      try (NodeKey key = NodeKey.read(member.nodeKeyFile())) {
        admission =
            MemberAdmission.sign(
                config.chainId(),
                nodeId,
                raftAddress,
                newNodeKey,
                base64("--registration-key", registrationKey, 32),
                key);
      }
      byte[] json = admission.toJsonBytes();
      if (out != null) {
        JsonFiles.write(out, json, false);
        spec.commandLine().getOut().println("admission for " + nodeId + " written to " + out);
      } else {
        spec.commandLine()
            .getOut()
            .println(new String(json, java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }

  /** Run on the joining node: its network.json from a member's, and the admission in place. */
  @Command(
      name = "join",
      mixinStandardHelpOptions = true,
      description =
          "Prepares a registered node with its seed to join: writes config/network.json with the"
              + " network's members and this node's id and address, and installs the admission.")
  static final class Join implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--home",
        required = true,
        paramLabel = "DIR",
        description = "the joining node's home")
    Path home;

    @Option(
        names = "--node-id",
        required = true,
        paramLabel = "ID",
        description = "this node's Raft id")
    String nodeId;

    @Option(
        names = "--raft-address",
        required = true,
        paramLabel = "HOST:PORT",
        description = "where this node listens for Raft peers")
    String raftAddress;

    @Option(
        names = "--members",
        required = true,
        paramLabel = "FILE",
        description = "a member's config/network.json (its members list is copied)")
    Path members;

    @Option(
        names = "--admission",
        required = true,
        paramLabel = "FILE",
        description = "the admission a member signed (arcanum network admit)")
    Path admissionFile;

    @Override
    public Integer call() {
      return run(spec, "arcanum network join", this::join);
    }

    private void join() throws ConfigException, IOException {
      NodeHome target = new NodeHome(home);
      if (!target.isInitialized()) {
        throw new ConfigException(home + " is not initialised (arcanum init --genesis …)");
      }
      NetworkConfig known = NetworkConfig.read(members);
      MemberAdmission admission = MemberAdmission.read(admissionFile);
      if (!admission.nodeId().equals(nodeId) || !admission.raftAddress().equals(raftAddress)) {
        throw new ConfigException(
            admissionFile
                + " admits "
                + admission.nodeId()
                + " at "
                + admission.raftAddress()
                + ", not "
                + nodeId
                + " at "
                + raftAddress);
      }
      NetworkConfig mine =
          new NetworkConfig(nodeId, raftAddress, known.members(), known.snapshotInterval());
      mine.write(target.networkConfigFile());
      Files.copy(
          admissionFile, target.admissionFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      spec.commandLine()
          .getOut()
          .println(
              "wrote "
                  + target.networkConfigFile()
                  + " and "
                  + target.admissionFile()
                  + "; start the node with `arcanum start --home "
                  + home
                  + "`");
    }
  }
}
