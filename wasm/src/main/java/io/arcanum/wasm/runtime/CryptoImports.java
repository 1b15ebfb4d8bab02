package io.arcanum.wasm.runtime;

import com.dylibso.chicory.runtime.WasmFunctionHandle;
import io.arcanum.wasm.host.CryptoApi;
import io.arcanum.wasm.host.CryptoApi.Result;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Signature functions (cosmwasm-abi.md §2.2–§2.4), priced per §6.3. */
final class CryptoImports {
  private CryptoImports() {}

  static void register(CallContext c, Map<String, WasmFunctionHandle> handlers) {
    CryptoApi crypto = c.host.crypto();
    handlers.put(
        "secp256k1_verify",
        (instance, args) -> {
          c.gas().charge(HostCosts.SECP256K1_VERIFY);
          byte[] hash = c.read(args[0], "secp256k1_verify hash");
          byte[] signature = c.read(args[1], "secp256k1_verify signature");
          byte[] pubkey = c.read(args[2], "secp256k1_verify public key");
          return HostImports.i32(c.callHost(() -> crypto.secp256k1Verify(hash, signature, pubkey)));
        });
    handlers.put(
        "secp256k1_recover_pubkey",
        (instance, args) -> {
          c.gas().charge(HostCosts.SECP256K1_RECOVER);
          byte[] hash = c.read(args[0], "secp256k1_recover_pubkey hash");
          byte[] signature = c.read(args[1], "secp256k1_recover_pubkey signature");
          int param = (int) args[2];
          return packed(
              c, c.callHost(() -> crypto.secp256k1RecoverPubkey(hash, signature, param)), "key");
        });
    handlers.put(
        "ed25519_verify",
        (instance, args) -> {
          c.gas().charge(HostCosts.ED25519_VERIFY);
          byte[] message = c.read(args[0], "ed25519_verify message");
          byte[] signature = c.read(args[1], "ed25519_verify signature");
          byte[] pubkey = c.read(args[2], "ed25519_verify public key");
          return HostImports.i32(
              c.callHost(() -> crypto.ed25519Verify(message, signature, pubkey)));
        });
    handlers.put(
        "ed25519_batch_verify",
        (instance, args) -> {
          List<byte[]> messages = sections(c.read(args[0], "ed25519_batch_verify messages"));
          List<byte[]> signatures = sections(c.read(args[1], "ed25519_batch_verify signatures"));
          List<byte[]> pubkeys = sections(c.read(args[2], "ed25519_batch_verify public keys"));
          c.gas()
              .charge(
                  HostCosts.ED25519_BATCH_BASE
                      + HostCosts.ED25519_BATCH_PER_SIGNATURE * signatures.size());
          return HostImports.i32(
              c.callHost(() -> crypto.ed25519BatchVerify(messages, signatures, pubkeys)));
        });
    handlers.put(
        "secp256k1_sign",
        (instance, args) -> {
          c.gas().charge(HostCosts.SECP256K1_SIGN);
          byte[] message = c.read(args[0], "secp256k1_sign message");
          byte[] key = c.read(args[1], "secp256k1_sign private key");
          return packed(c, c.callHost(() -> crypto.secp256k1Sign(message, key)), "signature");
        });
    handlers.put(
        "ed25519_sign",
        (instance, args) -> {
          c.gas().charge(HostCosts.ED25519_SIGN);
          byte[] message = c.read(args[0], "ed25519_sign message");
          byte[] key = c.read(args[1], "ed25519_sign private key");
          return packed(c, c.callHost(() -> crypto.ed25519Sign(message, key)), "signature");
        });
    handlers.put(
        "dcap_quote_verify",
        (instance, args) -> {
          c.gas().charge(HostCosts.DCAP_QUOTE_VERIFY);
          byte[] quote = c.read(args[0], "dcap_quote_verify quote");
          byte[] collateral = c.read(args[1], "dcap_quote_verify collateral");
          return packed(c, c.callHost(() -> crypto.dcapQuoteVerify(quote, collateral)), "result");
        });
  }

  private static long[] packed(CallContext c, Result result, String what) {
    if (result.code() != CryptoApi.OK) {
      return HostImports.packed(result.code(), 0);
    }
    return HostImports.packed(CryptoApi.OK, c.allocate(result.output(), what));
  }

  /** Decodes the sections encoding {@code s1 ‖ BE32(len s1) ‖ s2 ‖ …} from the end (§3.5). */
  static List<byte[]> sections(byte[] data) {
    List<byte[]> out = new ArrayList<>();
    int end = data.length;
    while (end > 0) {
      if (end < 4) {
        throw VmTrap.host("sections: " + end + " stray bytes before the first length");
      }
      long length =
          ((data[end - 4] & 0xFFL) << 24)
              | ((data[end - 3] & 0xFFL) << 16)
              | ((data[end - 2] & 0xFFL) << 8)
              | (data[end - 1] & 0xFFL);
      end -= 4;
      if (length > end) {
        throw VmTrap.host("sections: a section claims " + length + " bytes, only " + end + " left");
      }
      int start = end - (int) length;
      out.add(java.util.Arrays.copyOfRange(data, start, end));
      end = start;
    }
    Collections.reverse(out);
    return out;
  }
}
