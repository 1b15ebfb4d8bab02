package io.arcanum.enclave.api;

/**
 * The OCALLs the enclave makes to the untrusted host. The host sees only what crosses here: sealed
 * (encrypted) files, encrypted contract state, code by hash and chain queries.
 */
public interface EnclaveHost {

  /** Where the enclave keeps its sealed files. */
  SealedStorage sealedStorage();

  /** Contract state, encrypted by the enclave before it gets here. */
  default ContractStateStore contractState() {
    throw new UnsupportedOperationException("this host keeps no contract state");
  }

  /** Stored contract code, by code hash. */
  default ContractCodeStore contractCode() {
    return codeHash -> null;
  }

  /** Answers contracts' chain queries. */
  default ChainQueryHost chainQueries() {
    return (request, depth, gasLimit) ->
        new ChainQueryHost.Answer(
            "{\"Err\":{\"unsupported_request\":{\"kind\":\"no chain\"}}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            0);
  }
}
