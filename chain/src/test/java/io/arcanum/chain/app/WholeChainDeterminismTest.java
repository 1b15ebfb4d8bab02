package io.arcanum.chain.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.app.WholeChainBlocks.Kind;
import io.arcanum.chain.app.WholeChainBlocks.Planned;
import io.arcanum.proto.secret.compute.v1beta1.QuerySecretContractRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two nodes of the whole application (auth, bank, compute, registration) with real enclaves — each
 * its own RocksDB directory and its own {@code InProcessEnclave}, the second holding the network's
 * seeds because it registered on chain — fed the same seeded random blocks: transfers, uploads (raw
 * and gzip), instantiates, encrypted executes with contract errors, contract-to-contract calls with
 * replies, and txs that fail in the ante handler, in a message or out of gas. At every height they
 * agree on the app hash, every tx result (code, codespace, log, data, gas, events) and every stored
 * byte, encrypted contract state included; the second node is restarted from disk, and loses a
 * finalized block, midway.
 */
class WholeChainDeterminismTest {
  @TempDir Path dir;

  static final int BLOCKS = 24;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {20261124, 7})
  void twoNodesWithEnclavesAgreeOnEveryHashResultAndByte(long seed) throws Exception {
    SecretTestNetwork net = SecretTestNetwork.create(dir, 2);
    Map<Kind, Set<String>> outcomes = new EnumMap<>(Kind.class);
    try (TestChain first = net.open(0)) {
      byte[] genesisHash = first.app.info().lastAppHash();
      // Block 1 registers the second node; it installs the seed the chain stored for it.
      byte[] registration = net.registrationTx(1, 0);
      BlockResult block1 = first.block(registration);
      assertThat(block1.txResults().get(0).code()).as(block1.txResults().get(0).log()).isZero();
      assertThat(net.installSeedsFrom(1, first)).isEqualTo(net.keys);

      try (TestChain second = net.open(1)) {
        assertThat(second.app.info().lastAppHash()).isEqualTo(genesisHash);
        agree(first, second, block1, second.block(registration));

        WholeChainBlocks generator = new WholeChainBlocks(seed, SecretTestNetwork.txKey(first));
        for (int height = 2; height <= BLOCKS; height++) {
          generator.sync(first);
          List<Planned> planned =
              switch (height) {
                case 2 -> generator.uploads();
                case 3 -> generator.instantiates();
                default -> generator.block();
              };
          byte[][] txs = planned.stream().map(Planned::tx).toArray(byte[][]::new);
          BlockResult a = first.block(txs);
          generator.observe(a);
          if (height == 10) {
            second.reopen(); // a restart: new enclave instance, seeds unsealed from disk
          }
          if (height == 17) {
            // a crash after finalizing, before committing: the block is lost and replayed
            second.finalize(txs);
            second.reopen();
            assertThat(second.height()).isEqualTo(16);
          }
          BlockResult b = second.block(txs);
          agree(first, second, a, b);
          for (int i = 0; i < planned.size(); i++) {
            TxResult r = a.txResults().get(i);
            outcomes
                .computeIfAbsent(planned.get(i).kind(), k -> new TreeSet<>())
                .add(r.codespace() + " " + r.code());
          }
        }

        // The blocks held what they were meant to: every kind ran, with its expected outcomes.
        assertThat(outcomes.get(Kind.STORE)).contains(" 0");
        assertThat(outcomes.get(Kind.SEND)).containsOnly(" 0");
        assertThat(outcomes.get(Kind.SEND_BAD_SEQUENCE)).containsOnly("sdk 32");
        assertThat(outcomes.get(Kind.SEND_UNPAID_FEE)).containsOnly("sdk 5");
        assertThat(outcomes.get(Kind.SEND_TOO_MUCH)).containsOnly("sdk 5");
        assertThat(outcomes.get(Kind.SEND_OUT_OF_GAS)).containsOnly("sdk 11");
        assertThat(outcomes.get(Kind.INCREMENT)).containsOnly(" 0");
        assertThat(outcomes.get(Kind.INSTANTIATE)).containsOnly(" 0");
        assertThat(outcomes.get(Kind.RESET_BY_OWNER)).containsOnly(" 0");
        assertThat(outcomes.get(Kind.RESET_BY_OTHER)).containsOnly("compute 3");
        assertThat(outcomes.get(Kind.TRANSFER)).containsOnly(" 0");
        assertThat(outcomes.get(Kind.TRANSFER_TOO_MUCH)).containsOnly("compute 3");
        assertThat(outcomes.get(Kind.INSTANTIATE_DUPLICATE_LABEL)).containsOnly("compute 6");
        assertThat(outcomes.get(Kind.INSTANTIATE_UNKNOWN_CODE)).containsOnly("compute 9");
        assertThat(outcomes.get(Kind.EXECUTE_UNKNOWN_CONTRACT)).containsOnly("compute 9");
        assertThat(outcomes.get(Kind.EXECUTE_WRONG_CODE_HASH)).containsOnly("compute 3");
        assertThat(outcomes.get(Kind.EXECUTE_OUT_OF_GAS)).containsOnly("sdk 11");
        assertThat(outcomes.get(Kind.CALL_INCREMENT)).containsOnly(" 0");
        assertThat(outcomes.get(Kind.CALL_FAILING_REPLIED)).containsOnly(" 0");
        assertThat(outcomes.get(Kind.CALL_FAILING_UNREPLIED)).containsOnly("compute 3");

        // Contract state is stored encrypted, and both nodes hold the same ciphertext.
        String contractState =
            HexFormat.of().formatHex("compute/".getBytes(StandardCharsets.US_ASCII)) + "03";
        assertThat(first.state().keySet()).anyMatch(k -> k.startsWith(contractState));

        // Both enclaves answer the same encrypted query with the same ciphertext.
        byte[] query = generator.encrypt("counter", "{\"get_count\":{}}");
        QueryResponse fromFirst = smartQuery(first, generator.counter(), query);
        QueryResponse fromSecond = smartQuery(second, generator.counter(), query);
        assertThat(fromFirst.code()).as(fromFirst.log()).isZero();
        assertThat(fromSecond.value()).isEqualTo(fromFirst.value());
      }
    }
  }

  /** The two nodes' blocks and everything they stored are the same. */
  private static void agree(TestChain first, TestChain second, BlockResult a, BlockResult b) {
    long height = a.height();
    assertThat(b.appHash()).as("app hash at height %d", height).isEqualTo(a.appHash());
    assertThat(b.txResults().stream().map(TestChain::summary))
        .as("results at height %d", height)
        .containsExactlyElementsOf(a.txResults().stream().map(TestChain::summary).toList());
    Map<String, String> state = first.state();
    assertThat(second.state()).as("state at height %d", height).isEqualTo(state);
  }

  static QueryResponse smartQuery(TestChain chain, byte[] contract, byte[] query) {
    return chain.query(
        "/secret.compute.v1beta1.Query/QuerySecretContract",
        QuerySecretContractRequest.newBuilder()
            .setContractAddress(TestTxs.bech32(contract))
            .setQuery(ByteString.copyFrom(query))
            .build(),
        0);
  }
}
