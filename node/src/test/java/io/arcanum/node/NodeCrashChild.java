package io.arcanum.node;

import io.arcanum.chain.abci.AppInfo;
import io.arcanum.chain.abci.Application;
import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.QueryRequest;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.app.ChainApp;
import io.arcanum.node.app.ChainAppFactory;
import io.arcanum.node.consensus.ExecutorBlockScheduler;
import io.arcanum.node.consensus.SoloDriver;
import io.arcanum.node.home.NodeHome;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Run by {@link NodeCrashTest} in its own JVM until killed: the real node ({@link NodeRunner},
 * {@link ChainAppFactory}, the in-process enclave, the real block scheduler) on an initialised
 * home, with a thread feeding {@link CrashFeed}'s sends into the driver's mempool as fast as blocks
 * take them.
 *
 * <p>Around every commit it appends to the report file, one unbuffered write per line: {@code
 * commit <height>} just before the commit starts, and {@code <height> <app hash> <tx hash>:<code>…}
 * once it has returned. A file keeps what a killed process wrote; the tail of a pipe may be lost
 * (see the chain's {@code CrashChild}). Standard output only says {@code started} once running.
 */
public final class NodeCrashChild {
  private NodeCrashChild() {}

  public static void main(String[] args) throws Exception {
    NodeHome home = new NodeHome(Path.of(args[0]));
    FileOutputStream report = new FileOutputStream(args[1], true);
    CrashFeed traffic =
        new CrashFeed(NodeCrashTest.ioKey(home), Files.readAllBytes(Path.of(args[2])));
    ChainApp[] chain = new ChainApp[1];
    NodeRunner node =
        NodeRunner.start(
            home,
            environment -> {
              chain[0] = (ChainApp) new ChainAppFactory().open(environment);
              return new Reporting(chain[0], report);
            },
            0,
            SoloDriver::systemNanos,
            ExecutorBlockScheduler::new);
    Thread feeder =
        Thread.ofPlatform().daemon().name("feeder").start(() -> feed(node, chain[0], traffic));
    if (CrashFeed.sequence(chain[0], CrashFeed.CONTRACT_SENDER) >= 2) {
      // Once the counter exists, a query first has the enclave compile it, so the kills land
      // among blocks of steady traffic rather than in the first contract call's compilation.
      traffic.count(chain[0]);
    }
    System.out.println("started " + node.driver().height());
    System.out.flush();
    node.awaitStopped();
    // Only a failed block stops the node before the kill.
    System.err.println("the node stopped: " + node.driver().failure());
    feeder.interrupt();
    System.exit(3);
  }

  /** Submits each sender's next send while the mempool holds fewer than two blocks' worth. */
  static void feed(NodeRunner node, ChainApp app, CrashFeed traffic) {
    long[] sequences = new long[CrashFeed.SENDERS];
    for (int sender = 0; sender < CrashFeed.SENDERS; sender++) {
      sequences[sender] = CrashFeed.sequence(app, sender);
    }
    int limit = 2 * NodeCrashTest.MAX_BLOCK_TXS;
    try {
      for (int sender = 0; ; sender = (sender + 1) % CrashFeed.SENDERS) {
        while (node.driver().pendingTxs() >= limit) {
          Thread.sleep(1);
        }
        TxResult result = node.driver().submit(traffic.tx(sender, sequences[sender]));
        if (!result.isOk()) {
          System.err.println("refused: " + result.code() + " " + result.log());
          System.exit(4);
        }
        sequences[sender]++;
      }
    } catch (InterruptedException | IllegalStateException stopping) {
      // the node stopped
    }
  }

  /** The application, with the report lines written around each commit. */
  static final class Reporting implements Application {
    private final Application inner;
    private final FileOutputStream report;
    private Block block;
    private BlockResult result;

    Reporting(Application inner, FileOutputStream report) {
      this.inner = inner;
      this.report = report;
    }

    @Override
    public BlockResult finalizeBlock(Block block) {
      this.block = block;
      this.result = inner.finalizeBlock(block);
      return result;
    }

    @Override
    public long commit() {
      write("commit " + block.height());
      long height = inner.commit();
      StringBuilder line = new StringBuilder();
      line.append(height).append(' ').append(HexFormat.of().formatHex(result.appHash()));
      for (int i = 0; i < block.txs().size(); i++) {
        line.append(' ')
            .append(HexFormat.of().formatHex(SignedTxs.sha256(block.txs().get(i))))
            .append(':')
            .append(result.txResults().get(i).code());
      }
      write(line.toString());
      return height;
    }

    private void write(String line) {
      try {
        report.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public AppInfo info() {
      return inner.info();
    }

    @Override
    public TxResult checkTx(byte[] tx) {
      return inner.checkTx(tx);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
      return inner.query(request);
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
