package io.arcanum.chain.state;

import io.arcanum.chain.store.AuthenticatedStore;
import io.arcanum.chain.store.StoreEntry;
import io.arcanum.chain.store.StoreIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * The authenticated store as a {@link KvStore}: reads see the last committed version, writes are
 * staged for the next commit. A block's cached branch sits on top and is written here once the
 * block has run; nothing else writes to it.
 */
public final class AuthenticatedKvStore implements KvStore {
  private final AuthenticatedStore store;

  public AuthenticatedKvStore(AuthenticatedStore store) {
    this.store = store;
  }

  @Override
  public byte[] get(byte[] key) {
    return store.get(key);
  }

  @Override
  public void set(byte[] key, byte[] value) {
    KvChecks.checkWrite(key, value);
    store.put(key, value);
  }

  @Override
  public void delete(byte[] key) {
    KvChecks.checkKey(key);
    store.delete(key);
  }

  @Override
  public void scan(byte[] from, byte[] to, boolean descending, Visitor visitor) {
    try (StoreIterator entries = store.range(from, to)) {
      if (!descending) {
        while (entries.hasNext()) {
          StoreEntry e = entries.next();
          if (!visitor.visit(e.key(), e.value())) {
            return;
          }
        }
        return;
      }
      List<StoreEntry> all = new ArrayList<>();
      entries.forEachRemaining(all::add);
      for (int i = all.size() - 1; i >= 0; i--) {
        if (!visitor.visit(all.get(i).key(), all.get(i).value())) {
          return;
        }
      }
    }
  }
}
