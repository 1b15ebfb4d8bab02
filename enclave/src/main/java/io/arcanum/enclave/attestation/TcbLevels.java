package io.arcanum.enclave.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.enclave.attestation.AttestationException.Failure;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Intel's TCB level matching: the first level (in the document's order, newest first) whose every
 * component the platform meets gives the status. FMSPC and PCE-ID compare as bytes, so the
 * fixture's lower-case {@code 00906ed50000} matches (protocol.md §12.2 NOTE).
 */
final class TcbLevels {
  private TcbLevels() {}

  /** The platform's TCB status from the TCB info and the PCK certificate's SGX extension. */
  static String platformStatus(JsonNode tcbInfo, SgxExtension platform)
      throws AttestationException {
    if (!Arrays.equals(hex(tcbInfo, "fmspc"), platform.fmspc())) {
      throw new AttestationException(
          Failure.TCB_STATUS,
          "TCB info is for FMSPC "
              + tcbInfo.path("fmspc").asText()
              + ", the platform's is "
              + HexFormat.of().formatHex(platform.fmspc()));
    }
    if (!Arrays.equals(hex(tcbInfo, "pceId"), platform.pceId())) {
      throw new AttestationException(Failure.TCB_STATUS, "TCB info is for another PCE-ID");
    }
    for (JsonNode level : tcbInfo.path("tcbLevels")) {
      JsonNode tcb = level.path("tcb");
      boolean meets = platform.pceSvn() >= tcb.path("pcesvn").asInt(Integer.MAX_VALUE);
      for (int i = 0; i < 16 && meets; i++) {
        String name = String.format(Locale.ROOT, "sgxtcbcomp%02dsvn", i + 1);
        meets = platform.componentSvns()[i] >= tcb.path(name).asInt(Integer.MAX_VALUE);
      }
      if (meets) {
        return level.path("tcbStatus").asText();
      }
    }
    throw new AttestationException(Failure.TCB_STATUS, "the platform meets no TCB level");
  }

  /** The quoting enclave's status from the QE identity and the QE report (384-byte body). */
  static String qeStatus(JsonNode identity, byte[] qeReport) throws AttestationException {
    byte[] mrSigner = Arrays.copyOfRange(qeReport, 128, 160);
    if (!Arrays.equals(mrSigner, hex(identity, "mrsigner"))) {
      throw new AttestationException(
          Failure.TCB_STATUS, "the QE is not signed by Intel's QE signer");
    }
    int prodId = DcapQuote.le16(qeReport, 256);
    if (prodId != identity.path("isvprodid").asInt(-1)) {
      throw new AttestationException(
          Failure.TCB_STATUS, "QE product id " + prodId + " is not the QE's");
    }
    if (!masked(
            Arrays.copyOfRange(qeReport, 48, 64),
            hex(identity, "attributes"),
            hex(identity, "attributesMask"))
        || !masked(
            Arrays.copyOfRange(qeReport, 16, 20),
            hex(identity, "miscselect"),
            hex(identity, "miscselectMask"))) {
      throw new AttestationException(
          Failure.TCB_STATUS, "QE attributes or miscselect do not match");
    }
    int isvSvn = DcapQuote.le16(qeReport, 258);
    for (JsonNode level : identity.path("tcbLevels")) {
      if (isvSvn >= level.path("tcb").path("isvsvn").asInt(Integer.MAX_VALUE)) {
        return level.path("tcbStatus").asText();
      }
    }
    throw new AttestationException(Failure.TCB_STATUS, "QE ISVSVN " + isvSvn + " meets no level");
  }

  private static boolean masked(byte[] actual, byte[] expected, byte[] mask) {
    if (expected.length != actual.length || mask.length != actual.length) {
      return false;
    }
    for (int i = 0; i < actual.length; i++) {
      if ((actual[i] & mask[i]) != (expected[i] & mask[i])) {
        return false;
      }
    }
    return true;
  }

  private static byte[] hex(JsonNode node, String field) throws AttestationException {
    try {
      return HexFormat.of().parseHex(node.path(field).asText().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new AttestationException(
          Failure.MALFORMED, "collateral field " + field + " is not hex");
    }
  }
}
