package io.arcanum.chain.registration;

import io.arcanum.chain.errors.ChainException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads the registration public key out of a combined evidence blob without verifying anything, as
 * Secret's Go keeper does before it asks the enclave (protocol.md §4.2 step 1): the DCAP quote's
 * report data starts at quote offset 368 and its first 32 bytes are the joining node's registration
 * key. The enclave verifies the evidence; this only says which key it claims, so the chain can
 * refuse a key already registered and keep the key for simulations.
 *
 * <p>Both layouts of §4.1: default ({@code LE32 epid_len ‖ LE32 quote_len ‖ LE32 collateral_len ‖
 * …}, first byte 0) and tagged ({@code tag ‖ LE32 len ‖ value}…, tag 2 the quote).
 */
final class EvidenceQuote {
  /** 48-byte quote header + 320 bytes of the report body before report_data. */
  static final int REPORT_DATA_OFFSET = 368;

  /** A quote must reach the end of report_data and its signature-length field. */
  static final int MIN_QUOTE_LENGTH = REPORT_DATA_OFFSET + 64 + 4;

  private static final int TAG_QUOTE = 2;

  private EvidenceQuote() {}

  /**
   * @throws ChainException {@code register} 6 naming what is missing or out of bounds
   */
  static byte[] registrationPublicKey(byte[] certificate) throws ChainException {
    byte[] quote = quote(certificate);
    if (quote.length < MIN_QUOTE_LENGTH) {
      throw invalid(
          "the DCAP quote has "
              + quote.length
              + " bytes, fewer than the "
              + MIN_QUOTE_LENGTH
              + " that hold its report data");
    }
    return Arrays.copyOfRange(quote, REPORT_DATA_OFFSET, REPORT_DATA_OFFSET + 32);
  }

  private static byte[] quote(byte[] blob) throws ChainException {
    if (blob == null || blob.length == 0) {
      throw invalid("the certificate is empty");
    }
    ByteBuffer in = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
    if (blob[0] == 0) {
      if (blob.length < 12) {
        throw invalid("the evidence header needs 12 bytes, the certificate has " + blob.length);
      }
      long epid = Integer.toUnsignedLong(in.getInt(0));
      long quote = Integer.toUnsignedLong(in.getInt(4));
      long collateral = Integer.toUnsignedLong(in.getInt(8));
      if (epid != 0) {
        throw invalid("EPID attestation is no longer accepted (epid_len " + epid + ")");
      }
      if (12 + quote + collateral > blob.length) {
        throw invalid("the evidence header declares more bytes than the certificate has");
      }
      return Arrays.copyOfRange(blob, 12, 12 + (int) quote);
    }
    int at = 0;
    while (at < blob.length) {
      if (blob.length - at < 5) {
        throw invalid("truncated evidence entry at offset " + at);
      }
      int tag = blob[at] & 0xff;
      long length = Integer.toUnsignedLong(in.getInt(at + 1));
      if (length > blob.length - at - 5) {
        throw invalid("evidence entry " + tag + " at offset " + at + " runs past the end");
      }
      if (tag == TAG_QUOTE) {
        return Arrays.copyOfRange(blob, at + 5, at + 5 + (int) length);
      }
      at += 5 + (int) length;
    }
    throw invalid("the evidence holds no DCAP quote");
  }

  private static ChainException invalid(String detail) {
    return RegistrationErrors.CERTIFICATE_INVALID.wrap(detail);
  }
}
