package io.arcanum.wasm.host;

/**
 * Answers a contract's {@code query_chain} (cosmwasm-abi.md §4.5). The request is the contract's
 * JSON {@code QueryRequest}; the answer is the serialised {@code
 * SystemResult<ContractResult<Binary>>} in the casing of the caller's generation. A smart query of
 * another contract calls back into the VM on the same thread with {@code depth}; the VM refuses
 * depths above its limit itself.
 */
@FunctionalInterface
public interface ChainQuerier {

  /**
   * @param request the QueryRequest JSON bytes as the contract wrote them
   * @param depth the nested query depth the answer will run at (1 for a query from a top call)
   * @param gasLimit wasm gas the query may use at most
   */
  Answer query(byte[] request, int depth, long gasLimit);

  /**
   * @param systemResult the SystemResult JSON handed to the contract
   * @param gasUsed wasm gas the query consumed, charged to the caller
   */
  record Answer(byte[] systemResult, long gasUsed) {}

  /** A querier for contexts without a chain: every request is an unsupported request. */
  static ChainQuerier unsupported() {
    return (request, depth, gasLimit) ->
        new Answer(
            "{\"Err\":{\"unsupported_request\":{\"kind\":\"no chain\"}}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            0);
  }
}
