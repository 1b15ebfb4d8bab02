package io.arcanum.enclave.attestation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * DCAP verification collateral in Secret's serialization (protocol.md §12.1): {@code LE32 tee_type}
 * (0 = SGX), seven {@code LE32} sizes, then the blobs in this order, each NUL-terminated text.
 */
public record DcapCollateral(
    String pckCrlIssuerChain,
    String rootCaCrl,
    String pckCrl,
    String tcbInfoIssuerChain,
    String tcbInfo,
    String qeIdentityIssuerChain,
    String qeIdentity) {

  private static final String[] NAMES = {
    "PCK CRL issuer chain",
    "root CA CRL",
    "PCK CRL",
    "TCB info issuer chain",
    "TCB info",
    "QE identity issuer chain",
    "QE identity"
  };

  /**
   * @throws AttestationException naming the malformed part
   */
  public static DcapCollateral parse(byte[] collateral) throws AttestationException {
    ByteBuffer in = ByteBuffer.wrap(collateral).order(ByteOrder.LITTLE_ENDIAN);
    if (collateral.length < 32) {
      throw malformed("collateral of " + collateral.length + " bytes is too short");
    }
    int teeType = in.getInt();
    if (teeType != 0) {
      throw malformed("collateral TEE type " + teeType + ", expected 0 (SGX)");
    }
    long[] sizes = new long[7];
    long total = 0;
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = in.getInt() & 0xFFFF_FFFFL;
      total += sizes[i];
    }
    if (total != in.remaining()) {
      throw malformed(
          "collateral sizes add up to " + total + " bytes, " + in.remaining() + " follow");
    }
    String[] parts = new String[7];
    for (int i = 0; i < parts.length; i++) {
      byte[] part = new byte[(int) sizes[i]];
      in.get(part);
      // Each part is a C string from Intel's library: text, then exactly one NUL.
      int nul = indexOfNul(part);
      if (nul != part.length - 1) {
        throw malformed("collateral part " + NAMES[i] + " is not NUL-terminated text");
      }
      parts[i] = new String(part, 0, nul, StandardCharsets.UTF_8);
    }
    return new DcapCollateral(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);
  }

  private static int indexOfNul(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  private static AttestationException malformed(String message) {
    return new AttestationException(AttestationException.Failure.MALFORMED, message);
  }
}
