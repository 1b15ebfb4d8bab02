package io.arcanum.node.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.node.home.NetworkConfig;
import io.arcanum.node.home.NodeKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RaftWireFormatsTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void blockProposalsRoundTripAndEveryTruncationIsRefused(long seed) {
    Random random = new Random(seed);
    List<byte[]> txs = new ArrayList<>();
    for (int i = 0; i < random.nextInt(5); i++) {
      byte[] tx = new byte[random.nextInt(300)];
      random.nextBytes(tx);
      txs.add(tx);
    }
    byte[] proposer = new byte[20];
    byte[] hash = new byte[32];
    random.nextBytes(proposer);
    random.nextBytes(hash);
    Block block = new Block(1 + random.nextInt(1000), random.nextLong() >>> 1, proposer, txs);
    byte[] encoded = new BlockProposal(block, hash).encode();

    BlockProposal decoded = BlockProposal.decode(encoded);
    assertThat(decoded.lastAppHash()).isEqualTo(hash);
    assertThat(decoded.block().height()).isEqualTo(block.height());
    assertThat(decoded.block().timeNanos()).isEqualTo(block.timeNanos());
    assertThat(decoded.block().proposer()).isEqualTo(proposer);
    assertThat(decoded.block().txs()).containsExactlyElementsOf(txs);
    for (int cut = 0; cut < encoded.length; cut += 1 + encoded.length / 40) {
      byte[] shorter = java.util.Arrays.copyOf(encoded, cut);
      assertThatThrownBy(() -> BlockProposal.decode(shorter))
          .isInstanceOf(IllegalArgumentException.class);
    }
    byte[] longer = java.util.Arrays.copyOf(encoded, encoded.length + 1);
    assertThatThrownBy(() -> BlockProposal.decode(longer)).hasMessageContaining("trailing bytes");
  }

  @Test
  void forwardedCheckResultsKeepCodeCodespaceLogAndGas() {
    TxResult result =
        new TxResult(5, "sdk", "insufficient funds: ü", null, 200_000, 41_234, List.of());
    TxResult back = NodeRequest.decodeResult(NodeRequest.encodeResult(result));
    assertThat(back.code()).isEqualTo(5);
    assertThat(back.codespace()).isEqualTo("sdk");
    assertThat(back.log()).isEqualTo("insufficient funds: ü");
    assertThat(back.gasWanted()).isEqualTo(200_000);
    assertThat(back.gasUsed()).isEqualTo(41_234);
    assertThatThrownBy(() -> NodeRequest.decode(new byte[] {9}))
        .hasMessageContaining("unknown node request");
  }

  @Test
  void anAdmissionVerifiesOnlyForItsChainSignerAndExactFields() {
    SecureRandom random = new SecureRandom();
    try (NodeKey member = NodeKey.generate(random);
        NodeKey stranger = NodeKey.generate(random);
        NodeKey joiner = NodeKey.generate(random)) {
      byte[] registration = new byte[32];
      random.nextBytes(registration);
      List<NetworkConfig.Member> members =
          List.of(new NetworkConfig.Member("v0", "127.0.0.1:26656", member.publicKey().bytes()));
      MemberAdmission admission =
          MemberAdmission.sign(
              "net-1", "v3", "127.0.0.1:26659", joiner.publicKey().bytes(), registration, member);
      assertThat(admission.refusal("net-1", members)).isNull();
      assertThat(MemberAdmission.fromJsonBytes(admission.toJsonBytes()).refusal("net-1", members))
          .isNull();
      assertThat(admission.refusal("net-2", members)).contains("for chain net-1");

      MemberAdmission bySomeoneElse =
          MemberAdmission.sign(
              "net-1", "v3", "127.0.0.1:26659", joiner.publicKey().bytes(), registration, stranger);
      assertThat(bySomeoneElse.refusal("net-1", members)).contains("not signed by a member");

      MemberAdmission otherAddress =
          new MemberAdmission(
              "net-1",
              "v3",
              "10.0.0.9:26659",
              joiner.publicKey().bytes(),
              registration,
              admission.signer(),
              admission.signature());
      assertThat(otherAddress.refusal("net-1", members)).contains("signature does not verify");
      byte[] flipped = registration.clone();
      flipped[7] ^= 1;
      MemberAdmission otherKey =
          new MemberAdmission(
              "net-1",
              "v3",
              "127.0.0.1:26659",
              joiner.publicKey().bytes(),
              flipped,
              admission.signer(),
              admission.signature());
      assertThat(otherKey.refusal("net-1", members)).contains("signature does not verify");
    }
    assertThatThrownBy(() -> MemberAdmission.fromJsonBytes("{\"chain_id\":\"x\"}".getBytes()))
        .hasMessageContaining("\"node_id\" is missing");
    assertThatThrownBy(() -> MemberAdmission.fromJsonBytes("nope".getBytes()))
        .hasMessageContaining("not JSON");
  }

  @Test
  void snapshotArchivesRoundTripAndRefuseEntriesOutsideTheirDirectory(@TempDir Path dir)
      throws IOException {
    Path checkpoint = Files.createDirectories(dir.resolve("checkpoint"));
    Files.writeString(checkpoint.resolve("000012.sst"), "table");
    Files.writeString(checkpoint.resolve("CURRENT"), "MANIFEST-000005\n");
    Path archive = dir.resolve("snapshot.1_20");
    SnapshotArchive.pack(checkpoint, archive);
    Path unpacked = dir.resolve("unpacked");
    SnapshotArchive.unpack(archive, unpacked);
    assertThat(Files.readString(unpacked.resolve("000012.sst"))).isEqualTo("table");
    assertThat(Files.readString(unpacked.resolve("CURRENT"))).isEqualTo("MANIFEST-000005\n");

    Path evil = dir.resolve("evil.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(evil))) {
      zip.putNextEntry(new ZipEntry("../outside"));
      zip.write(1);
      zip.closeEntry();
    }
    assertThatThrownBy(() -> SnapshotArchive.unpack(evil, dir.resolve("x")))
        .hasMessageContaining("unexpected entry: ../outside");
    assertThat(dir.resolve("outside")).doesNotExist();
  }
}
