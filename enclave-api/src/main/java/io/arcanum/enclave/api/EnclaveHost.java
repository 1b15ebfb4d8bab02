package io.arcanum.enclave.api;

/**
 * The OCALLs the enclave makes to the untrusted host. The host sees only what crosses here: sealed
 * (encrypted) files now; encrypted contract state and chain queries as they are added.
 */
public interface EnclaveHost {

  /** Where the enclave keeps its sealed files. */
  SealedStorage sealedStorage();

  /** Contract state, encrypted by the enclave before it gets here. */
  default ContractStateStore contractState() {
    throw new UnsupportedOperationException("this host keeps no contract state");
  }
}
