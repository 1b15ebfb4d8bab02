package io.arcanum.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.chain.abci.AppInfo;
import io.arcanum.chain.abci.Application;
import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.QueryRequest;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.node.app.AppEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A deterministic stand-in for the chain application in tests: its app hash chains SHA-256 over
 * each block's height and txs, and it persists its last commit to {@code counter.json} in the data
 * directory, so a restarted node resumes where it stopped. It checks what a real application checks
 * of its driver: next height, time not going back, commit after finalize.
 */
public final class CounterApp implements Application {
  private static final ObjectMapper JSON = new ObjectMapper();

  final String chainId;
  private final Path file;
  private long height;
  private byte[] hash;
  private long timeNanos;
  private Block pending;
  private byte[] pendingHash;
  public volatile boolean closed;
  public final List<Block> blocks = new ArrayList<>();

  public CounterApp(AppEnvironment environment) {
    this(
        environment.dataDirectory(),
        environment.genesis().chainId(),
        environment.genesis().genesisTimeNanos());
  }

  public CounterApp(Path dataDirectory, String chainId, long genesisTimeNanos) {
    this.chainId = chainId;
    this.file = dataDirectory.resolve("counter.json");
    try {
      if (Files.exists(file)) {
        var json = JSON.readTree(Files.readString(file));
        height = json.get("height").asLong();
        hash = HexFormat.of().parseHex(json.get("app_hash").asText());
        timeNanos = json.get("time").asLong();
      } else {
        height = 0;
        hash = sha256(chainId.getBytes());
        timeNanos = genesisTimeNanos;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized AppInfo info() {
    return new AppInfo(chainId, height, hash, timeNanos);
  }

  @Override
  public TxResult checkTx(byte[] tx) {
    boolean ok = tx.length > 0 && tx[0] != 0;
    return new TxResult(
        ok ? 0 : 2, ok ? "" : "sdk", ok ? "" : "tx parse error", null, 0, 0, List.of());
  }

  @Override
  public synchronized BlockResult finalizeBlock(Block block) {
    if (block.height() != height + 1 || block.timeNanos() < timeNanos || pending != null) {
      throw new IllegalStateException(
          "block "
              + block.height()
              + " at "
              + block.timeNanos()
              + " after "
              + height
              + " at "
              + timeNanos);
    }
    MessageDigest digest = digest();
    digest.update(hash);
    digest.update(ByteBuffer.allocate(8).putLong(block.height()).array());
    block.txs().forEach(digest::update);
    pending = block;
    pendingHash = digest.digest();
    List<TxResult> results = block.txs().stream().map(this::checkTx).toList();
    return new BlockResult(block.height(), results, List.of(), pendingHash);
  }

  @Override
  public synchronized long commit() {
    if (pending == null) {
      throw new IllegalStateException("commit without a finalized block");
    }
    ObjectNode json = JSON.createObjectNode();
    json.put("height", pending.height());
    json.put("app_hash", HexFormat.of().formatHex(pendingHash));
    json.put("time", pending.timeNanos());
    try {
      Path temp = file.resolveSibling("counter.json.tmp");
      Files.writeString(temp, json.toString());
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    height = pending.height();
    hash = pendingHash;
    timeNanos = pending.timeNanos();
    blocks.add(pending);
    pending = null;
    return height;
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    return new QueryResponse(6, "sdk", "unknown request", null, height, null);
  }

  @Override
  public void close() {
    closed = true;
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] data) {
    return digest().digest(data);
  }
}
