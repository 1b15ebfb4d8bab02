package io.arcanum.chain.compute;

import io.arcanum.chain.auth.Accounts;
import io.arcanum.chain.state.KvKeys;
import io.arcanum.chain.state.KvStore;
import java.nio.charset.StandardCharsets;

/** Accounts for the compute tests: an account is a marker under {@code testacct/ ‖ address}. */
final class TestAccounts implements Accounts {
  private static final byte[] PREFIX = "testacct/".getBytes(StandardCharsets.US_ASCII);

  @Override
  public boolean exists(KvStore store, byte[] address) {
    return store.has(KvKeys.concat(PREFIX, address));
  }

  @Override
  public void createIfMissing(KvStore store, byte[] address) {
    if (!exists(store, address)) {
      store.set(KvKeys.concat(PREFIX, address), new byte[] {1});
    }
  }
}
