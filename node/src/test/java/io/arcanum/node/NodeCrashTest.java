package io.arcanum.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.chain.app.ChainApp;
import io.arcanum.chain.blocks.BlockRecord;
import io.arcanum.chain.blocks.TxRecord;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.node.consensus.BlockLimits;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.proto.cosmos.tx.v1beta1.AuthInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real node, killed with SIGKILL at random moments while signed bank transfers and contract
 * calls stream through it ({@link NodeCrashChild}; short blocks, and every other kill aimed at a
 * commit in progress), recovers a whole block. After every kill the home reopens at the last height
 * the child reported, or the one it had started to commit; app hashes, block records and the tx
 * index agree with the report; balances equal an independent replay of the committed txs and sum to
 * genesis's supply; the counter contract's count equals its committed increments; each sender's
 * committed txs are exactly its sequence 0, 1, 2, … of the feed (none lost, none twice); and the
 * next run continues from there.
 */
@Timeout(300)
class NodeCrashTest {
  static final int MAX_BLOCK_TXS = 10;
  private static final int ROUNDS = 16;

  /** Rounds always run, however slow the machine … */
  private static final int MIN_ROUNDS = 8;

  /** … and no round starts after this (the rounds take about 40 s on a developer machine). */
  private static final int BUDGET_SECONDS = 60;

  private static final BigInteger TOTAL = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(5));

  /** The fee collector's address: the first 20 bytes of SHA-256 of the module's name (SDK). */
  static final String FEE_COLLECTOR =
      new CosmosAddress(Arrays.copyOf(SignedTxs.sha256("fee_collector".getBytes()), 20))
          .toBech32("secret");

  static final Path WASM = Path.of("..", "contracts", "counter", "counter.wasm").toAbsolutePath();

  @TempDir Path dir;

  /** What the replay knows: the last verified height, balances, each sender's next sequence. */
  private final Map<String, BigInteger> balances = new HashMap<>();

  private final long[] nextSequence = new long[CrashFeed.SENDERS];
  private CrashFeed feed;
  private long recovered;
  private int durableBeforeReport;

  @Test
  void aKilledNodeReopensAtItsLastCommittedBlockWithItsTxsAndBalances() throws Exception {
    NodeHome home =
        TestNode.init(
            dir.resolve("home"),
            NodeConfig.defaults(SignedTxs.CHAIN_ID)
                .withBlockIntervals(Duration.ofMillis(50), Duration.ofMillis(1))
                .withBlockLimits(new BlockLimits(MAX_BLOCK_TXS, 1_000_000)));
    feed = new CrashFeed(ioKey(home), Files.readAllBytes(WASM));
    for (int account = 0; account < 5; account++) {
      balances.put(SignedTxs.bech32(account), BigInteger.TEN.pow(18));
    }
    balances.put(FEE_COLLECTOR, BigInteger.ZERO);

    Random random = new Random(20261124);
    int killedInCommit = 0;
    long txs = 0;
    int rounds = 0;
    long budget = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS);
    for (int round = 0; round < ROUNDS; round++, rounds++) {
      if (round >= MIN_ROUNDS && System.nanoTime() > budget) {
        break; // a slow machine runs fewer rounds rather than a long test
      }
      // Every other kill waits for a commit to start, so many land inside one.
      List<String> lines = runAndKill(home, round, 100 + random.nextInt(900), round % 2 == 1);
      Round seen = Round.parse(lines, recovered);
      killedInCommit += seen.committing() != 0 ? 1 : 0;
      txs += verify(home, seen, round);
    }
    System.out.printf(
        "NodeCrashTest: %d rounds, %d blocks, %d txs, %d kills during a commit (%d of them after"
            + " it was durable)%n",
        rounds, recovered, txs, killedInCommit, durableBeforeReport);
    assertThat(txs).as("txs committed over all rounds").isPositive();

    try (TestNode node = TestNode.start(home)) { // and the chain goes on
      RecheckWithTheChainTest.assertOk(node.node.driver().submit(feed.tx(0, nextSequence[0])));
      node.block();
      node.block();
      assertThat(node.height()).isEqualTo(recovered + 2);
      TxRecord record =
          node.app.blockStore().tx(SignedTxs.sha256(feed.tx(0, nextSequence[0]))).orElseThrow();
      assertThat(record.height()).isEqualTo(recovered + 1);
      assertThat(record.result().code()).isZero();
    }
  }

  /** One run's report: the reported blocks, and the height it was committing when killed. */
  record Round(List<Reported> blocks, long committing) {
    static Round parse(List<String> lines, long previous) {
      List<Reported> blocks = new ArrayList<>();
      long committing = 0;
      long last = previous;
      for (String line : lines) {
        String[] parts = line.split(" ");
        if (parts[0].equals("commit")) {
          committing = Long.parseLong(parts[1]);
          assertThat(committing).as("the commit after %d", last).isEqualTo(last + 1);
        } else {
          Reported block = Reported.parse(parts);
          assertThat(block.height()).as("a report after %d", last).isEqualTo(last + 1);
          assertThat(committing).isEqualTo(block.height());
          blocks.add(block);
          committing = 0;
          last = block.height();
        }
      }
      return new Round(blocks, committing);
    }

    long lastReported(long previous) {
      return blocks.isEmpty() ? previous : blocks.get(blocks.size() - 1).height();
    }
  }

  /** A report line: height, app hash, and each tx's hash and result code. */
  record Reported(long height, String appHash, List<String> txHashes, List<Integer> codes) {
    static Reported parse(String[] parts) {
      List<String> hashes = new ArrayList<>();
      List<Integer> codes = new ArrayList<>();
      for (int i = 2; i < parts.length; i++) {
        String[] tx = parts[i].split(":");
        hashes.add(tx[0]);
        codes.add(Integer.parseInt(tx[1]));
      }
      return new Reported(Long.parseLong(parts[0]), parts[1], hashes, codes);
    }
  }

  /**
   * Reopens the home after a kill and checks it against the report and the replay.
   *
   * @return the txs committed since the previous round
   */
  private long verify(NodeHome home, Round round, int number) throws Exception {
    long reported = round.lastReported(recovered);
    long txs = 0;
    try (TestNode node = TestNode.start(home)) {
      ChainApp app = node.app;
      long height = app.info().lastHeight();
      if (round.committing() != 0) {
        assertThat(height)
            .as("round %d, killed committing", number)
            .isBetween(reported, reported + 1);
      } else {
        assertThat(height).as("round %d", number).isEqualTo(reported);
      }
      for (Reported block : round.blocks()) {
        BlockRecord record = app.blockStore().block(block.height()).orElseThrow();
        assertThat(hex(record.appHash())).isEqualTo(block.appHash());
        assertThat(record.txHashes().stream().map(NodeCrashTest::hex).toList())
            .isEqualTo(block.txHashes());
        for (int i = 0; i < block.txHashes().size(); i++) {
          TxRecord tx = app.blockStore().tx(block.txHashes().get(i)).orElseThrow();
          assertThat(tx.height()).isEqualTo(block.height());
          assertThat(tx.index()).isEqualTo(i);
          assertThat(tx.result().code()).isEqualTo(block.codes().get(i)).isZero();
        }
      }
      if (height > 0) { // (killed before block 1, the store is still empty)
        BlockRecord last = app.blockStore().block(height).orElseThrow();
        assertThat(last.appHash()).isEqualTo(app.info().lastAppHash());
      }
      if (height == reported && !round.blocks().isEmpty()) {
        assertThat(hex(app.info().lastAppHash())).isEqualTo(round.blocks().getLast().appHash());
      }

      for (long h = recovered + 1; h <= height; h++) {
        for (byte[] hash : app.blockStore().block(h).orElseThrow().txHashes()) {
          TxRecord tx = app.blockStore().tx(hash).orElseThrow();
          assertThat(SignedTxs.sha256(tx.tx())).isEqualTo(hash);
          assertThat(tx.result().code()).as(tx.result().log()).isZero();
          expectNextOfTheFeed(tx.tx());
          CrashFeed.replay(tx.tx(), balances, FEE_COLLECTOR);
          txs++;
        }
      }
      BigInteger sum = BigInteger.ZERO;
      for (Map.Entry<String, BigInteger> expected : balances.entrySet()) {
        BigInteger balance = TestNode.balance(app, expected.getKey());
        assertThat(balance).as("balance of %s", expected.getKey()).isEqualTo(expected.getValue());
        sum = sum.add(balance);
      }
      assertThat(sum).isEqualTo(TOTAL);
      long increments = Math.max(0, nextSequence[CrashFeed.CONTRACT_SENDER] - 2);
      if (nextSequence[CrashFeed.CONTRACT_SENDER] >= 2) {
        assertThat(feed.count(app)).as("the counter").isEqualTo(1 + increments);
      }
      recovered = height;
    }
    return txs;
  }

  /** A committed tx must be its sender's next tx of the feed, byte for byte. */
  private void expectNextOfTheFeed(byte[] tx) throws Exception {
    TxRaw raw = TxRaw.parseFrom(tx);
    String from = CrashFeed.signer(raw);
    long sequence = AuthInfo.parseFrom(raw.getAuthInfoBytes()).getSignerInfos(0).getSequence();
    int sender = -1;
    for (int account = 0; account < CrashFeed.SENDERS; account++) {
      if (SignedTxs.bech32(account).equals(from)) {
        sender = account;
      }
    }
    assertThat(sender).as("a sender of the feed").isNotNegative();
    assertThat(sequence).as("sequence of %s", from).isEqualTo(nextSequence[sender]);
    assertThat(tx).isEqualTo(feed.tx(sender, sequence));
    nextSequence[sender]++;
  }

  /**
   * Starts the child on {@code home}, kills it {@code millis} after it is running or, if {@code
   * atCommit}, as soon after that as the report shows a commit has started.
   */
  private List<String> runAndKill(NodeHome home, int round, long millis, boolean atCommit)
      throws IOException, InterruptedException {
    Path report = dir.resolve("report-" + round + ".txt");
    Path errors = dir.resolve("stderr-" + round + ".txt");
    Files.createFile(report);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child =
        new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                NodeCrashChild.class.getName(),
                home.root().toString(),
                report.toString(),
                WASM.toString())
            .redirectError(errors.toFile())
            .start();
    List<String> out = new java.util.concurrent.CopyOnWriteArrayList<>();
    Object started = new Object();
    Thread reader =
        Thread.ofPlatform()
            .start(
                () -> {
                  try (BufferedReader lines =
                      new BufferedReader(
                          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                      out.add(line);
                      synchronized (started) {
                        started.notifyAll();
                      }
                    }
                  } catch (IOException closedByKill) {
                    // the pipe breaks when the child dies
                  }
                });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    synchronized (started) {
      while (out.stream().noneMatch(l -> l.startsWith("started"))
          && child.isAlive()
          && System.nanoTime() < deadline) {
        started.wait(50);
      }
    }
    assertThat(out.stream().anyMatch(l -> l.startsWith("started")))
        .as("the child started; its errors: %s", Files.readString(errors))
        .isTrue();
    Thread.sleep(millis);
    if (atCommit) {
      awaitCommitStarted(report, lineCount(report));
    }
    assertThat(child.isAlive())
        .as("the child runs; its errors: %s", Files.readString(errors))
        .isTrue();
    child.destroyForcibly(); // SIGKILL on Linux
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    reader.join(TimeUnit.SECONDS.toMillis(30));
    return Files.readAllLines(report, StandardCharsets.UTF_8);
  }

  /**
   * Polls the report until a line {@code commit <h>} beyond the first {@code seen} lines is the
   * last one (a commit in progress), or a few seconds pass: aims a kill into a commit without
   * relying on how long anything takes.
   */
  private static void awaitCommitStarted(Path report, int seen)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
      if (lines.size() > seen && lines.getLast().startsWith("commit ")) {
        return;
      }
      Thread.sleep(Duration.ofNanos(200_000));
    }
  }

  private static int lineCount(Path report) throws IOException {
    return Files.readAllLines(report, StandardCharsets.UTF_8).size();
  }

  /** The network's IO key from the home's genesis. */
  static byte[] ioKey(NodeHome home) throws Exception {
    return io.arcanum.node.genesis.GenesisFile.registration(
            io.arcanum.node.genesis.GenesisFile.read(home.genesisFile()), home.genesisFile())
        .masterKeys()
        .ioExchangeKey();
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
