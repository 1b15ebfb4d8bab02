package io.arcanum.chain.compute;

import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.chain.state.KvKeys;
import io.arcanum.chain.state.KvStore;
import io.arcanum.enclave.api.ContractKeyInfo;
import io.arcanum.proto.secret.compute.v1beta1.AbsoluteTxPosition;
import io.arcanum.proto.secret.compute.v1beta1.CodeInfo;
import io.arcanum.proto.secret.compute.v1beta1.ContractCodeHistoryEntry;
import io.arcanum.proto.secret.compute.v1beta1.ContractInfo;
import io.arcanum.proto.secret.compute.v1beta1.ContractKey;
import io.arcanum.proto.secret.compute.v1beta1.Params;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the compute module's records (layout in {@link ComputeKeys}) in a given store:
 * the caller decides whether access is metered. Records are Secret's protobuf types, so queries
 * return them as stored.
 */
final class ComputeState {
  private static final byte[] PRESENT = {1};

  private final KvStore store;

  ComputeState(KvStore store) {
    this.store = store;
  }

  KvStore store() {
    return store;
  }

  // ---- codes ----

  /** The next code id (from 1), counted up. */
  long nextCodeId() {
    return increment(ComputeKeys.LAST_CODE_ID);
  }

  /** The next contract instance id (from 1, chain-wide), counted up. */
  long nextInstanceId() {
    return increment(ComputeKeys.LAST_INSTANCE_ID);
  }

  private long increment(byte[] key) {
    byte[] stored = store.get(key);
    long id = stored == null ? 1 : ByteBuffer.wrap(stored).getLong();
    store.set(key, ComputeKeys.be64(id + 1));
    return id;
  }

  CodeInfo codeInfo(long codeId) {
    byte[] bytes = store.get(ComputeKeys.code(codeId));
    return bytes == null ? null : parse(bytes, CodeInfo.parser());
  }

  void setCodeInfo(long codeId, CodeInfo info) {
    store.set(ComputeKeys.code(codeId), info.toByteArray());
  }

  /** Every code, by id. */
  List<Long> codeIds() {
    List<Long> ids = new ArrayList<>();
    store.scanPrefix(
        ComputeKeys.codePrefix(),
        (key, value) -> {
          ids.add(ComputeKeys.codeIdOf(key));
          return true;
        });
    return ids;
  }

  byte[] codeBytes(byte[] codeHash) {
    return store.get(ComputeKeys.codeBytes(codeHash));
  }

  /** Stores code bytes once per hash. */
  void putCodeBytes(byte[] codeHash, byte[] wasm) {
    byte[] key = ComputeKeys.codeBytes(codeHash);
    if (!store.has(key)) {
      store.set(key, wasm);
    }
  }

  // ---- contracts ----

  ContractInfo contractInfo(byte[] address) {
    byte[] bytes = store.get(ComputeKeys.contract(address));
    return bytes == null ? null : parse(bytes, ContractInfo.parser());
  }

  void setContractInfo(byte[] address, ContractInfo info) {
    store.set(ComputeKeys.contract(address), info.toByteArray());
  }

  /** The stored key with the admin proof of {@code info}, or null. */
  ContractKeyInfo contractKey(byte[] address, ContractInfo info) {
    byte[] bytes = store.get(ComputeKeys.contractKey(address));
    if (bytes == null) {
      return null;
    }
    ContractKey key = parse(bytes, ContractKey.parser());
    return new ContractKeyInfo(
        key.getOgContractKey().toByteArray(),
        key.getCurrentContractKey().toByteArray(),
        key.getCurrentContractKeyProof().toByteArray(),
        info.getAdminProof().toByteArray());
  }

  void setContractKey(byte[] address, ContractKeyInfo key) {
    ContractKey stored =
        ContractKey.newBuilder()
            .setOgContractKey(com.google.protobuf.ByteString.copyFrom(key.original()))
            .setCurrentContractKey(com.google.protobuf.ByteString.copyFrom(key.current()))
            .setCurrentContractKeyProof(com.google.protobuf.ByteString.copyFrom(key.currentProof()))
            .build();
    store.set(ComputeKeys.contractKey(address), stored.toByteArray());
  }

  byte[] addressByLabel(String label) {
    return store.get(ComputeKeys.label(label));
  }

  void setLabel(String label, byte[] address) {
    store.set(ComputeKeys.label(label), address);
  }

  void appendHistory(byte[] address, ContractCodeHistoryEntry entry) {
    long[] last = {0};
    store.scan(
        ComputeKeys.historyPrefix(address),
        KvKeys.prefixEnd(ComputeKeys.historyPrefix(address)),
        true,
        (key, value) -> {
          last[0] = ByteBuffer.wrap(key, key.length - 8, 8).getLong();
          return false;
        });
    store.set(ComputeKeys.history(address, last[0] + 1), entry.toByteArray());
  }

  List<ContractCodeHistoryEntry> history(byte[] address) {
    List<ContractCodeHistoryEntry> entries = new ArrayList<>();
    store.scanPrefix(
        ComputeKeys.historyPrefix(address),
        (key, value) -> entries.add(parse(value, ContractCodeHistoryEntry.parser())));
    return entries;
  }

  /** Indexes a contract under its code, ordered by {@code position} (contracts by code id). */
  void indexByCode(long codeId, AbsoluteTxPosition position, byte[] address) {
    store.set(
        ComputeKeys.byCode(codeId, position.getBlockHeight(), position.getTxIndex(), address),
        PRESENT);
  }

  void unindexByCode(long codeId, AbsoluteTxPosition position, byte[] address) {
    store.delete(
        ComputeKeys.byCode(codeId, position.getBlockHeight(), position.getTxIndex(), address));
  }

  /** Contracts running {@code codeId}, in the order they were created or migrated to it. */
  List<byte[]> contractsByCode(long codeId) {
    List<byte[]> addresses = new ArrayList<>();
    store.scanPrefix(
        ComputeKeys.byCodePrefix(codeId),
        (key, value) -> addresses.add(ComputeKeys.addressOfByCode(key)));
    return addresses;
  }

  // ---- params ----

  ComputeParams params() {
    byte[] bytes = store.get(ComputeKeys.PARAMS_KEY);
    return bytes == null
        ? ComputeParams.DEFAULT
        : ComputeParams.fromProto(parse(bytes, Params.parser()));
  }

  void setParams(ComputeParams params) {
    store.set(ComputeKeys.PARAMS_KEY, params.toProto().toByteArray());
  }

  private static <T> T parse(byte[] bytes, com.google.protobuf.Parser<T> parser) {
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt compute record: " + e.getMessage(), e);
    }
  }
}
