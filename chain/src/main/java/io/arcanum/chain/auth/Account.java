package io.arcanum.chain.auth;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.crypto.bech32.Bech32;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.cosmos.auth.v1beta1.BaseAccount;
import io.arcanum.proto.cosmos.auth.v1beta1.ModuleAccount;
import io.arcanum.proto.cosmos.crypto.secp256k1.PubKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An account as the auth module stores it: a {@code cosmos.auth.v1beta1.BaseAccount}, or a {@code
 * ModuleAccount} when {@code moduleName} is set (the fee collector). The public key is learned from
 * the account's first signed tx (secretjs-api.md §4.4 item 5).
 *
 * @param address the 20-byte account address
 * @param publicKey the 33-byte compressed secp256k1 key, or null until the first tx
 * @param moduleName the module owning the account, or null for a user account
 * @param permissions the module account's permissions (empty for user accounts)
 */
public record Account(
    byte[] address,
    byte[] publicKey,
    long accountNumber,
    long sequence,
    String moduleName,
    List<String> permissions) {

  static final String PUB_KEY_TYPE_URL = "/cosmos.crypto.secp256k1.PubKey";

  public Account {
    Objects.requireNonNull(address, "address");
    address = address.clone();
    publicKey = publicKey == null ? null : publicKey.clone();
    permissions = List.copyOf(permissions);
  }

  /** A user account without a public key yet. */
  public static Account user(byte[] address, long accountNumber) {
    return new Account(address, null, accountNumber, 0, null, List.of());
  }

  @Override
  public byte[] address() {
    return address.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey == null ? null : publicKey.clone();
  }

  public boolean isModule() {
    return moduleName != null;
  }

  public Account withPublicKey(byte[] key) {
    return new Account(address, key, accountNumber, sequence, moduleName, permissions);
  }

  public Account withSequence(long next) {
    return new Account(address, publicKey, accountNumber, next, moduleName, permissions);
  }

  /** The account as the query and the state hold it: an Any of BaseAccount or ModuleAccount. */
  public Any toAny(String bech32Prefix) {
    BaseAccount.Builder base =
        BaseAccount.newBuilder()
            .setAddress(Bech32.encodeBytes(bech32Prefix, address))
            .setAccountNumber(accountNumber)
            .setSequence(sequence);
    if (publicKey != null) {
      base.setPubKey(
          Any.newBuilder()
              .setTypeUrl(PUB_KEY_TYPE_URL)
              .setValue(
                  PubKey.newBuilder()
                      .setKey(ByteString.copyFrom(publicKey))
                      .build()
                      .toByteString()));
    }
    if (moduleName == null) {
      return ProtoTypes.pack(base.build());
    }
    return ProtoTypes.pack(
        ModuleAccount.newBuilder()
            .setBaseAccount(base)
            .setName(moduleName)
            .addAllPermissions(permissions)
            .build());
  }

  /**
   * Reads an account written by {@link #toAny}.
   *
   * @throws IllegalArgumentException if it is neither a BaseAccount nor a ModuleAccount
   */
  public static Account fromAny(Any any) {
    try {
      if (any.getTypeUrl().equals(ProtoTypes.typeUrl(BaseAccount.getDescriptor()))) {
        return fromBase(BaseAccount.parseFrom(any.getValue()), null, List.of());
      }
      if (any.getTypeUrl().equals(ProtoTypes.typeUrl(ModuleAccount.getDescriptor()))) {
        ModuleAccount module = ModuleAccount.parseFrom(any.getValue());
        return fromBase(module.getBaseAccount(), module.getName(), module.getPermissionsList());
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("malformed stored account: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("unsupported account type " + any.getTypeUrl());
  }

  private static Account fromBase(BaseAccount base, String moduleName, List<String> permissions)
      throws InvalidProtocolBufferException {
    byte[] key = null;
    if (base.hasPubKey()) {
      if (!base.getPubKey().getTypeUrl().equals(PUB_KEY_TYPE_URL)) {
        throw new IllegalArgumentException(
            "unsupported public key type " + base.getPubKey().getTypeUrl());
      }
      key = PubKey.parseFrom(base.getPubKey().getValue()).getKey().toByteArray();
    }
    byte[] address = Bech32.decode(base.getAddress()).bytes();
    return new Account(
        address, key, base.getAccountNumber(), base.getSequence(), moduleName, permissions);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Account a
        && Arrays.equals(address, a.address)
        && Arrays.equals(publicKey, a.publicKey)
        && accountNumber == a.accountNumber
        && sequence == a.sequence
        && Objects.equals(moduleName, a.moduleName)
        && permissions.equals(a.permissions);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(address) * 31 + Long.hashCode(accountNumber);
  }

  @Override
  public String toString() {
    return "Account["
        + HexFormat.of().formatHex(address)
        + ", number "
        + accountNumber
        + ", sequence "
        + sequence
        + (moduleName == null ? "" : ", module " + moduleName)
        + "]";
  }
}
