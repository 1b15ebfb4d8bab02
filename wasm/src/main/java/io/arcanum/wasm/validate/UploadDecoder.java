package io.arcanum.wasm.validate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Turns uploaded bytes into a raw module: gunzips if the upload starts with the gzip magic
 * (secret.js may send either, cosmwasm-abi.md §5.3), bounding the inflated size so a zip bomb costs
 * at most {@code maxWasmBytes + 1} bytes of memory, then checks the wasm magic and version.
 */
final class UploadDecoder {
  private static final byte[] WASM_HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

  private UploadDecoder() {}

  static byte[] decode(byte[] upload, int maxWasmBytes, int maxGzipBytes) {
    if (upload.length == 0) {
      throw new WasmValidationException(ValidationRule.NOT_WASM, "empty upload");
    }
    byte[] wasm = isGzip(upload) ? gunzip(upload, maxWasmBytes, maxGzipBytes) : upload;
    if (wasm.length > maxWasmBytes) {
      throw new WasmValidationException(
          ValidationRule.TOO_LARGE, wasm.length + " bytes, limit " + maxWasmBytes);
    }
    if (wasm.length < WASM_HEADER.length) {
      throw new WasmValidationException(
          ValidationRule.NOT_WASM, "only " + wasm.length + " bytes, shorter than the wasm header");
    }
    for (int i = 0; i < 4; i++) {
      if (wasm[i] != WASM_HEADER[i]) {
        throw new WasmValidationException(
            ValidationRule.NOT_WASM, "the first bytes are not the wasm magic \\0asm");
      }
    }
    for (int i = 4; i < WASM_HEADER.length; i++) {
      if (wasm[i] != WASM_HEADER[i]) {
        throw new WasmValidationException(
            ValidationRule.NOT_WASM, "wasm binary version is not 1 (not a core wasm module)");
      }
    }
    return wasm;
  }

  static boolean isGzip(byte[] upload) {
    return upload.length >= 2 && (upload[0] & 0xFF) == 0x1F && (upload[1] & 0xFF) == 0x8B;
  }

  private static byte[] gunzip(byte[] upload, int maxWasmBytes, int maxGzipBytes) {
    if (upload.length > maxGzipBytes) {
      throw new WasmValidationException(
          ValidationRule.TOO_LARGE,
          "gzip upload of " + upload.length + " bytes, limit " + maxGzipBytes);
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(upload))) {
      byte[] out = in.readNBytes(maxWasmBytes + 1);
      if (out.length > maxWasmBytes) {
        throw new WasmValidationException(
            ValidationRule.TOO_LARGE, "inflates to more than " + maxWasmBytes + " bytes");
      }
      return out;
    } catch (IOException e) {
      throw new WasmValidationException(ValidationRule.MALFORMED_GZIP, e.getMessage(), e);
    }
  }
}
