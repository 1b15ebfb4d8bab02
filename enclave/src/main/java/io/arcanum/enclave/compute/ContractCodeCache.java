package io.arcanum.enclave.compute;

import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.enclave.api.ContractCodeStore;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.wasm.ContractCode;
import io.arcanum.wasm.WasmVm;
import io.arcanum.wasm.validate.WasmValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Contract code by hash, fetched from the host once and checked: the host names the code by hash,
 * and the enclave runs only code whose SHA-256 is that hash (so the host cannot swap code under a
 * contract). Keeps the most recently used validated modules; the VM keeps them compiled.
 */
final class ContractCodeCache {
  private static final int CAPACITY = 256;

  private final ContractCodeStore host;
  private final WasmVm vm;
  private final Map<CodeHash, ContractCode> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CodeHash, ContractCode> eldest) {
          return size() > CAPACITY;
        }
      };

  ContractCodeCache(ContractCodeStore host, WasmVm vm) {
    this.host = host;
    this.vm = vm;
  }

  ContractCode get(CodeHash hash) throws EnclaveException {
    synchronized (cache) {
      ContractCode code = cache.get(hash);
      if (code != null) {
        return code;
      }
    }
    byte[] wasm = host.code(hash.bytes());
    if (wasm == null) {
      throw new EnclaveException(Reason.INVALID_INPUT, "no contract code with hash " + hash);
    }
    ContractCode code;
    try {
      code = vm.upload(wasm);
    } catch (WasmValidationException e) {
      throw new EnclaveException(
          Reason.HOST_DATA_REJECTED,
          "the stored code of " + hash + " is invalid: " + e.getMessage());
    }
    if (!code.codeHash().equals(hash.hex())) {
      throw new EnclaveException(
          Reason.HOST_DATA_REJECTED, "the host's code for " + hash + " has another hash");
    }
    synchronized (cache) {
      cache.put(hash, code);
    }
    return code;
  }
}
