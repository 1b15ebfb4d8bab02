package io.arcanum.chain.auth;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.chain.state.KvStore;
import io.arcanum.proto.cosmos.auth.v1beta1.Params;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The auth module's keeper (the SDK's {@code AccountKeeper}): accounts by address, the global
 * account number counter, module accounts and the auth parameters. All state goes through the
 * {@link KvStore} the caller passes, so reads and writes are charged to whoever asks (a tx's gas
 * meter, or nothing at genesis).
 */
public final class AccountKeeper implements Accounts {
  /** The module account receiving tx fees ({@code authtypes.FeeCollectorName}). */
  public static final String FEE_COLLECTOR = "fee_collector";

  private final Addresses addresses;

  public AccountKeeper(Addresses addresses) {
    this.addresses = addresses;
  }

  public Addresses addresses() {
    return addresses;
  }

  /** The account at {@code address}, or null. */
  public Account get(KvStore store, byte[] address) {
    byte[] value = store.get(AuthKeys.account(address));
    if (value == null) {
      return null;
    }
    try {
      return Account.fromAny(Any.parseFrom(value));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored account is not an Any", e);
    }
  }

  public void set(KvStore store, Account account) {
    store.set(AuthKeys.account(account.address()), account.toAny(addresses.prefix()).toByteArray());
  }

  @Override
  public boolean exists(KvStore store, byte[] address) {
    return store.has(AuthKeys.account(address));
  }

  @Override
  public void createIfMissing(KvStore store, byte[] address) {
    if (!exists(store, address)) {
      set(store, Account.user(address, nextAccountNumber(store)));
    }
  }

  /** Takes the next account number (the SDK's {@code NextAccountNumber}). */
  public long nextAccountNumber(KvStore store) {
    byte[] stored = store.get(AuthKeys.NEXT_ACCOUNT_NUMBER);
    long next = stored == null ? 0 : ByteBuffer.wrap(stored).getLong();
    setNextAccountNumber(store, next + 1);
    return next;
  }

  /** Sets the counter (genesis: one above the highest account number it lists). */
  public void setNextAccountNumber(KvStore store, long next) {
    store.set(AuthKeys.NEXT_ACCOUNT_NUMBER, ByteBuffer.allocate(8).putLong(next).array());
  }

  /** The module account {@code name}, created with the next account number if missing. */
  public Account moduleAccount(KvStore store, String name, List<String> permissions) {
    byte[] address = moduleAddress(name);
    Account existing = get(store, address);
    if (existing != null) {
      if (!existing.isModule()) {
        throw new IllegalStateException("account " + addresses.format(address) + " is not " + name);
      }
      return existing;
    }
    Account created = new Account(address, null, nextAccountNumber(store), 0, name, permissions);
    set(store, created);
    return created;
  }

  /**
   * A module account's address: the first 20 bytes of SHA-256 of its name ({@code
   * authtypes.NewModuleAddress}), so the fee collector has the same address as on Secret Network.
   */
  public static byte[] moduleAddress(String name) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(hash, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }

  public AuthParams params(KvStore store) {
    byte[] stored = store.get(AuthKeys.PARAMS);
    if (stored == null) {
      return AuthParams.DEFAULT;
    }
    try {
      return AuthParams.fromProto(Params.parseFrom(stored));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored auth params are malformed", e);
    }
  }

  public void setParams(KvStore store, AuthParams params) {
    store.set(AuthKeys.PARAMS, params.toProto().toByteArray());
  }

  /** Visits every account in address order. */
  public void forEach(KvStore store, Consumer<Account> visitor) {
    store.scanPrefix(
        AuthKeys.ACCOUNTS,
        (key, value) -> {
          try {
            visitor.accept(Account.fromAny(Any.parseFrom(value)));
          } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored account is not an Any", e);
          }
          return true;
        });
  }
}
