package io.arcanum.node.join;

import io.arcanum.node.home.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A development network's root (protocol.md §14 item 3a) as files: the two the simulated platform
 * keeps in its directory ({@code dev-root-cert.pem}, {@code dev-root-key.pem}; the enclave's {@code
 * DevelopmentRoot}). A platform directory holding only these becomes a new machine under that root
 * when the enclave provider opens it, so copying them is how a second node joins a development
 * network. The node never links to the enclave module, hence the file names here.
 */
public final class DevelopmentRootFiles {
  /** The root certificate (PEM): public, named in genesis by its SHA-256 fingerprint. */
  public static final String CERTIFICATE_FILE = "dev-root-cert.pem";

  /** The root key (PKCS#8 PEM, mode 0600): a development secret shared by the network. */
  public static final String KEY_FILE = "dev-root-key.pem";

  private static final List<String> FILES = List.of(CERTIFICATE_FILE, KEY_FILE);

  private DevelopmentRootFiles() {}

  /**
   * The fingerprint genesis names for the root in {@code directory}: lower-case hex SHA-256 of the
   * certificate's DER encoding.
   *
   * @throws ConfigException if either root file is missing or the certificate does not parse
   */
  public static String fingerprint(Path directory) throws ConfigException {
    requirePresent(directory);
    Path file = directory.resolve(CERTIFICATE_FILE);
    try (InputStream in = Files.newInputStream(file)) {
      X509Certificate certificate =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (IOException | CertificateException | ClassCastException e) {
      throw new ConfigException(file + " is not a readable PEM certificate: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Copies the root's two files from {@code from} into {@code to} (created if needed), nothing else
   * of a platform directory. Files already in {@code to} are kept when they are identical (an
   * interrupted init runs again); any other root there is refused, never overwritten.
   *
   * @throws ConfigException if {@code from} lacks a root file or {@code to} holds another root
   */
  public static void copy(Path from, Path to) throws ConfigException, IOException {
    requirePresent(from);
    Files.createDirectories(to);
    for (String name : FILES) {
      Path target = to.resolve(name);
      byte[] bytes = Files.readAllBytes(from.resolve(name));
      try {
        if (Files.exists(target)) {
          if (!Arrays.equals(Files.readAllBytes(target), bytes)) {
            throw new ConfigException(
                to + " already holds another development root (" + name + " differs)");
          }
          continue;
        }
        Path temp = Files.createTempFile(to, name, ".tmp"); // created 0600, as a key must be
        Files.write(temp, bytes);
        Files.move(temp, target);
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    }
  }

  private static void requirePresent(Path directory) throws ConfigException {
    for (String name : FILES) {
      if (!Files.isRegularFile(directory.resolve(name))) {
        throw new ConfigException(
            directory
                + " holds no development root: "
                + name
                + " is missing (give the directory with the network's "
                + CERTIFICATE_FILE
                + " and "
                + KEY_FILE
                + ", e.g. the bootstrap node's enclave/sim-platform)");
      }
    }
  }
}
