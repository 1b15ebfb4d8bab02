package io.arcanum.enclave.attestation;

import io.arcanum.enclave.attestation.AttestationException.Failure;
import java.io.IOException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * The SGX extension of a PCK certificate (OID 1.2.840.113741.1.13.1): the platform's TCB component
 * SVNs, PCE SVN, PCE-ID and FMSPC, which the TCB info is matched against.
 *
 * @param componentSvns the 16 sgxtcbcompNNsvn values
 * @param pceSvn the PCE security version
 * @param pceId 2 bytes
 * @param fmspc 6 bytes, the platform family
 */
public record SgxExtension(int[] componentSvns, int pceSvn, byte[] pceId, byte[] fmspc) {
  static final String OID = "1.2.840.113741.1.13.1";

  public static SgxExtension of(X509Certificate pck) throws AttestationException {
    byte[] raw = pck.getExtensionValue(OID);
    if (raw == null) {
      throw new AttestationException(Failure.MALFORMED, "PCK certificate has no SGX extension");
    }
    try {
      ASN1Sequence items =
          ASN1Sequence.getInstance(
              ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(raw).getOctets()));
      int[] svns = null;
      int pceSvn = -1;
      byte[] pceId = null;
      byte[] fmspc = null;
      for (ASN1Encodable item : items) {
        ASN1Sequence pair = ASN1Sequence.getInstance(item);
        String oid = ASN1ObjectIdentifier.getInstance(pair.getObjectAt(0)).getId();
        ASN1Encodable value = pair.getObjectAt(1);
        switch (oid) {
          case OID + ".2" -> {
            svns = new int[16];
            for (ASN1Encodable component : ASN1Sequence.getInstance(value)) {
              ASN1Sequence c = ASN1Sequence.getInstance(component);
              String id = ASN1ObjectIdentifier.getInstance(c.getObjectAt(0)).getId();
              int n = Integer.parseInt(id.substring(id.lastIndexOf('.') + 1));
              if (n >= 1 && n <= 16) {
                svns[n - 1] = ASN1Integer.getInstance(c.getObjectAt(1)).intValueExact();
              } else if (n == 17) {
                pceSvn = ASN1Integer.getInstance(c.getObjectAt(1)).intValueExact();
              }
            }
          }
          case OID + ".3" -> pceId = ASN1OctetString.getInstance(value).getOctets();
          case OID + ".4" -> fmspc = ASN1OctetString.getInstance(value).getOctets();
          default -> {}
        }
      }
      if (svns == null || pceSvn < 0 || pceId == null || fmspc == null) {
        throw new AttestationException(
            Failure.MALFORMED, "PCK SGX extension lacks TCB, PCE-ID or FMSPC");
      }
      return new SgxExtension(svns, pceSvn, pceId, fmspc);
    } catch (IOException | IllegalArgumentException | ArithmeticException e) {
      throw new AttestationException(Failure.MALFORMED, "PCK SGX extension does not parse", e);
    }
  }
}
