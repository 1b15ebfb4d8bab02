package io.arcanum.enclave.attestation.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The collateral of a simulated quote in Secret's serialization (protocol.md §12.1): CRLs, TCB info
 * and QE identity, issued fresh for the time of the evidence (from an hour before to 30 days after)
 * and signed exactly as Intel signs them — ECDSA P-256, raw r ‖ s in hex, over the body's exact
 * JSON text.
 */
final class SimulatedCollateral {
  static final Duration ISSUED_BEFORE = Duration.ofHours(1);
  static final Duration VALID_FOR = Duration.ofDays(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private SimulatedCollateral() {}

  /**
   * @param tcbStatus the status the TCB info gives this machine's TCB level
   * @param revokePck whether the PCK CRL lists this machine's PCK certificate
   */
  static byte[] build(
      DevelopmentRoot root,
      SimulatedMachine machine,
      long nowSeconds,
      String tcbStatus,
      boolean revokePck) {
    Instant issued = Instant.ofEpochSecond(nowSeconds).minus(ISSUED_BEFORE);
    Instant nextUpdate = Instant.ofEpochSecond(nowSeconds).plus(VALID_FOR);
    String rootPem = SimPki.pem(root.certificate());
    String rootCrl =
        SimPki.pem(SimPki.crl(root.certificate(), root.key(), issued, nextUpdate, List.of(), 1));
    List<BigInteger> revoked = revokePck ? List.of(machine.pck().getSerialNumber()) : List.of();
    String pckCrl =
        SimPki.pem(
            SimPki.crl(
                machine.platformCa(), machine.platformCaKey(), issued, nextUpdate, revoked, 1));
    String signingChain = SimPki.pem(machine.tcbSigning()) + rootPem;
    String[] parts = {
      SimPki.pem(machine.platformCa()) + rootPem,
      rootCrl,
      pckCrl,
      signingChain,
      signed("tcbInfo", tcbInfo(issued, nextUpdate, tcbStatus), machine.tcbSigningKey()),
      signingChain,
      signed("enclaveIdentity", qeIdentity(issued, nextUpdate), machine.tcbSigningKey())
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer header = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(0); // TEE type: SGX
    byte[][] blobs = new byte[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      // NUL-terminated, as Intel's library hands the collateral to Secret.
      blobs[i] = (parts[i] + "\0").getBytes(StandardCharsets.UTF_8);
      header.putInt(blobs[i].length);
    }
    out.writeBytes(header.array());
    for (byte[] blob : blobs) {
      out.writeBytes(blob);
    }
    return out.toByteArray();
  }

  /** TCB info v2 for this machine's family: its level first, then an older OutOfDate level. */
  private static ObjectNode tcbInfo(Instant issued, Instant nextUpdate, String status) {
    ObjectNode body = JSON.createObjectNode();
    body.put("version", 2);
    body.put("issueDate", issued.toString());
    body.put("nextUpdate", nextUpdate.toString());
    body.put("fmspc", HexFormat.of().formatHex(SimulatedMachine.FMSPC));
    body.put("pceId", HexFormat.of().formatHex(SimulatedMachine.PCE_ID));
    body.put("tcbType", 0);
    body.put("tcbEvaluationDataNumber", 1);
    ArrayNode levels = body.putArray("tcbLevels");
    levels.add(level(SimulatedMachine.COMPONENT_SVNS, SimulatedMachine.PCE_SVN, issued, status));
    levels.add(level(new int[16], 0, issued, "OutOfDate"));
    return body;
  }

  private static ObjectNode level(int[] svns, int pceSvn, Instant date, String status) {
    ObjectNode level = JSON.createObjectNode();
    ObjectNode tcb = level.putObject("tcb");
    for (int i = 0; i < svns.length; i++) {
      tcb.put(String.format(Locale.ROOT, "sgxtcbcomp%02dsvn", i + 1), svns[i]);
    }
    tcb.put("pcesvn", pceSvn);
    level.put("tcbDate", date.toString());
    level.put("tcbStatus", status);
    return level;
  }

  /** QE identity v2 describing the simulated quoting enclave of {@link SimulatedPlatform}. */
  private static ObjectNode qeIdentity(Instant issued, Instant nextUpdate) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", "QE");
    body.put("version", 2);
    body.put("issueDate", issued.toString());
    body.put("nextUpdate", nextUpdate.toString());
    body.put("tcbEvaluationDataNumber", 1);
    body.put("miscselect", "00000000");
    body.put("miscselectMask", "FFFFFFFF");
    body.put("attributes", "11000000000000000000000000000000");
    body.put("attributesMask", "FBFFFFFFFFFFFFFF0000000000000000");
    body.put("mrsigner", HexFormat.of().withUpperCase().formatHex(SimulatedPlatform.QE_MRSIGNER));
    body.put("isvprodid", SimulatedPlatform.QE_PROD_ID);
    ArrayNode levels = body.putArray("tcbLevels");
    ObjectNode level = levels.addObject();
    level.putObject("tcb").put("isvsvn", SimulatedPlatform.QE_SVN);
    level.put("tcbDate", issued.toString());
    level.put("tcbStatus", "UpToDate");
    return body;
  }

  /** {@code {"<name>":<body>,"signature":"<hex r‖s over body>"}} with the body's exact text. */
  private static String signed(String name, ObjectNode body, PrivateKey key) {
    try {
      String text = JSON.writeValueAsString(body);
      byte[] signature = SimPki.signP1363(key, text.getBytes(StandardCharsets.UTF_8));
      return "{\""
          + name
          + "\":"
          + text
          + ",\"signature\":\""
          + HexFormat.of().formatHex(signature)
          + "\"}";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write collateral JSON", e);
    }
  }
}
