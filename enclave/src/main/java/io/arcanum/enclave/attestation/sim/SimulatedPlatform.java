package io.arcanum.enclave.attestation.sim;

import io.arcanum.enclave.attestation.AttestationException;
import io.arcanum.enclave.attestation.QuotingPlatform;
import io.arcanum.enclave.attestation.RegistrationEvidence;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The development network's quoting platform (protocol.md §14 item 3a): produces genuine DCAP v3
 * quotes and collateral, byte for byte in Intel's formats, signed by a simulated quoting enclave
 * whose PCK certificate chains to the {@link DevelopmentRoot}. The verifier takes the same path as
 * for real evidence; only the trusted root differs, so there is no code that skips a check.
 *
 * <p>Per quote a fresh attestation key is certified by a QE report signed with the machine's PCK
 * key; the machine (and so its machine id) persists across restarts.
 */
public final class SimulatedPlatform implements QuotingPlatform {
  /** MRSIGNER of the simulated quoting enclave, named by the simulated QE identity. */
  static final byte[] QE_MRSIGNER = sha256("Arcanum simulated quoting enclave signer");

  static final int QE_PROD_ID = 1;
  static final int QE_SVN = 8;
  private static final byte[] QE_MRENCLAVE = sha256("Arcanum simulated quoting enclave");

  /** MRSIGNER of enclaves on the simulated platform (Arcanum's enclave has no signing key). */
  private static final byte[] ENCLAVE_MRSIGNER = sha256("Arcanum simulated enclave signer");

  /** Intel's QE vendor id, as real quotes carry it. */
  private static final byte[] INTEL_QE_VENDOR =
      HexFormat.of().parseHex("939a7233f79c4ca9940a0db3957f0607");

  private static final int CERT_TYPE_PCK_CHAIN = 5;

  private final DevelopmentRoot root;
  private final SimulatedMachine machine;
  private final SecureRandom random;
  private final String tcbStatus;
  private final boolean revokePck;

  public SimulatedPlatform(DevelopmentRoot root, SimulatedMachine machine, SecureRandom random) {
    this(root, machine, random, "UpToDate", false);
  }

  private SimulatedPlatform(
      DevelopmentRoot root,
      SimulatedMachine machine,
      SecureRandom random,
      String tcbStatus,
      boolean revokePck) {
    this.root = Objects.requireNonNull(root, "root");
    this.machine = Objects.requireNonNull(machine, "machine");
    this.random = Objects.requireNonNull(random, "random");
    this.tcbStatus = Objects.requireNonNull(tcbStatus, "tcbStatus");
    this.revokePck = revokePck;
  }

  /**
   * The same platform whose TCB info gives its TCB level {@code status} (e.g. {@code OutOfDate}):
   * for tests of the status policy.
   */
  /**
   * The simulated platform kept in {@code directory}: its development root and machine, each
   * created on first use and kept (keys mode 0600), so the machine id survives restarts. A
   * directory holding only a development root's certificate and key from another node makes this
   * node a new machine under the same root.
   */
  public static SimulatedPlatform openOrCreate(java.nio.file.Path directory, SecureRandom random)
      throws java.io.IOException {
    java.nio.file.Files.createDirectories(directory);
    DevelopmentRoot root;
    if (java.nio.file.Files.exists(directory.resolve(DevelopmentRoot.CERTIFICATE_FILE))) {
      root = DevelopmentRoot.load(directory);
    } else {
      root = DevelopmentRoot.create(random);
      root.save(directory);
    }
    SimulatedMachine machine;
    if (java.nio.file.Files.exists(directory.resolve("pck-cert.pem"))) {
      machine = SimulatedMachine.load(directory, root);
    } else {
      machine = SimulatedMachine.create(root, random);
      machine.save(directory);
    }
    return new SimulatedPlatform(root, machine, random);
  }

  /** The fingerprint of the development root a genesis must name to accept this platform. */
  public String rootFingerprint() {
    return root.fingerprint();
  }

  public SimulatedPlatform withTcbStatus(String status) {
    return new SimulatedPlatform(root, machine, random, status, revokePck);
  }

  /** The same platform whose PCK CRL lists its own PCK certificate: for revocation tests. */
  public SimulatedPlatform withRevokedPck() {
    return new SimulatedPlatform(root, machine, random, tcbStatus, true);
  }

  public SimulatedMachine machine() {
    return machine;
  }

  @Override
  public byte[] evidence(byte[] measurement, byte[] reportData, long nowSeconds)
      throws AttestationException {
    return parts(measurement, reportData, nowSeconds).encodeDefault();
  }

  /** Quote and collateral, before the container encodes them. */
  public RegistrationEvidence parts(byte[] measurement, byte[] reportData, long nowSeconds) {
    if (measurement.length != 32) {
      throw new IllegalArgumentException("a measurement is 32 bytes, not " + measurement.length);
    }
    if (reportData.length != 64) {
      throw new IllegalArgumentException("report data is 64 bytes, not " + reportData.length);
    }
    return new RegistrationEvidence(
        quote(measurement, reportData),
        SimulatedCollateral.build(root, machine, nowSeconds, tcbStatus, revokePck));
  }

  /** A DCAP v3 quote (§12.1): header, report body, ECDSA signature data, PCK chain. */
  private byte[] quote(byte[] measurement, byte[] reportData) {
    KeyPair attestation = SimPki.newKeyPair(random);
    byte[] attestationKey = SimPki.rawPublicKey(attestation.getPublic());
    byte[] authData = new byte[32];
    random.nextBytes(authData);

    ByteBuffer header = le(48);
    header.putShort((short) 3).putShort((short) 2).putInt(0); // version, ECDSA P-256, TEE SGX
    header.putShort((short) QE_SVN).putShort((short) SimulatedMachine.PCE_SVN);
    header.put(INTEL_QE_VENDOR); // 20 bytes of user data stay zero
    byte[] body =
        reportBody(
            (byte) 0x05, measurement, ENCLAVE_MRSIGNER, 0, 0, reportData); // INIT | MODE64BIT
    byte[] signed = concat(header.array(), body);

    byte[] qeReportData = new byte[64];
    System.arraycopy(sha256(concat(attestationKey, authData)), 0, qeReportData, 0, 32);
    byte[] qeReport =
        reportBody((byte) 0x11, QE_MRENCLAVE, QE_MRSIGNER, QE_PROD_ID, QE_SVN, qeReportData);
    // NUL-terminated, as Intel's quoting library writes the chain.
    String chainText =
        SimPki.pem(machine.pck())
            + SimPki.pem(machine.platformCa())
            + SimPki.pem(root.certificate())
            + "\0";
    byte[] chain = chainText.getBytes(StandardCharsets.US_ASCII);

    ByteArrayOutputStream signature = new ByteArrayOutputStream();
    signature.writeBytes(SimPki.signP1363(attestation.getPrivate(), signed));
    signature.writeBytes(attestationKey);
    signature.writeBytes(qeReport);
    signature.writeBytes(SimPki.signP1363(machine.pckKey(), qeReport));
    signature.writeBytes(le(2).putShort((short) authData.length).array());
    signature.writeBytes(authData);
    signature.writeBytes(le(6).putShort((short) CERT_TYPE_PCK_CHAIN).putInt(chain.length).array());
    signature.writeBytes(chain);
    byte[] signatureData = signature.toByteArray();
    return concat(signed, le(4).putInt(signatureData.length).array(), signatureData);
  }

  /** A 384-byte SGX report body with the fields the verifier reads (§12.1). */
  private static byte[] reportBody(
      byte flags, byte[] mrEnclave, byte[] mrSigner, int prodId, int svn, byte[] reportData) {
    ByteBuffer body = le(384);
    for (int i = 0; i < 16; i++) {
      body.put(i, (byte) SimulatedMachine.COMPONENT_SVNS[i]); // CPUSVN
    }
    body.put(48, flags); // attributes.flags
    body.put(56, (byte) 0x03); // attributes.xfrm: x87 | SSE
    body.put(64, mrEnclave);
    body.put(128, mrSigner);
    body.putShort(256, (short) prodId);
    body.putShort(258, (short) svn);
    body.put(320, reportData);
    return body.array();
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "SimulatedPlatform[" + machine.machineId().hex() + ", root " + root.fingerprint() + "]";
  }
}
