package io.arcanum.enclave.attestation;

import io.arcanum.enclave.attestation.AttestationException.Failure;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1OctetString;

/**
 * A machine's identity on the allow-list (protocol.md §4.4): the first 20 bytes of SHA-256 over the
 * value of the PCK certificate's SGX extension. Secret's code calls the hashed value the PPID, but
 * it is the whole extension SEQUENCE (PPID, TCB, PCE-ID, FMSPC, …), so a TCB recovery that reissues
 * the PCK certificate with new SVNs also changes the machine id.
 *
 * @param bytes 20 bytes
 */
public record MachineId(byte[] bytes) {
  public static final int LENGTH = 20;

  public MachineId {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "a machine id is " + LENGTH + " bytes, not " + bytes.length);
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The machine id of the platform a PCK certificate was issued to. */
  public static MachineId of(X509Certificate pck) throws AttestationException {
    byte[] extension = pck.getExtensionValue(SgxExtension.OID);
    if (extension == null) {
      throw new AttestationException(Failure.MALFORMED, "PCK certificate has no SGX extension");
    }
    byte[] value;
    try {
      // getExtensionValue returns the DER OCTET STRING wrapping extnValue; hash its contents.
      value = ASN1OctetString.getInstance(extension).getOctets();
    } catch (IllegalArgumentException e) {
      throw new AttestationException(Failure.MALFORMED, "PCK SGX extension does not parse", e);
    }
    try {
      return new MachineId(
          Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(value), LENGTH));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * @throws IllegalArgumentException unless 40 hex digits
   */
  public static MachineId fromHex(String hex) {
    return new MachineId(HexFormat.of().parseHex(hex));
  }

  /** Lower-case hex, as allow-lists and {@code replace_machine_id} spell it. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MachineId that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "MachineId[" + hex() + "]";
  }
}
