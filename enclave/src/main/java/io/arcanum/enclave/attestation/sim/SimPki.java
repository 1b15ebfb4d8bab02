package io.arcanum.enclave.attestation.sim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Keys, certificates, CRLs and PEM files of the simulated platform, built with Bouncy Castle in the
 * shapes Intel's PKI uses (P-256, ECDSA-SHA256), so the verifier cannot tell them apart except by
 * the root.
 */
final class SimPki {
  /** Validity of every simulated certificate: the span of Intel's SGX Root CA (§12.1). */
  static final Instant NOT_BEFORE = Instant.parse("2018-05-21T00:00:00Z");

  static final Instant NOT_AFTER = Instant.parse("2049-12-31T23:59:59Z");

  private SimPki() {}

  static KeyPair newKeyPair(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has P-256", e);
    }
  }

  /** Path length of a leaf certificate: not a CA. */
  static final int LEAF = -1;

  /**
   * A certificate for {@code subjectKey} signed by {@code issuerKey}; {@code issuer} null means
   * self-signed. A CA ({@code pathLength >= 0}) gets keyCertSign and cRLSign, a leaf
   * digitalSignature and nonRepudiation, as Intel's do.
   */
  static X509Certificate certificate(
      X500Name subject,
      PublicKey subjectKey,
      X509Certificate issuer,
      PrivateKey issuerKey,
      int pathLength,
      SecureRandom random,
      Extension... extra) {
    boolean ca = pathLength >= 0;
    try {
      X500Name issuerName =
          issuer == null
              ? subject
              : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuerName,
              new BigInteger(128, random).setBit(127),
              Date.from(NOT_BEFORE),
              Date.from(NOT_AFTER),
              subject,
              subjectKey);
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          utils.createAuthorityKeyIdentifier(issuer == null ? subjectKey : issuer.getPublicKey()));
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(
              ca
                  ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                  : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      builder.addExtension(
          Extension.basicConstraints,
          true,
          ca ? new BasicConstraints(pathLength) : new BasicConstraints(false));
      for (Extension extension : extra) {
        builder.addExtension(extension);
      }
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKey)));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot build a simulated certificate", e);
    }
  }

  /** A CRL by {@code issuer} current from {@code thisUpdate} to {@code nextUpdate}. */
  static X509CRL crl(
      X509Certificate issuer,
      PrivateKey issuerKey,
      Instant thisUpdate,
      Instant nextUpdate,
      List<BigInteger> revoked,
      long number) {
    try {
      X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer, Date.from(thisUpdate));
      builder.setNextUpdate(Date.from(nextUpdate));
      for (BigInteger serial : revoked) {
        builder.addCRLEntry(serial, Date.from(thisUpdate), CRLReason.keyCompromise);
      }
      builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.getPublicKey()));
      return new JcaX509CRLConverter().getCRL(builder.build(signer(issuerKey)));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot build a simulated CRL", e);
    }
  }

  private static ContentSigner signer(PrivateKey key) {
    try {
      return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign with a P-256 key", e);
    }
  }

  static Extension extension(String oid, ASN1Encodable value) {
    try {
      return new Extension(
          new ASN1ObjectIdentifier(oid), false, value.toASN1Primitive().getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an extension", e);
    }
  }

  /** ECDSA-SHA256 as the raw r ‖ s (P1363) Intel's quotes and JSON signatures carry. */
  static byte[] signP1363(PrivateKey key, byte[] data) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
      signature.initSign(key);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with a P-256 key", e);
    }
  }

  /** A P-256 public key as the 64-byte x ‖ y of a quote. */
  static byte[] rawPublicKey(PublicKey key) {
    ECPublicKey ec = (ECPublicKey) key;
    byte[] out = new byte[64];
    copyUnsigned(ec.getW().getAffineX(), out, 0);
    copyUnsigned(ec.getW().getAffineY(), out, 32);
    return out;
  }

  private static void copyUnsigned(BigInteger value, byte[] out, int offset) {
    byte[] bytes = value.toByteArray();
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, out, offset + 32 - length, length);
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  static String pem(X509Certificate certificate) {
    try {
      return pem("CERTIFICATE", certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode a certificate", e);
    }
  }

  static String pem(X509CRL crl) {
    try {
      return pem("X509 CRL", crl.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode a CRL", e);
    }
  }

  /** Writes a private key as PKCS#8 PEM into a new file readable by its owner only (0600). */
  static void writePrivateKey(Path file, PrivateKey key) throws IOException {
    byte[] text = pem("PRIVATE KEY", key.getEncoded()).getBytes(StandardCharsets.US_ASCII);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file); // not a POSIX file system: rely on the directory's protection
    } catch (FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(file + " exists; refusing to overwrite a key");
    }
    Files.write(file, text, StandardOpenOption.TRUNCATE_EXISTING);
  }

  static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
    Files.writeString(file, pem(certificate), StandardCharsets.US_ASCII);
  }

  static PrivateKey readPrivateKey(Path file) throws IOException {
    try {
      return KeyFactory.getInstance("EC")
          .generatePrivate(new PKCS8EncodedKeySpec(pemBody(file, "PRIVATE KEY")));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException(file + " is not a PKCS#8 P-256 private key", e);
    }
  }

  static X509Certificate readCertificate(Path file) throws IOException {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(pemBody(file, "CERTIFICATE")));
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IOException(file + " is not an X.509 certificate", e);
    }
  }

  private static byte[] pemBody(Path file, String type) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IOException(file + " holds no PEM " + type);
    }
    return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
  }
}
