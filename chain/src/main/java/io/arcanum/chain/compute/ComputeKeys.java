package io.arcanum.chain.compute;

import io.arcanum.chain.state.KvKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Where the compute module keeps its state in the chain's one key space: every key starts with
 * {@code "compute/"}, then Secret's prefix bytes ({@code x/compute/internal/types/keys.go}) where
 * Secret has one. Numbers are big-endian so that ids and positions sort numerically.
 *
 * <pre>
 * compute/ 01 BE64(code_id)                          → CodeInfo
 * compute/ 02 contract(20)                           → ContractInfo
 * compute/ 03 contract(20) key                       → contract state (enclave-encrypted)
 * compute/ 04 "lastCodeId" | "lastContractId"        → BE64(next id)
 * compute/ 05 contract(20) BE64(position)            → ContractCodeHistoryEntry
 * compute/ 06 contract(20)                           → ContractKey
 * compute/ 07 label                                  → contract(20)
 * compute/ 08 BE64(code_id) BE64(height) BE64(tx) contract(20) → 01 (contracts by code)
 * compute/ 09 code_hash(32)                          → wasm bytes (unmetered, once per hash)
 * compute/ 0a                                        → Params
 * </pre>
 */
final class ComputeKeys {
  private ComputeKeys() {}

  static final byte[] MODULE = "compute/".getBytes(StandardCharsets.US_ASCII);

  private static final byte CODE = 0x01;
  private static final byte CONTRACT = 0x02;
  private static final byte STATE = 0x03;
  private static final byte SEQUENCE = 0x04;
  private static final byte HISTORY = 0x05;
  private static final byte CONTRACT_KEY = 0x06;
  private static final byte LABEL = 0x07;
  private static final byte BY_CODE = 0x08;
  private static final byte CODE_BYTES = 0x09;
  private static final byte PARAMS = 0x0a;

  static final byte[] LAST_CODE_ID = key(SEQUENCE, ascii("lastCodeId"));
  static final byte[] LAST_INSTANCE_ID = key(SEQUENCE, ascii("lastContractId"));
  static final byte[] PARAMS_KEY = key(PARAMS);

  static byte[] code(long codeId) {
    return key(CODE, be64(codeId));
  }

  static byte[] codePrefix() {
    return key(CODE);
  }

  static long codeIdOf(byte[] codeKey) {
    return ByteBuffer.wrap(codeKey, MODULE.length + 1, 8).getLong();
  }

  static byte[] contract(byte[] address) {
    return key(CONTRACT, address);
  }

  static byte[] state(byte[] address, byte[] stateKey) {
    return key(STATE, address, stateKey);
  }

  static byte[] history(byte[] address, long position) {
    return key(HISTORY, address, be64(position));
  }

  static byte[] historyPrefix(byte[] address) {
    return key(HISTORY, address);
  }

  static byte[] contractKey(byte[] address) {
    return key(CONTRACT_KEY, address);
  }

  static byte[] label(String label) {
    return key(LABEL, label.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] byCode(long codeId, long height, long txIndex, byte[] address) {
    return key(BY_CODE, be64(codeId), be64(height), be64(txIndex), address);
  }

  static byte[] byCodePrefix(long codeId) {
    return key(BY_CODE, be64(codeId));
  }

  /** The contract address at the end of a by-code index key. */
  static byte[] addressOfByCode(byte[] byCodeKey) {
    byte[] address = new byte[20];
    System.arraycopy(byCodeKey, byCodeKey.length - 20, address, 0, 20);
    return address;
  }

  static byte[] codeBytes(byte[] codeHash) {
    return key(CODE_BYTES, codeHash);
  }

  static byte[] be64(long value) {
    return ByteBuffer.allocate(8).putLong(value).array();
  }

  private static byte[] key(byte prefix, byte[]... parts) {
    byte[][] all = new byte[parts.length + 2][];
    all[0] = MODULE;
    all[1] = new byte[] {prefix};
    System.arraycopy(parts, 0, all, 2, parts.length);
    return KvKeys.concat(all);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
