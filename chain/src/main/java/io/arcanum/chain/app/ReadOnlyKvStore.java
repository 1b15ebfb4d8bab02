package io.arcanum.chain.app;

import io.arcanum.chain.state.KvStore;
import io.arcanum.chain.store.AuthenticatedStore;
import io.arcanum.chain.store.StoreEntry;
import io.arcanum.chain.store.StoreIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * State as a query sees it: one committed version of the authenticated store, or the genesis state
 * before the first block. Writes are refused. Point reads work at any retained version; iteration
 * only at the latest (the store iterates the latest version only), else it throws {@link
 * PastHeightIterationException}.
 */
abstract sealed class ReadOnlyKvStore implements KvStore {

  /** Iteration asked of a version other than the latest. */
  static final class PastHeightIterationException extends RuntimeException {
    PastHeightIterationException(long version, long latest) {
      super(
          "iterating state is not supported at past heights (height "
              + version
              + ", latest "
              + latest
              + ")",
          null,
          false,
          false);
    }
  }

  static ReadOnlyKvStore at(AuthenticatedStore store, long version) {
    return new AtVersion(store, version);
  }

  static ReadOnlyKvStore over(KvStore state) {
    return new Over(state);
  }

  @Override
  public void set(byte[] key, byte[] value) {
    throw new UnsupportedOperationException("queries cannot write state");
  }

  @Override
  public void delete(byte[] key) {
    throw new UnsupportedOperationException("queries cannot write state");
  }

  private static final class AtVersion extends ReadOnlyKvStore {
    private final AuthenticatedStore store;
    private final long version;

    AtVersion(AuthenticatedStore store, long version) {
      this.store = store;
      this.version = version;
    }

    @Override
    public byte[] get(byte[] key) {
      return store.get(key, version);
    }

    @Override
    public void scan(byte[] from, byte[] to, boolean descending, Visitor visitor) {
      List<StoreEntry> entries = new ArrayList<>();
      checkLatest();
      try (StoreIterator it = store.range(from, to)) {
        it.forEachRemaining(entries::add);
      }
      checkLatest(); // a commit during the iteration may have mixed two versions
      if (descending) {
        java.util.Collections.reverse(entries);
      }
      for (StoreEntry e : entries) {
        if (!visitor.visit(e.key(), e.value())) {
          return;
        }
      }
    }

    private void checkLatest() {
      long latest = store.version();
      if (latest != version) {
        throw new PastHeightIterationException(version, latest);
      }
    }
  }

  private static final class Over extends ReadOnlyKvStore {
    private final KvStore state;

    Over(KvStore state) {
      this.state = state;
    }

    @Override
    public byte[] get(byte[] key) {
      return state.get(key);
    }

    @Override
    public void scan(byte[] from, byte[] to, boolean descending, Visitor visitor) {
      state.scan(from, to, descending, visitor);
    }
  }
}
