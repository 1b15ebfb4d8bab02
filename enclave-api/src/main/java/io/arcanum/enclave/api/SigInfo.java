package io.arcanum.enclave.api;

/**
 * What the node passes so the enclave can check for itself that the sender signed the message it
 * runs (protocol.md §10.1), or, for a contract-to-contract call, the callback signature (§10.2).
 *
 * @param txBytes the whole transaction as broadcast ({@code TxRaw}); empty for a callback
 * @param signBytes the bytes the signer signed: an encoded {@code SignDoc} (DIRECT), the amino
 *     {@code StdSignDoc} JSON (LEGACY_AMINO_JSON, EIP_191)
 * @param signMode {@link #SIGN_MODE_DIRECT}, {@link #SIGN_MODE_LEGACY_AMINO_JSON} or {@link
 *     #SIGN_MODE_EIP_191}
 * @param publicKey the signer's key as a protobuf {@code Any}; needed for amino and EIP-191 modes
 * @param signature the signature over the sign bytes (64 bytes r‖s for secp256k1)
 * @param callbackSignature the callback signature of a contract-to-contract call; empty otherwise
 */
public record SigInfo(
    byte[] txBytes,
    byte[] signBytes,
    int signMode,
    byte[] publicKey,
    byte[] signature,
    byte[] callbackSignature) {
  public static final int SIGN_MODE_DIRECT = 1;
  public static final int SIGN_MODE_LEGACY_AMINO_JSON = 127;
  public static final int SIGN_MODE_EIP_191 = 191;

  public SigInfo {
    txBytes = txBytes == null ? new byte[0] : txBytes;
    signBytes = signBytes == null ? new byte[0] : signBytes;
    publicKey = publicKey == null ? new byte[0] : publicKey;
    signature = signature == null ? new byte[0] : signature;
    callbackSignature = callbackSignature == null ? new byte[0] : callbackSignature;
  }

  /** The signature info of a contract-to-contract call: only the callback signature. */
  public static SigInfo callback(byte[] callbackSignature) {
    return new SigInfo(null, null, 0, null, null, callbackSignature);
  }

  public boolean isCallback() {
    return callbackSignature.length > 0;
  }
}
