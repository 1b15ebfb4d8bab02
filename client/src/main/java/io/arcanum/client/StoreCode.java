package io.arcanum.client;

import java.util.Objects;

/**
 * {@code /secret.compute.v1beta1.MsgStoreCode}: uploads a contract. Raw wasm is gzipped before
 * sending (what secret.js means to do; the node inflates either form and hashes the inflated code,
 * secretjs-api.md §5); wasm that already starts with the gzip magic {@code 1f 8b 08} is sent as it
 * is.
 *
 * @param wasm the contract, raw or gzipped
 * @param source an optional source URL ({@code ""} for none)
 * @param builder an optional builder image ({@code ""} for none)
 */
public record StoreCode(byte[] wasm, String source, String builder) implements TxMsg {
  public StoreCode {
    Objects.requireNonNull(wasm, "wasm");
    if (wasm.length == 0) {
      throw new IllegalArgumentException("wasm byte code is empty");
    }
    wasm = wasm.clone();
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(builder, "builder");
  }

  /** Uploads {@code wasm} with no source or builder. */
  public static StoreCode of(byte[] wasm) {
    return new StoreCode(wasm, "", "");
  }

  public StoreCode withSource(String value) {
    return new StoreCode(wasm, value, builder);
  }

  public StoreCode withBuilder(String value) {
    return new StoreCode(wasm, source, value);
  }

  /** A copy of the wasm. */
  @Override
  public byte[] wasm() {
    return wasm.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoreCode other
        && java.util.Arrays.equals(wasm, other.wasm)
        && source.equals(other.source)
        && builder.equals(other.builder);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(wasm) * 31 + source.hashCode();
  }

  @Override
  public String toString() {
    return "StoreCode[" + wasm.length + " bytes]";
  }
}
