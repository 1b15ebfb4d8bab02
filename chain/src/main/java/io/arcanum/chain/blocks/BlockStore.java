package io.arcanum.chain.blocks;

import io.arcanum.chain.abci.Event;
import io.arcanum.chain.abci.EventAttribute;
import io.arcanum.chain.state.KvKeys;
import io.arcanum.chain.store.AuthenticatedStore;
import io.arcanum.chain.store.StoreEntry;
import io.arcanum.chain.store.StoreIterator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Blocks, tx results and the tx index, kept as auxiliary records of the {@link AuthenticatedStore}:
 * the application stages them with {@link #stage} before {@code store.commit()}, so a block, its
 * results, its index entries and its state become durable in one atomic write (docs/chain.md "Block
 * store"). Reads see committed blocks only and may come from any thread.
 *
 * <p>Aux key layout:
 *
 * <ul>
 *   <li>{@code b/ ‖ BE64(height)} → {@link BlockRecord}
 *   <li>{@code t/ ‖ sha256(tx)} → {@link TxRecord}
 *   <li>{@code e/ ‖ BE16(len) ‖ type.key ‖ BE32(len) ‖ value ‖ BE64(height) ‖ BE32(index)} → tx
 *       hash, one per indexed event attribute
 *   <li>{@code m/latest} → BE64 of the last committed height; {@code m/chain_id} → UTF-8
 * </ul>
 */
public final class BlockStore {
  private static final byte[] BLOCKS = ascii("b/");
  private static final byte[] TXS = ascii("t/");
  private static final byte[] EVENTS = ascii("e/");
  private static final byte[] LATEST = ascii("m/latest");
  private static final byte[] CHAIN_ID = ascii("m/chain_id");

  /** Index keys longer than this are not written (a huge attribute value is not searchable). */
  private static final int MAX_INDEX_KEY = 16_384;

  private final AuthenticatedStore store;

  public BlockStore(AuthenticatedStore store) {
    this.store = store;
  }

  /** The last committed block's height, 0 before the first. */
  public long latestHeight() {
    byte[] latest = store.getAux(LATEST);
    return latest == null ? 0 : ByteBuffer.wrap(latest).getLong();
  }

  /** The chain id the store was committed under, or null before the first block. */
  public String chainId() {
    byte[] id = store.getAux(CHAIN_ID);
    return id == null ? null : new String(id, StandardCharsets.UTF_8);
  }

  public Optional<BlockRecord> block(long height) {
    if (height < 1) {
      return Optional.empty();
    }
    byte[] bytes = store.getAux(blockKey(height));
    return bytes == null ? Optional.empty() : Optional.of(RecordCodec.decodeBlock(bytes));
  }

  public Optional<TxRecord> tx(byte[] hash) {
    byte[] bytes = store.getAux(concat(TXS, hash));
    return bytes == null ? Optional.empty() : Optional.of(RecordCodec.decodeTx(bytes));
  }

  /**
   * A tx by its hex hash (either case).
   *
   * @throws IllegalArgumentException if {@code hashHex} is not 64 hex digits
   */
  public Optional<TxRecord> tx(String hashHex) {
    if (hashHex.length() != 64) {
      throw new IllegalArgumentException("a tx hash is 64 hex digits: " + hashHex);
    }
    return tx(HexFormat.of().parseHex(hashHex.toLowerCase(java.util.Locale.ROOT)));
  }

  /** The txs of block {@code height} in block order (empty for an unknown height). */
  public List<TxRecord> txs(long height) {
    List<TxRecord> out = new ArrayList<>();
    block(height)
        .ifPresent(
            b -> {
              for (int i = 0; i < b.txHashes().size(); i++) {
                tx(b.txHashes().get(i)).filter(t -> t.height() == height).ifPresent(out::add);
              }
            });
    return out;
  }

  /**
   * The txs matching every condition of {@code query}, ordered by height and index (reversed when
   * {@code descending}), one page of them.
   *
   * @param page 1 for the first page
   * @param limit txs per page, at least 1
   * @throws IllegalArgumentException for a page or limit below 1, or a {@code tx.height} that is
   *     not a number
   */
  public TxPage search(TxQuery query, int page, int limit, boolean descending) {
    if (page < 1 || limit < 1) {
      throw new IllegalArgumentException("page and limit must be at least 1");
    }
    List<TxRecord> matches = new ArrayList<>();
    for (TxRecord candidate : candidates(query)) {
      if (matchesAll(candidate, query)) {
        matches.add(candidate);
      }
    }
    if (descending) {
      Collections.reverse(matches);
    }
    long from = (long) (page - 1) * limit;
    List<TxRecord> slice =
        from >= matches.size()
            ? List.of()
            : matches.subList((int) from, (int) Math.min(matches.size(), from + limit));
    return new TxPage(slice, matches.size());
  }

  private List<TxRecord> candidates(TxQuery query) {
    for (TxQuery.Condition c : query.conditions()) {
      if (c.compositeKey().equals("tx.hash")) {
        if (!c.value().matches("[0-9a-fA-F]{64}")) {
          return List.of();
        }
        return tx(c.value()).map(List::of).orElse(List.of());
      }
    }
    for (TxQuery.Condition c : query.conditions()) {
      if (c.compositeKey().equals("tx.height")) {
        return txs(height(c));
      }
    }
    TxQuery.Condition first = query.conditions().get(0);
    byte[] prefix = indexPrefix(first.compositeKey(), first.value());
    List<TxRecord> out = new ArrayList<>();
    try (StoreIterator entries = store.auxRange(prefix, KvKeys.prefixEnd(prefix))) {
      while (entries.hasNext()) {
        StoreEntry entry = entries.next();
        ByteBuffer position = ByteBuffer.wrap(entry.key(), prefix.length, 12);
        long height = position.getLong();
        int index = position.getInt();
        // An index entry outlives a record overwritten by a later block; check it still holds.
        tx(entry.value())
            .filter(t -> t.height() == height && t.index() == index)
            .ifPresent(out::add);
      }
    }
    return out;
  }

  private static boolean matchesAll(TxRecord tx, TxQuery query) {
    for (TxQuery.Condition c : query.conditions()) {
      boolean ok =
          switch (c.compositeKey()) {
            case "tx.height" -> tx.height() == height(c);
            case "tx.hash" -> tx.hashHex().equalsIgnoreCase(c.value());
            default -> hasAttribute(tx.result().events(), c);
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasAttribute(List<Event> events, TxQuery.Condition c) {
    for (Event event : events) {
      for (EventAttribute a : event.attributes()) {
        if (a.index()
            && a.value().equals(c.value())
            && c.compositeKey().equals(event.type() + "." + a.key())) {
          return true;
        }
      }
    }
    return false;
  }

  private static long height(TxQuery.Condition c) {
    try {
      return Long.parseLong(c.value());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("tx.height must be a number: " + c.value());
    }
  }

  /**
   * Stages {@code block} and its txs for the store's next commit. A failed tx does not replace a
   * successful one with the same hash (as CometBFT's indexer), so the hash keeps pointing at the
   * result that changed state.
   */
  public void stage(BlockRecord block, List<TxRecord> txs) {
    Map<String, Boolean> okInBlock = new HashMap<>();
    for (TxRecord tx : txs) {
      String hex = tx.hashHex();
      Boolean earlierOk = okInBlock.get(hex);
      if (earlierOk == null) {
        earlierOk = tx(tx.hash()).map(t -> t.result().isOk()).orElse(false);
      }
      if (earlierOk && !tx.result().isOk()) {
        continue;
      }
      okInBlock.put(hex, tx.result().isOk() || earlierOk);
      store.putAux(concat(TXS, tx.hash()), RecordCodec.encode(tx));
      for (Event event : tx.result().events()) {
        for (EventAttribute a : event.attributes()) {
          if (!a.index()) {
            continue;
          }
          byte[] key =
              concat(
                  indexPrefix(event.type() + "." + a.key(), a.value()),
                  ByteBuffer.allocate(12).putLong(tx.height()).putInt(tx.index()).array());
          if (key.length <= MAX_INDEX_KEY) {
            store.putAux(key, tx.hash());
          }
        }
      }
    }
    store.putAux(blockKey(block.height()), RecordCodec.encode(block));
    store.putAux(LATEST, ByteBuffer.allocate(8).putLong(block.height()).array());
    store.putAux(CHAIN_ID, block.chainId().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] indexPrefix(String compositeKey, String value) {
    byte[] k = compositeKey.getBytes(StandardCharsets.UTF_8);
    byte[] v = value.getBytes(StandardCharsets.UTF_8);
    return concat(
        EVENTS,
        ByteBuffer.allocate(2).putShort((short) Math.min(k.length, 0xffff)).array(),
        k,
        ByteBuffer.allocate(4).putInt(v.length).array(),
        v);
  }

  private static byte[] blockKey(long height) {
    return concat(BLOCKS, ByteBuffer.allocate(8).putLong(height).array());
  }

  private static byte[] concat(byte[]... parts) {
    return KvKeys.concat(parts);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
