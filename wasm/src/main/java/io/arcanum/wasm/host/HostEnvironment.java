package io.arcanum.wasm.host;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything a contract call may reach outside its own memory: its storage, the chain, address
 * rules, signature functions and a sink for debug messages. The VM implements the imports of both
 * generations on top of this; the enclave supplies an implementation with encrypted storage.
 *
 * @param storage the called contract's state
 * @param querier answers {@code query_chain}
 * @param addresses address conversions
 * @param crypto signature functions
 * @param debug receives {@code debug}/{@code debug_print} messages; never logged by the VM
 */
public record HostEnvironment(
    ContractStorage storage,
    ChainQuerier querier,
    AddressApi addresses,
    CryptoApi crypto,
    Consumer<String> debug) {

  public HostEnvironment {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(querier, "querier");
    Objects.requireNonNull(addresses, "addresses");
    Objects.requireNonNull(crypto, "crypto");
    Objects.requireNonNull(debug, "debug");
  }

  /** Secret's address rules, the standard crypto functions and debug output dropped. */
  public static HostEnvironment of(ContractStorage storage, ChainQuerier querier) {
    return new HostEnvironment(
        storage, querier, new SecretAddressApi(), new StandardCryptoApi(), message -> {});
  }

  /** A copy that sends debug messages to {@code sink}. */
  public HostEnvironment withDebug(Consumer<String> sink) {
    return new HostEnvironment(storage, querier, addresses, crypto, sink);
  }
}
