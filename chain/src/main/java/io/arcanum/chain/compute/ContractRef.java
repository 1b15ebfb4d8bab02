package io.arcanum.chain.compute;

import io.arcanum.chain.errors.ChainException;
import io.arcanum.enclave.api.ContractKeyInfo;
import io.arcanum.proto.secret.compute.v1beta1.CodeInfo;
import io.arcanum.proto.secret.compute.v1beta1.ContractInfo;

/** A stored contract with what a call needs: its info, its code's info and its key. */
record ContractRef(byte[] address, ContractInfo info, CodeInfo code, ContractKeyInfo key) {

  byte[] codeHash() {
    return code.getCodeHash().toByteArray();
  }

  String bech32() {
    return Addresses.bech32(address);
  }

  /** The contract at {@code address}, or null if there is none. */
  static ContractRef find(ComputeState state, byte[] address) {
    ContractInfo info = state.contractInfo(address);
    if (info == null) {
      return null;
    }
    CodeInfo code = state.codeInfo(info.getCodeId());
    ContractKeyInfo key = state.contractKey(address, info);
    if (code == null || key == null) {
      throw new IllegalStateException(
          "contract " + Addresses.bech32(address) + " has no code info or no key");
    }
    return new ContractRef(address.clone(), info, code, key);
  }

  /**
   * @throws ChainException {@code compute} 9 "contract secret1…: not found"
   */
  static ContractRef require(ComputeState state, byte[] address) throws ChainException {
    ContractRef ref = find(state, address);
    if (ref == null) {
      throw ComputeErrors.NOT_FOUND.wrap("contract " + Addresses.bech32(address));
    }
    return ref;
  }
}
