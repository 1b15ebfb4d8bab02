package io.arcanum.chain.auth;

import io.arcanum.chain.state.KvStore;

/** What other modules may do with accounts (the SDK's {@code AccountKeeper} subset). */
public interface Accounts {

  /** Whether an account exists at {@code address}. */
  boolean exists(KvStore store, byte[] address);

  /**
   * Creates a {@code BaseAccount} at {@code address} with the next account number if none exists
   * (the bank does this for new recipients, compute for new contracts).
   */
  void createIfMissing(KvStore store, byte[] address);
}
