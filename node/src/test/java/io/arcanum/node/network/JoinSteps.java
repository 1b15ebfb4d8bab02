package io.arcanum.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.enclave.api.EnclaveProvider;
import io.arcanum.enclave.attestation.sim.SimulatedPlatform;
import io.arcanum.node.cli.CliRun;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.home.NodeKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * The join of a spare home as its operator and a member's operator walk it with the CLI
 * (docs/network.md § Joining): enclave init, tx register through a running node, fetch-seed,
 * network admit on a member's home, network join. Before the honest registration, forged (another
 * development root), disallowed-measurement and tampered evidence for the same key is sent, and
 * every running node must refuse it and hold no seed for the key.
 */
final class JoinSteps {
  private JoinSteps() {}

  static void joinSpare(TestNetwork network, Path dir, NodeHome spare, int index) throws Exception {
    Path user = dir.resolve("user");
    String home = spare.root().toString();
    String url = network.nodes[network.running().get(0)].restUrl();
    run(
        user,
        LocalSecretAccounts.KNOWN.get(0).mnemonic() + "\n",
        0,
        "keys",
        "recover",
        "a",
        "--home",
        home);
    JsonNode init = run(user, "", 0, "enclave", "init", "--home", home, "-o", "json").json();
    String registrationKey = init.get("registration_key").asText();
    String nodeId = init.get("node_id").asText();

    byte[] reportData = new byte[64];
    System.arraycopy(Base64.getDecoder().decode(registrationKey), 0, reportData, 0, 32);
    String nodeKey;
    try (NodeKey owner = NodeKey.read(spare.nodeKeyFile())) {
      System.arraycopy(owner.publicKey().bytes(), 0, reportData, 32, 32);
      nodeKey = Base64.getEncoder().encodeToString(owner.publicKey().bytes());
    }
    long now = Instant.now().getEpochSecond();
    byte[] measurement = EnclaveProvider.load().measurement();
    byte[] honest = Files.readAllBytes(spare.attestationEvidenceFile());
    List<byte[]> refused = new ArrayList<>();
    refused.add(
        SimulatedPlatform.openOrCreate(dir.resolve("forger"), new SecureRandom())
            .evidence(measurement, reportData, now));
    refused.add(
        SimulatedPlatform.openOrCreate(spare.simulatedPlatformDir(), new SecureRandom())
            .evidence(
                MessageDigest.getInstance("SHA-256")
                    .digest("another enclave build".getBytes(StandardCharsets.UTF_8)),
                reportData,
                now));
    byte[] flipped = honest.clone();
    int bit = new Random(7).nextInt(flipped.length * 8);
    flipped[bit / 8] ^= (byte) (1 << (bit % 8));
    refused.add(flipped);
    for (byte[] evidence : refused) {
      Path file = Files.createTempFile(dir, "evidence", ".bin");
      Files.write(file, evidence);
      CliRun run =
          CliRun.piped(
              user,
              "",
              "tx",
              "register",
              "--home",
              home,
              "--from",
              "a",
              "--evidence",
              file.toString(),
              "--node",
              url);
      assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
      assertThat(run.err)
          .contains("failed with code 2 (register)")
          .contains("ATTESTATION_REJECTED");
    }
    for (int i : network.running()) {
      CliRun query =
          CliRun.piped(
              user,
              "",
              "query",
              "registration",
              "encrypted-seed",
              nodeId,
              "--node",
              network.nodes[i].restUrl());
      assertThat(query.exitCode)
          .as("v%d holds no seed for the refused key: %s", i, query)
          .isEqualTo(1);
      assertThat(query.err).contains("has not been authenticated yet");
    }

    run(user, "", 0, "tx", "register", "--home", home, "--from", "a", "--node", url);
    run(user, "", 0, "enclave", "fetch-seed", "--home", home, "--node", url);

    Path admission = dir.resolve("admission-" + index + ".json");
    String address = network.testnet.raftAddress(index);
    run(
        user,
        "",
        0,
        "network",
        "admit",
        "--home",
        network.home(0).root().toString(),
        "--node-id",
        LocalTestnet.nodeId(index),
        "--raft-address",
        address,
        "--node-key",
        nodeKey,
        "--registration-key",
        registrationKey,
        "--out",
        admission.toString());
    run(
        user,
        "",
        0,
        "network",
        "join",
        "--home",
        home,
        "--node-id",
        LocalTestnet.nodeId(index),
        "--raft-address",
        address,
        "--members",
        network.home(0).networkConfigFile().toString(),
        "--admission",
        admission.toString());
  }

  static CliRun run(Path user, String stdin, int exitCode, String... args) {
    CliRun run = CliRun.piped(user, stdin, args);
    assertThat(run.exitCode).as(run.toString()).isEqualTo(exitCode);
    return run;
  }
}
