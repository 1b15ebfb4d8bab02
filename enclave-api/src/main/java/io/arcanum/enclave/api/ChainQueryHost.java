package io.arcanum.enclave.api;

/**
 * OCALL: a contract's {@code query_chain} (cosmwasm-abi.md §4.5). The enclave has already encrypted
 * a smart query's message for the target contract; the host answers a smart query by calling {@link
 * Enclave#query} for that contract at {@code depth} and returns the encrypted answer inside the
 * SystemResult, and answers other queries from chain state.
 */
@FunctionalInterface
public interface ChainQueryHost {

  /**
   * @param request QueryRequest JSON in the caller's generation
   * @param depth the depth the answering query runs at (1 for a query made by a top-level call)
   * @param gasLimit wasm gas the query may use
   * @return {@code SystemResult<ContractResult<Binary>>} JSON in Secret's casing ({@code
   *     {"Ok":{"Ok":"<b64>"}}}, {@code {"Ok":{"Err":"…"}}}, {@code {"Err":{…}}}) and the gas used
   */
  Answer query(byte[] request, int depth, long gasLimit);

  /** A SystemResult and the wasm gas the answer cost. */
  record Answer(byte[] systemResult, long gasUsed) {}
}
