package io.arcanum.enclave.attestation.sim;

import io.arcanum.enclave.attestation.AttestationException;
import io.arcanum.enclave.attestation.PckChain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * The trust anchor of a development network (protocol.md §14 item 3a): a self-signed P-256 root CA
 * standing in for Intel's SGX Root CA. Genesis names it by {@link #fingerprint()}; the simulated
 * platforms of that network issue their PCK and TCB-signing certificates under it. One per
 * development network; its key is a development secret, shared by that network's operators as
 * Intel's root key is not.
 */
public final class DevelopmentRoot {
  static final String KEY_FILE = "dev-root-key.pem";
  static final String CERTIFICATE_FILE = "dev-root-cert.pem";

  private final PrivateKey key;
  private final X509Certificate certificate;
  private final String fingerprint;

  private DevelopmentRoot(PrivateKey key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
    try {
      this.fingerprint = PckChain.fingerprint(certificate);
    } catch (AttestationException e) {
      throw new IllegalStateException("the root certificate cannot be encoded", e);
    }
  }

  /** A new root with a fresh key. */
  public static DevelopmentRoot create(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    KeyPair pair = SimPki.newKeyPair(random);
    X509Certificate certificate =
        SimPki.certificate(
            new X500Name(
                "CN=Arcanum Development SGX Root CA,O=Arcanum development network (simulated)"),
            pair.getPublic(),
            null,
            pair.getPrivate(),
            1, // issues PCK Platform CAs, which issue PCK certificates
            random);
    return new DevelopmentRoot(pair.getPrivate(), certificate);
  }

  /**
   * Writes the key ({@value #KEY_FILE}, PKCS#8 PEM, mode 0600) and certificate ({@value
   * #CERTIFICATE_FILE}) into {@code directory}, creating it. Refuses to overwrite a key.
   */
  public void save(Path directory) throws IOException {
    Files.createDirectories(directory);
    SimPki.writePrivateKey(directory.resolve(KEY_FILE), key);
    SimPki.writeCertificate(directory.resolve(CERTIFICATE_FILE), certificate);
  }

  /**
   * Reads a root saved by {@link #save}.
   *
   * @throws IOException if the files are missing, malformed, or the key does not match
   */
  public static DevelopmentRoot load(Path directory) throws IOException {
    PrivateKey key = SimPki.readPrivateKey(directory.resolve(KEY_FILE));
    X509Certificate certificate = SimPki.readCertificate(directory.resolve(CERTIFICATE_FILE));
    if (!keyMatches(key, certificate)) {
      throw new IOException(directory + ": the root key does not belong to the root certificate");
    }
    return new DevelopmentRoot(key, certificate);
  }

  /** Whether {@code key} is the private half of {@code certificate}'s key (sign and check). */
  static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
    try {
      byte[] probe = "arcanum development key check".getBytes(StandardCharsets.US_ASCII);
      Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(SimPki.signP1363(key, probe));
    } catch (GeneralSecurityException | IllegalStateException e) {
      return false;
    }
  }

  /** SHA-256 of the DER certificate, lower-case hex: what genesis names. */
  public String fingerprint() {
    return fingerprint;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  PrivateKey key() {
    return key;
  }

  @Override
  public String toString() {
    return "DevelopmentRoot[" + fingerprint + "]";
  }
}
