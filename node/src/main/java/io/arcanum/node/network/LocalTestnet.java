package io.arcanum.node.network;

import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.node.genesis.FundedAccount;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.NetworkConfig;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.join.NetworkGenesis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code arcanum testnet}'s network on loopback (docs/network.md § A local testnet): validator
 * homes {@code v0 … v(N-1)} under one folder, registered with each other in genesis by the ceremony
 * ({@link NetworkGenesis}), each with a {@code network.json} naming all of them; and spare homes
 * {@code v(N) …} on genesis's machine allow list, ready to walk the join. Node {@code i} listens
 * for Raft on {@code raftBasePort + i} and serves REST on {@code restBasePort + i}.
 */
public record LocalTestnet(
    Path directory, int validators, int spares, int raftBasePort, int restBasePort) {

  public LocalTestnet {
    if (validators < 1 || validators > 9) {
      throw new IllegalArgumentException("--validators must be between 1 and 9");
    }
    if (spares < 0 || validators + spares > 16) {
      throw new IllegalArgumentException("--spares must be between 0 and " + (16 - validators));
    }
    if (raftBasePort < 1024 || raftBasePort + validators + spares > 65535) {
      throw new IllegalArgumentException("the Raft ports must lie between 1024 and 65535");
    }
    if (restBasePort < 1024 || restBasePort + validators + spares > 65535) {
      throw new IllegalArgumentException("the REST ports must lie between 1024 and 65535");
    }
  }

  public NodeHome home(int index) {
    return new NodeHome(directory.resolve(nodeId(index)));
  }

  public static String nodeId(int index) {
    return "v" + index;
  }

  public String raftAddress(int index) {
    return "127.0.0.1:" + (raftBasePort + index);
  }

  public List<NodeHome> validatorHomes() {
    return IntStream.range(0, validators).mapToObj(this::home).toList();
  }

  public List<NodeHome> spareHomes() {
    return IntStream.range(validators, validators + spares).mapToObj(this::home).toList();
  }

  /** Whether the testnet was created already (every validator home is initialised). */
  public boolean exists() {
    return validatorHomes().stream().allMatch(NodeHome::isInitialized);
  }

  /**
   * Creates the homes: the ceremony, then each home's ports and each validator's network.json.
   *
   * @param config every node's settings but the REST port
   * @param snapshotInterval blocks between Raft snapshots
   */
  public NetworkGenesis create(
      NodeConfig config, List<FundedAccount> accounts, Instant genesisTime, long snapshotInterval)
      throws ConfigException, EnclaveException, IOException {
    Files.createDirectories(directory);
    NetworkGenesis genesis =
        NetworkGenesis.create(validatorHomes(), spareHomes(), config, accounts, genesisTime);
    List<NetworkConfig.Member> members = new ArrayList<>();
    for (int i = 0; i < validators; i++) {
      members.add(
          new NetworkConfig.Member(
              nodeId(i), raftAddress(i), genesis.validators().get(i).validatorKey()));
    }
    for (int i = 0; i < validators + spares; i++) {
      NodeHome home = home(i);
      Files.delete(home.nodeConfigFile());
      config.withRest(config.restAddress(), restBasePort + i).write(home.nodeConfigFile());
      if (i < validators) {
        new NetworkConfig(nodeId(i), raftAddress(i), members, snapshotInterval)
            .write(home.networkConfigFile());
      }
    }
    return genesis;
  }
}
