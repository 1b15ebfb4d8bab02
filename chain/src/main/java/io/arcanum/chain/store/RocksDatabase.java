package io.arcanum.chain.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB instance behind a {@link RocksStore} and its column families (docs/store.md § On-disk
 * layout), with every native handle it owns, so the store's logic never touches them.
 */
final class RocksDatabase implements AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  private static final long BLOCK_CACHE_BYTES = 64L << 20;

  private final RocksDB db;
  private final List<AutoCloseable> owned;
  private final WriteOptions synced;
  private final WriteOptions unsynced;

  /** Small records: latest and earliest version. */
  final ColumnFamilyHandle meta;

  /** Tree nodes by {@link NodeKey}. */
  final ColumnFamilyHandle nodes;

  /** {@code staleSince[8] || NodeKey}: nodes no longer used from that version on. */
  final ColumnFamilyHandle stale;

  /** {@code version[8]} to that version's root. */
  final ColumnFamilyHandle versions;

  /** The last committed version's key/value pairs, for reads and ordered iteration. */
  final ColumnFamilyHandle latest;

  /** Auxiliary records outside the tree (blocks, results, indexes), written with the commits. */
  final ColumnFamilyHandle aux;

  private RocksDatabase(RocksDB db, List<ColumnFamilyHandle> handles, List<AutoCloseable> owned) {
    this.db = db;
    this.owned = owned;
    this.meta = handles.get(0);
    this.nodes = handles.get(1);
    this.stale = handles.get(2);
    this.versions = handles.get(3);
    this.latest = handles.get(4);
    this.aux = handles.get(5);
    this.synced = new WriteOptions().setSync(true);
    this.unsynced = new WriteOptions().setSync(false);
  }

  static RocksDatabase open(Path directory) {
    List<AutoCloseable> owned = new ArrayList<>();
    try {
      Files.createDirectories(directory);
      LRUCache cache = new LRUCache(BLOCK_CACHE_BYTES);
      BloomFilter bloom = new BloomFilter(10);
      ColumnFamilyOptions columns =
          new ColumnFamilyOptions()
              .setTableFormatConfig(
                  new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(bloom));
      DBOptions options =
          new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
      owned.addAll(List.of(columns, options, bloom, cache));
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columns));
      for (String name : List.of("nodes", "stale", "versions", "latest", "aux")) {
        descriptors.add(
            new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.US_ASCII), columns));
      }
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      RocksDB db = RocksDB.open(options, directory.toString(), descriptors, handles);
      // Closed in reverse: handles, then the database, then the options they were made with.
      owned.add(0, db);
      for (ColumnFamilyHandle handle : handles) {
        owned.add(0, handle);
      }
      return new RocksDatabase(db, handles, owned);
    } catch (RocksDBException | IOException e) {
      closeAll(owned);
      throw new StoreException("cannot open the store in " + directory, e);
    }
  }

  byte[] get(ColumnFamilyHandle column, byte[] key) {
    try {
      return db.get(column, key);
    } catch (RocksDBException e) {
      throw new StoreException("read failed", e);
    }
  }

  void write(WriteBatch batch, boolean sync) {
    try {
      db.write(sync ? synced : unsynced, batch);
    } catch (RocksDBException e) {
      throw new StoreException("write failed", e);
    }
  }

  /**
   * A consistent copy of the database as of the last write, in the new directory {@code target}
   * (RocksDB's checkpoint: hard links to the immutable table files where the file system allows).
   */
  void checkpoint(java.nio.file.Path target) {
    try (org.rocksdb.Checkpoint checkpoint = org.rocksdb.Checkpoint.create(db)) {
      checkpoint.createCheckpoint(target.toString());
    } catch (RocksDBException e) {
      throw new StoreException("cannot write a checkpoint to " + target, e);
    }
  }

  RocksIterator iterator(ColumnFamilyHandle column) {
    return db.newIterator(column);
  }

  @Override
  public void close() {
    synced.close();
    unsynced.close();
    closeAll(owned);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        // Closing native handles fails only on a bug; keep closing the rest.
      }
    }
  }
}
