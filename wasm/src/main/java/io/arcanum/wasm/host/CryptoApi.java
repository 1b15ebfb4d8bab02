package io.arcanum.wasm.host;

import java.util.List;

/**
 * The signature host functions (cosmwasm-abi.md §2.2, §2.3) with the spec's result codes (§2.4).
 * Implementations never throw for bad contract input; they return a code.
 */
public interface CryptoApi {
  int OK = 0;
  int INVALID = 1;
  int INVALID_HASH_FORMAT = 3;
  int INVALID_SIGNATURE_FORMAT = 4;
  int INVALID_PUBKEY_FORMAT = 5;
  int INVALID_RECOVERY_PARAM = 6;
  int BATCH_ERR = 7;
  int GENERIC_ERR = 10;
  int INVALID_PRIVATE_KEY_FORMAT = 1000;

  /** 0 if {@code signature} (64 bytes r‖s) verifies {@code hash} under the SEC1 {@code pubkey}. */
  int secp256k1Verify(byte[] hash, byte[] signature, byte[] pubkey);

  /** The 65-byte uncompressed key, or a code. */
  Result secp256k1RecoverPubkey(byte[] hash, byte[] signature, int recoveryParam);

  /** 0 if {@code signature} verifies {@code message} under the 32-byte {@code pubkey}. */
  int ed25519Verify(byte[] message, byte[] signature, byte[] pubkey);

  /** 0 if every signature verifies; counts as in §2.2 (equal, or one message, or one key). */
  int ed25519BatchVerify(List<byte[]> messages, List<byte[]> signatures, List<byte[]> pubkeys);

  /** Secret: SHA-256 of {@code message} signed with the 32-byte key; 64-byte compact signature. */
  Result secp256k1Sign(byte[] message, byte[] privateKey);

  /** Secret: Ed25519 signature of {@code message} with the 32-byte seed. */
  Result ed25519Sign(byte[] message, byte[] privateKey);

  /** Secret: SGX DCAP quote verification; the enclave provides it. */
  Result dcapQuoteVerify(byte[] quote, byte[] collateral);

  /** A code and, when the code is 0, the output bytes. */
  record Result(int code, byte[] output) {
    public static Result ok(byte[] output) {
      return new Result(OK, output);
    }

    public static Result error(int code) {
      return new Result(code, new byte[0]);
    }
  }
}
