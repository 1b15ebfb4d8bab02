package io.arcanum.enclave.compute;

import io.arcanum.enclave.api.ContractStateStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds a call's encrypted writes until the enclave has finished the call, so a call that fails
 * after the contract returned (its output cannot be encrypted or sent) leaves the host's state
 * untouched. Reads go straight to the host: the VM's own write cache answers a call's reads of its
 * own writes.
 */
final class StagedState implements ContractStateStore {
  private final ContractStateStore host;
  private final List<Write> writes = new ArrayList<>();

  private record Write(byte[] contract, byte[] key, byte[] value) {}

  StagedState(ContractStateStore host) {
    this.host = host;
  }

  @Override
  public byte[] get(byte[] contractAddress, byte[] key) {
    return host.get(contractAddress, key);
  }

  @Override
  public void set(byte[] contractAddress, byte[] key, byte[] value) {
    writes.add(new Write(contractAddress, key, value));
  }

  @Override
  public void remove(byte[] contractAddress, byte[] key) {
    writes.add(new Write(contractAddress, key, null));
  }

  /** Passes the staged writes to the host, in the order the call made them. */
  void commit() {
    for (Write write : writes) {
      if (write.value() == null) {
        host.remove(write.contract(), write.key());
      } else {
        host.set(write.contract(), write.key(), write.value());
      }
    }
    writes.clear();
  }
}
