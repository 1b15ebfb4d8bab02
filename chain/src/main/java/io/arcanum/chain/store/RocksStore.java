package io.arcanum.chain.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * The {@link AuthenticatedStore} on RocksDB: a Jellyfish-style Merkle tree whose nodes are never
 * overwritten (so old versions stay readable), a flat index of the latest values for reads and
 * iteration, and one {@link WriteBatch} per commit (docs/store.md).
 */
public final class RocksStore implements AuthenticatedStore {
  private static final byte[] LATEST = "latest".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EARLIEST = "earliest".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NOTHING = new byte[0];

  /**
   * Internal nodes kept decoded, with their inner hashes: a full one takes about 2.2 KB, deeper
   * ones far less (≈ 25 MB for a 100 000-key store's 33 000 nodes; at most ≈ 70 MB). It holds the
   * top four levels (4 369 nodes) of any tree with room to spare.
   */
  private static final int CACHED_NODES = 32_768;

  /** Stale marks deleted per batch while pruning, to bound a batch's memory. */
  private static final int PRUNE_BATCH = 10_000;

  /** The last committed version and its root ({@code root} null for an empty tree). */
  private record Head(long version, ChildRef root) {
    byte[] rootHash() {
      return root == null ? TreeHash.empty() : root.hash().clone();
    }
  }

  private final RocksDatabase db;
  private final StoreOptions options;
  private final NodeReader nodes = this::loadNode;
  private final NodeCache cache = new NodeCache(CACHED_NODES);
  private final TreeMap<byte[], byte[]> pending = new TreeMap<>(Arrays::compareUnsigned);
  private final TreeMap<byte[], byte[]> pendingAux = new TreeMap<>(Arrays::compareUnsigned);

  /** The tree update of {@link #pending}, once {@link #stagedRootHash} computed it. */
  private TreeUpdater.Result prepared;

  private final Set<StoreIterator> openIterators = ConcurrentHashMap.newKeySet();
  private volatile Head head;
  private volatile long earliest;
  private volatile boolean closed;

  private RocksStore(RocksDatabase db, StoreOptions options) {
    this.db = db;
    this.options = options;
    byte[] latest = db.get(db.meta, LATEST);
    if (latest == null) {
      initialize();
      latest = NodeKey.longBytes(0);
    }
    long version = NodeKey.readLong(latest, 0);
    this.earliest = NodeKey.readLong(db.get(db.meta, EARLIEST), 0);
    this.head = new Head(version, readRoot(version));
  }

  /**
   * Opens (creating if needed) the store in {@code directory} with {@link StoreOptions#defaults}.
   */
  public static RocksStore open(Path directory) {
    return open(directory, StoreOptions.defaults());
  }

  public static RocksStore open(Path directory, StoreOptions options) {
    RocksDatabase db = RocksDatabase.open(directory);
    try {
      return new RocksStore(db, options);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** A new store records version 0, the empty tree, so every version has a record. */
  private void initialize() {
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(db.versions, NodeKey.longBytes(0), VersionRecords.encodeRoot(null));
      batch.put(db.meta, EARLIEST, NodeKey.longBytes(0));
      batch.put(db.meta, LATEST, NodeKey.longBytes(0));
      db.write(batch, true);
    } catch (RocksDBException e) {
      throw new StoreException("cannot initialize the store", e);
    }
  }

  @Override
  public long version() {
    return head.version();
  }

  @Override
  public byte[] rootHash() {
    return head.rootHash();
  }

  @Override
  public byte[] rootHash(long version) {
    ChildRef root = rootAt(version);
    return root == null ? TreeHash.empty() : root.hash().clone();
  }

  @Override
  public long earliestVersion() {
    return earliest;
  }

  @Override
  public byte[] get(byte[] key) {
    checkKey(key);
    ensureOpen();
    return db.get(db.latest, key);
  }

  @Override
  public byte[] get(byte[] key, long version) {
    checkKey(key);
    LeafNode leaf = TreeReader.find(nodes, rootAt(version), TreeHash.keyHash(key));
    return leaf == null ? null : leaf.value();
  }

  @Override
  public StoreIterator range(byte[] fromInclusive, byte[] toExclusive) {
    ensureOpen();
    byte[] from = fromInclusive == null ? null : fromInclusive.clone();
    byte[] to = toExclusive == null ? null : toExclusive.clone();
    RocksIterator cursor = db.iterator(db.latest);
    StoreIterator iterator = new RocksRangeIterator(cursor, from, to, openIterators::remove);
    openIterators.add(iterator);
    return iterator;
  }

  @Override
  public StoreIterator prefix(byte[] prefix) {
    return range(prefix, prefixEnd(prefix));
  }

  /** The smallest key above every key starting with {@code prefix}; null if there is none. */
  public static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xff) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    return null;
  }

  @Override
  public synchronized void put(byte[] key, byte[] value) {
    checkKey(key);
    if (value == null || value.length == 0) {
      throw new IllegalArgumentException("values must not be empty; delete the key instead");
    }
    pending.put(key.clone(), value.clone());
    prepared = null;
  }

  @Override
  public synchronized void delete(byte[] key) {
    checkKey(key);
    pending.put(key.clone(), null);
    prepared = null;
  }

  @Override
  public synchronized void discardPending() {
    pending.clear();
    pendingAux.clear();
    prepared = null;
  }

  @Override
  public synchronized byte[] stagedRootHash() {
    ensureOpen();
    ChildRef root = prepare().root();
    return root == null ? TreeHash.empty() : root.hash().clone();
  }

  private TreeUpdater.Result prepare() {
    if (prepared == null) {
      prepared = TreeUpdater.apply(nodes, head.root(), head.version() + 1, changes());
    }
    return prepared;
  }

  private List<Change> changes() {
    List<Change> changes = new ArrayList<>(pending.size());
    for (Map.Entry<byte[], byte[]> write : pending.entrySet()) {
      byte[] value = write.getValue();
      changes.add(
          value == null ? Change.delete(write.getKey()) : Change.put(write.getKey(), value));
    }
    return changes;
  }

  @Override
  public synchronized void putAux(byte[] key, byte[] value) {
    checkKey(key);
    if (value == null) {
      throw new IllegalArgumentException("aux values must not be null; delete the key instead");
    }
    pendingAux.put(key.clone(), value.clone());
  }

  @Override
  public synchronized void deleteAux(byte[] key) {
    checkKey(key);
    pendingAux.put(key.clone(), null);
  }

  @Override
  public byte[] getAux(byte[] key) {
    checkKey(key);
    ensureOpen();
    return db.get(db.aux, key);
  }

  @Override
  public StoreIterator auxRange(byte[] fromInclusive, byte[] toExclusive) {
    ensureOpen();
    byte[] from = fromInclusive == null ? null : fromInclusive.clone();
    byte[] to = toExclusive == null ? null : toExclusive.clone();
    StoreIterator iterator =
        new RocksRangeIterator(db.iterator(db.aux), from, to, openIterators::remove);
    openIterators.add(iterator);
    return iterator;
  }

  @Override
  public synchronized CommitId commit() {
    ensureOpen();
    long version = head.version() + 1;
    List<Change> changes = changes();
    TreeUpdater.Result update = prepare();
    byte[] versionKey = NodeKey.longBytes(version);
    try (WriteBatch batch = new WriteBatch()) {
      for (TreeUpdater.Written node : update.written()) {
        batch.put(db.nodes, node.key().encode(), NodeCodec.encode(node.node()));
      }
      for (NodeKey node : update.stale()) {
        batch.put(db.stale, VersionRecords.staleKey(version, node), NOTHING);
      }
      for (Change change : changes) {
        if (change.isPut()) {
          batch.put(db.latest, change.key(), change.value());
        } else {
          batch.delete(db.latest, change.key());
        }
      }
      for (Map.Entry<byte[], byte[]> record : pendingAux.entrySet()) {
        if (record.getValue() == null) {
          batch.delete(db.aux, record.getKey());
        } else {
          batch.put(db.aux, record.getKey(), record.getValue());
        }
      }
      batch.put(db.versions, versionKey, VersionRecords.encodeRoot(update.root()));
      batch.put(db.meta, LATEST, versionKey);
      db.write(batch, options.syncCommits());
    } catch (RocksDBException e) {
      throw new StoreException("commit of version " + version + " failed", e);
    }
    head = new Head(version, update.root());
    pending.clear();
    pendingAux.clear();
    prepared = null;
    for (TreeUpdater.Written node : update.written()) {
      if (node.node() instanceof InternalNode internal) {
        cache.put(node.key(), internal); // the next block starts from these
      }
    }
    if (options.keepRecent() > 0 && version - options.keepRecent() + 1 > earliest) {
      pruneBefore(version - options.keepRecent() + 1);
    }
    return new CommitId(version, head.rootHash());
  }

  @Override
  public Proof prove(byte[] key, long version) {
    if (key == null) {
      throw new IllegalArgumentException("key must not be null");
    }
    return TreeReader.prove(nodes, rootAt(version), TreeHash.keyHash(key));
  }

  /**
   * First moves the floor and drops the version records in one batch, so no version is ever
   * advertised whose nodes may be gone; then deletes the nodes only those versions used, in bounded
   * batches. A crash in between leaves unused nodes behind that the next prune removes.
   */
  @Override
  public synchronized void pruneBefore(long version) {
    ensureOpen();
    if (version > head.version()) {
      throw new IllegalArgumentException(
          "cannot prune before " + version + ": the latest version is " + head.version());
    }
    if (version <= earliest) {
      return;
    }
    try (WriteBatch batch = new WriteBatch()) {
      batch.deleteRange(db.versions, NodeKey.longBytes(earliest), NodeKey.longBytes(version));
      batch.put(db.meta, EARLIEST, NodeKey.longBytes(version));
      db.write(batch, options.syncCommits());
    } catch (RocksDBException e) {
      throw new StoreException("pruning before " + version + " failed", e);
    }
    earliest = version;
    deleteStaleNodes(version);
  }

  /** Deletes nodes marked stale at or before {@code version}: no version from it on uses them. */
  private void deleteStaleNodes(long version) {
    try (RocksIterator cursor = db.iterator(db.stale)) {
      cursor.seekToFirst();
      while (cursor.isValid() && NodeKey.readLong(cursor.key(), 0) <= version) {
        try (WriteBatch batch = new WriteBatch()) {
          for (int n = 0;
              n < PRUNE_BATCH && cursor.isValid() && NodeKey.readLong(cursor.key(), 0) <= version;
              n++) {
            byte[] mark = cursor.key();
            batch.delete(db.nodes, NodeKey.decode(mark, Long.BYTES).encode());
            batch.delete(db.stale, mark);
            cursor.next();
          }
          db.write(batch, false);
        } catch (RocksDBException e) {
          throw new StoreException("pruning nodes failed", e);
        }
      }
      cursor.status();
    } catch (RocksDBException e) {
      throw new StoreException("pruning nodes failed", e);
    }
  }

  /**
   * Copies the committed state — every kept version and the auxiliary records — into the new
   * directory {@code target}, which {@link #open} then opens as a store at the same version. Staged
   * changes are not included.
   */
  public synchronized void checkpoint(java.nio.file.Path target) {
    if (closed) {
      throw new IllegalStateException("the store is closed");
    }
    db.checkpoint(target);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (StoreIterator iterator : List.copyOf(openIterators)) {
      iterator.close();
    }
    db.close();
  }

  /** Tree nodes on disk, for tests that check pruning frees what it should. */
  synchronized long storedNodeCount() {
    ensureOpen();
    long count = 0;
    try (RocksIterator cursor = db.iterator(db.nodes)) {
      for (cursor.seekToFirst(); cursor.isValid(); cursor.next()) {
        count++;
      }
    }
    return count;
  }

  private ChildRef rootAt(long version) {
    Head current = head;
    if (version == current.version()) {
      return current.root();
    }
    if (version < earliest || version > current.version()) {
      throw new VersionUnavailableException(version, earliest, current.version());
    }
    return readRoot(version);
  }

  private ChildRef readRoot(long version) {
    ensureOpen();
    byte[] record = db.get(db.versions, NodeKey.longBytes(version));
    if (record == null) {
      throw new VersionUnavailableException(version, earliest, head.version());
    }
    return VersionRecords.decodeRoot(record);
  }

  private Node loadNode(NodeKey key) {
    InternalNode cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    ensureOpen();
    byte[] bytes = db.get(db.nodes, key.encode());
    if (bytes == null) {
      throw new IllegalStateException("missing tree node " + key + " (pruned or damaged store)");
    }
    Node node = NodeCodec.decode(bytes);
    if (node instanceof InternalNode internal) {
      cache.put(key, internal);
    }
    return node;
  }

  private static void checkKey(byte[] key) {
    if (key == null || key.length == 0) {
      throw new IllegalArgumentException("keys must not be empty");
    }
    if (key.length > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "key of " + key.length + " bytes exceeds the maximum of " + MAX_KEY_LENGTH);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the store is closed");
    }
  }
}
