package io.arcanum.enclave.attestation.sim;

import io.arcanum.enclave.attestation.AttestationException;
import io.arcanum.enclave.attestation.MachineId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * One simulated SGX machine of a development network: what Intel provisions to a real platform. Its
 * PCK Platform CA and TCB Signing certificates are issued by the {@link DevelopmentRoot}; its PCK
 * certificate, issued by that CA, carries the SGX extension (OID 1.2.840.113741.1.13.1) with a
 * random PPID, so its {@link #machineId()} is unique and stable across restarts once {@link #save
 * saved}.
 */
public final class SimulatedMachine {
  /** Family 00606a000000 (Ice Lake server), not on the end-of-life list of protocol.md §12.2. */
  static final byte[] FMSPC = HexFormat.of().parseHex("00606a000000");

  static final byte[] PCE_ID = {0, 0};
  static final int PCE_SVN = 13;

  /** The 16 TCB component SVNs (sgxtcbcomp01svn…16), also the CPUSVN. */
  static final int[] COMPONENT_SVNS = {19, 19, 2, 2, 255, 255, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};

  private static final String SGX_OID = "1.2.840.113741.1.13.1";
  private static final String[] FILES = {
    "platform-ca-key.pem", "platform-ca-cert.pem",
    "pck-key.pem", "pck-cert.pem",
    "tcb-signing-key.pem", "tcb-signing-cert.pem"
  };

  private final PrivateKey platformCaKey;
  private final X509Certificate platformCa;
  private final PrivateKey pckKey;
  private final X509Certificate pck;
  private final PrivateKey tcbSigningKey;
  private final X509Certificate tcbSigning;
  private final MachineId machineId;

  private SimulatedMachine(
      PrivateKey platformCaKey,
      X509Certificate platformCa,
      PrivateKey pckKey,
      X509Certificate pck,
      PrivateKey tcbSigningKey,
      X509Certificate tcbSigning) {
    this.platformCaKey = platformCaKey;
    this.platformCa = platformCa;
    this.pckKey = pckKey;
    this.pck = pck;
    this.tcbSigningKey = tcbSigningKey;
    this.tcbSigning = tcbSigning;
    try {
      this.machineId = MachineId.of(pck);
    } catch (AttestationException e) {
      throw new IllegalStateException("a simulated PCK certificate lacks its SGX extension", e);
    }
  }

  /** Provisions a new machine under {@code root}. */
  public static SimulatedMachine create(DevelopmentRoot root, SecureRandom random) {
    Objects.requireNonNull(root, "root");
    KeyPair ca = SimPki.newKeyPair(random);
    X509Certificate platformCa =
        SimPki.certificate(
            new X500Name("CN=Arcanum Simulated PCK Platform CA,O=Arcanum (simulated)"),
            ca.getPublic(),
            root.certificate(),
            root.key(),
            0,
            random);
    byte[] ppid = new byte[16];
    random.nextBytes(ppid);
    KeyPair pckPair = SimPki.newKeyPair(random);
    X509Certificate pck =
        SimPki.certificate(
            new X500Name("CN=Arcanum Simulated PCK Certificate,O=Arcanum (simulated)"),
            pckPair.getPublic(),
            platformCa,
            ca.getPrivate(),
            SimPki.LEAF,
            random,
            SimPki.extension(SGX_OID, sgxExtension(ppid)));
    KeyPair tcbPair = SimPki.newKeyPair(random);
    X509Certificate tcbSigning =
        SimPki.certificate(
            new X500Name("CN=Arcanum Simulated TCB Signing,O=Arcanum (simulated)"),
            tcbPair.getPublic(),
            root.certificate(),
            root.key(),
            SimPki.LEAF,
            random);
    return new SimulatedMachine(
        ca.getPrivate(), platformCa, pckPair.getPrivate(), pck, tcbPair.getPrivate(), tcbSigning);
  }

  /**
   * The SGX extension's value, shaped as Intel's (and as {@code SgxExtension} reads it): a SEQUENCE
   * of (OID, value) pairs for PPID, TCB (16 component SVNs, PCESVN, CPUSVN), PCE-ID, FMSPC and SGX
   * type.
   */
  private static DERSequence sgxExtension(byte[] ppid) {
    ASN1EncodableVector tcb = new ASN1EncodableVector();
    byte[] cpuSvn = new byte[16];
    for (int i = 0; i < 16; i++) {
      tcb.add(pair(SGX_OID + ".2." + (i + 1), new ASN1Integer(COMPONENT_SVNS[i])));
      cpuSvn[i] = (byte) COMPONENT_SVNS[i];
    }
    tcb.add(pair(SGX_OID + ".2.17", new ASN1Integer(PCE_SVN)));
    tcb.add(pair(SGX_OID + ".2.18", new DEROctetString(cpuSvn)));
    ASN1EncodableVector items = new ASN1EncodableVector();
    items.add(pair(SGX_OID + ".1", new DEROctetString(ppid)));
    items.add(pair(SGX_OID + ".2", new DERSequence(tcb)));
    items.add(pair(SGX_OID + ".3", new DEROctetString(PCE_ID)));
    items.add(pair(SGX_OID + ".4", new DEROctetString(FMSPC)));
    items.add(pair(SGX_OID + ".5", new ASN1Enumerated(0))); // SGX type: standard
    return new DERSequence(items);
  }

  private static DERSequence pair(String oid, ASN1Encodable value) {
    return new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier(oid), value});
  }

  /**
   * Writes the machine's keys (PKCS#8 PEM, mode 0600) and certificates into {@code directory},
   * creating it. Refuses to overwrite a key.
   */
  public void save(Path directory) throws IOException {
    Files.createDirectories(directory);
    SimPki.writePrivateKey(directory.resolve(FILES[0]), platformCaKey);
    SimPki.writeCertificate(directory.resolve(FILES[1]), platformCa);
    SimPki.writePrivateKey(directory.resolve(FILES[2]), pckKey);
    SimPki.writeCertificate(directory.resolve(FILES[3]), pck);
    SimPki.writePrivateKey(directory.resolve(FILES[4]), tcbSigningKey);
    SimPki.writeCertificate(directory.resolve(FILES[5]), tcbSigning);
  }

  /**
   * Reads a machine saved by {@link #save}, checking that it was provisioned under {@code root}.
   *
   * @throws IOException if files are missing or malformed, a key does not match its certificate, or
   *     the machine belongs to another root
   */
  public static SimulatedMachine load(Path directory, DevelopmentRoot root) throws IOException {
    PrivateKey[] keys = new PrivateKey[3];
    X509Certificate[] certificates = new X509Certificate[3];
    for (int i = 0; i < 3; i++) {
      keys[i] = SimPki.readPrivateKey(directory.resolve(FILES[2 * i]));
      certificates[i] = SimPki.readCertificate(directory.resolve(FILES[2 * i + 1]));
      if (!DevelopmentRoot.keyMatches(keys[i], certificates[i])) {
        throw new IOException(
            directory.resolve(FILES[2 * i]) + " does not belong to " + FILES[2 * i + 1]);
      }
    }
    requireIssued(certificates[0], root.certificate(), directory);
    requireIssued(certificates[1], certificates[0], directory);
    requireIssued(certificates[2], root.certificate(), directory);
    return new SimulatedMachine(
        keys[0], certificates[0], keys[1], certificates[1], keys[2], certificates[2]);
  }

  private static void requireIssued(X509Certificate certificate, X509Certificate issuer, Path dir)
      throws IOException {
    try {
      certificate.verify(issuer.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new IOException(
          dir
              + ": "
              + certificate.getSubjectX500Principal()
              + " was not issued by "
              + issuer.getSubjectX500Principal()
              + " of this development root",
          e);
    }
  }

  /** The machine id verifiers compute from this machine's PCK certificate (§4.4). */
  public MachineId machineId() {
    return machineId;
  }

  X509Certificate platformCa() {
    return platformCa;
  }

  PrivateKey platformCaKey() {
    return platformCaKey;
  }

  X509Certificate pck() {
    return pck;
  }

  PrivateKey pckKey() {
    return pckKey;
  }

  X509Certificate tcbSigning() {
    return tcbSigning;
  }

  PrivateKey tcbSigningKey() {
    return tcbSigningKey;
  }

  @Override
  public String toString() {
    return "SimulatedMachine[" + machineId.hex() + "]";
  }
}
