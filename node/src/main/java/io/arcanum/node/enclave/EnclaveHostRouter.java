package io.arcanum.node.enclave;

import io.arcanum.enclave.api.ChainQueryHost;
import io.arcanum.enclave.api.ContractCodeStore;
import io.arcanum.enclave.api.ContractStateStore;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.SealedStorage;
import java.util.Objects;

/**
 * The node's side of the enclave's OCALLs. The enclave is opened before the application exists
 * (genesis needs its keys), so sealed storage is the node's own and everything else — contract
 * state, code, chain queries — goes to the host the application {@link #connect}s once it is built.
 * The returned stores forward each call, so an enclave that keeps them works either way.
 */
public final class EnclaveHostRouter implements EnclaveHost {
  private final SealedStorage sealed;
  private volatile EnclaveHost application;

  private final ContractStateStore state =
      new ContractStateStore() {
        @Override
        public byte[] get(byte[] contractAddress, byte[] key) {
          return connected().contractState().get(contractAddress, key);
        }

        @Override
        public void set(byte[] contractAddress, byte[] key, byte[] value) {
          connected().contractState().set(contractAddress, key, value);
        }

        @Override
        public void remove(byte[] contractAddress, byte[] key) {
          connected().contractState().remove(contractAddress, key);
        }
      };

  public EnclaveHostRouter(SealedStorage sealed) {
    this.sealed = Objects.requireNonNull(sealed, "sealed");
  }

  /** Routes contract state, code and chain queries to the application's host from now on. */
  public void connect(EnclaveHost applicationHost) {
    this.application = Objects.requireNonNull(applicationHost, "applicationHost");
  }

  @Override
  public SealedStorage sealedStorage() {
    return sealed;
  }

  @Override
  public ContractStateStore contractState() {
    return state;
  }

  @Override
  public ContractCodeStore contractCode() {
    return codeHash -> connected().contractCode().code(codeHash);
  }

  @Override
  public ChainQueryHost chainQueries() {
    return (request, depth, gasLimit) -> connected().chainQueries().query(request, depth, gasLimit);
  }

  private EnclaveHost connected() {
    EnclaveHost host = application;
    if (host == null) {
      throw new UnsupportedOperationException(
          "the application has not connected contract state, code and queries to the enclave");
    }
    return host;
  }
}
