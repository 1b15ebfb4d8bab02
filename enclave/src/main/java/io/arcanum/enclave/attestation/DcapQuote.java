package io.arcanum.enclave.attestation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An Intel SGX DCAP quote, version 3, with ECDSA P-256 attestation key (protocol.md §12.1). Parsing
 * checks every length against the bytes and names the field that does not fit; it verifies nothing
 * (see {@link DcapVerifier}).
 *
 * @param bytes the whole quote
 * @param reportBody the enclave's 384-byte report body
 * @param signature the attestation key's P1363 signature (r ‖ s) over bytes 0..432
 * @param attestationKey the attestation public key, x ‖ y
 * @param qeReport the quoting enclave's 384-byte report body
 * @param qeReportSignature the PCK key's P1363 signature over {@code qeReport}
 * @param qeAuthData the QE authentication data
 * @param certificationData the PCK certificate chain, PEM (certification data type 5)
 */
public record DcapQuote(
    byte[] bytes,
    byte[] reportBody,
    byte[] signature,
    byte[] attestationKey,
    byte[] qeReport,
    byte[] qeReportSignature,
    byte[] qeAuthData,
    String certificationData) {

  static final int HEADER_LENGTH = 48;
  static final int REPORT_BODY_LENGTH = 384;
  static final int SIGNED_LENGTH = HEADER_LENGTH + REPORT_BODY_LENGTH; // 432
  private static final int CERT_TYPE_PEM_CHAIN = 5;

  /** The bytes the attestation key signs: header and report body. */
  public byte[] signedBytes() {
    return Arrays.copyOf(bytes, SIGNED_LENGTH);
  }

  public int version() {
    return le16(bytes, 0);
  }

  public byte[] mrEnclave() {
    return Arrays.copyOfRange(reportBody, 64, 96);
  }

  public byte[] mrSigner() {
    return Arrays.copyOfRange(reportBody, 128, 160);
  }

  /** The 64-byte report data: registration public key ‖ owner key (§4.1). */
  public byte[] reportData() {
    return Arrays.copyOfRange(reportBody, 320, 384);
  }

  /**
   * @throws AttestationException naming the malformed field
   */
  public static DcapQuote parse(byte[] quote) throws AttestationException {
    ByteBuffer in = ByteBuffer.wrap(quote).order(ByteOrder.LITTLE_ENDIAN);
    require(quote.length >= SIGNED_LENGTH + 4, "quote of " + quote.length + " bytes is too short");
    int version = in.getShort(0) & 0xFFFF;
    require(version == 3, "quote version " + version + ", only version 3 is accepted");
    int keyType = in.getShort(2) & 0xFFFF;
    require(keyType == 2, "attestation key type " + keyType + ", expected 2 (ECDSA P-256)");
    byte[] reportBody = Arrays.copyOfRange(quote, HEADER_LENGTH, SIGNED_LENGTH);
    in.position(SIGNED_LENGTH);
    long signatureDataLength = in.getInt() & 0xFFFF_FFFFL;
    require(
        signatureDataLength == in.remaining(),
        "signature data claims " + signatureDataLength + " bytes, " + in.remaining() + " follow");
    byte[] signature = take(in, 64, "quote signature");
    byte[] attestationKey = take(in, 64, "attestation key");
    byte[] qeReport = take(in, REPORT_BODY_LENGTH, "QE report");
    byte[] qeReportSignature = take(in, 64, "QE report signature");
    byte[] qeAuthData = take(in, in.remaining() >= 2 ? in.getShort() & 0xFFFF : -1, "QE auth data");
    require(in.remaining() >= 6, "certification data header is missing");
    int certType = in.getShort() & 0xFFFF;
    require(
        certType == CERT_TYPE_PEM_CHAIN,
        "certification data type " + certType + ", expected 5 (PCK certificate chain)");
    long certLength = in.getInt() & 0xFFFF_FFFFL;
    require(certLength == in.remaining(), "certification data length does not match the quote");
    byte[] cert = take(in, (int) certLength, "certification data");
    // Intel's quoting library NUL-terminates the chain; only that one terminator is dropped.
    int textLength = cert.length > 0 && cert[cert.length - 1] == 0 ? cert.length - 1 : cert.length;
    String pem = new String(cert, 0, textLength, StandardCharsets.US_ASCII);
    return new DcapQuote(
        quote.clone(),
        reportBody,
        signature,
        attestationKey,
        qeReport,
        qeReportSignature,
        qeAuthData,
        pem);
  }

  private static byte[] take(ByteBuffer in, int length, String what) throws AttestationException {
    require(length >= 0 && length <= in.remaining(), what + " runs past the end of the quote");
    byte[] out = new byte[length];
    in.get(out);
    return out;
  }

  static int le16(byte[] bytes, int offset) {
    return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
  }

  private static void require(boolean condition, String message) throws AttestationException {
    if (!condition) {
      throw new AttestationException(AttestationException.Failure.MALFORMED, message);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DcapQuote that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "DcapQuote[version 3, " + bytes.length + " bytes]";
  }
}
