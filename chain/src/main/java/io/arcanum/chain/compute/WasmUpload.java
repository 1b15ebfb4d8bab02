package io.arcanum.chain.compute;

import io.arcanum.chain.errors.ChainException;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.wasm.VmLimits;
import io.arcanum.wasm.validate.ContractValidator;
import io.arcanum.wasm.validate.WasmValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * An uploaded contract made ready to store (Secret's {@code keeper.Create}): gunzipped when it
 * starts with the gzip magic {@code 1f 8b 08} (secretjs-api.md §5), never inflated past the size
 * limit so a gzip bomb costs at most that much memory, and validated statically by the VM's
 * validator so that code that can never run is refused at upload.
 *
 * @param wasm the inflated module
 * @param codeHash SHA-256 of {@link #wasm}
 */
record WasmUpload(byte[] wasm, CodeHash codeHash) {
  private static final ContractValidator VALIDATOR =
      new ContractValidator(VmLimits.secretDefaults());

  /** The inflated module, checked against {@code maxContractSize}; nothing validated yet. */
  static byte[] inflate(byte[] upload, long maxContractSize) throws ChainException {
    if (!isGzip(upload)) {
      if (upload.length > maxContractSize) {
        throw ComputeErrors.MAX_CONTRACT_SIZE.wrap(
            "wasm of " + upload.length + " bytes, limit " + maxContractSize);
      }
      return upload;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(upload))) {
      byte[] out = in.readNBytes((int) maxContractSize + 1);
      if (out.length > maxContractSize) {
        throw ComputeErrors.MAX_CONTRACT_SIZE.wrap(
            "gzipped wasm inflates to more than " + maxContractSize + " bytes");
      }
      return out;
    } catch (IOException e) {
      throw ComputeErrors.CREATE_FAILED.wrap("malformed gzip: " + e.getMessage());
    }
  }

  /**
   * Validates an inflated module.
   *
   * @throws ChainException {@code compute} 15 naming the broken rule and the item
   */
  static WasmUpload validate(byte[] wasm) throws ChainException {
    try {
      VALIDATOR.validate(wasm);
    } catch (WasmValidationException e) {
      throw ComputeErrors.CREATE_FAILED.wrap(e.getMessage());
    } catch (RuntimeException e) { // the parser on input it does not expect: still bad input
      throw ComputeErrors.CREATE_FAILED.wrap(
          "invalid wasm module: " + e.getClass().getSimpleName());
    }
    return new WasmUpload(wasm, CodeHash.of(wasm));
  }

  static boolean isGzip(byte[] upload) {
    return upload.length >= 3
        && (upload[0] & 0xff) == 0x1f
        && (upload[1] & 0xff) == 0x8b
        && upload[2] == 0x08;
  }
}
