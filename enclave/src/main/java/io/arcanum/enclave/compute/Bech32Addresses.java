package io.arcanum.enclave.compute;

import io.arcanum.crypto.bech32.Bech32;
import io.arcanum.crypto.bech32.Bech32Data;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;

/** Canonical addresses as the node passes them, and their bech32 form the contract sees. */
final class Bech32Addresses {
  private final String prefix;

  Bech32Addresses(String prefix) {
    this.prefix = prefix;
  }

  /** Accounts and contracts are 20 bytes; module and ICA accounts 32. */
  byte[] requireCanonical(byte[] address, String what) throws EnclaveException {
    if (address == null || (address.length != 20 && address.length != 32)) {
      throw new EnclaveException(
          Reason.INVALID_INPUT,
          what
              + " must be a 20- or 32-byte canonical address, got "
              + (address == null ? "none" : address.length + " bytes"));
    }
    return address.clone();
  }

  String human(byte[] canonical) {
    return Bech32.encodeBytes(prefix, canonical);
  }

  byte[] parse(String human, String what) throws EnclaveException {
    try {
      Bech32Data data = Bech32.decode(human);
      if (!data.hrp().equals(prefix)) {
        throw new EnclaveException(
            Reason.INVALID_INPUT, what + " '" + human + "' does not start with " + prefix);
      }
      return requireCanonical(data.bytes(), what);
    } catch (RuntimeException e) {
      throw new EnclaveException(
          Reason.INVALID_INPUT, what + " '" + human + "' is not a bech32 address");
    }
  }
}
