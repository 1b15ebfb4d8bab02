package io.arcanum.enclave.sealing;

import io.arcanum.crypto.SecretBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The simulated platform's root sealing secret: what SGX derives sealing keys from (the CPU's fused
 * key), here 32 random bytes kept once per machine outside the node's data, by default in {@code
 * ~/.arcanum/sim-platform.key} (mode 0600). A sealed file copied to another machine meets another
 * secret there and cannot be opened. Real SGX replaces this with {@code EGETKEY}.
 */
public final class PlatformSealingSecret extends SecretBytes {
  public static final int LENGTH = 32;

  private PlatformSealingSecret(byte[] bytes) {
    super(bytes, LENGTH, "platform sealing secret");
  }

  /** For tests: a secret from given bytes (another "machine" per value). */
  public static PlatformSealingSecret of(byte[] bytes) {
    return new PlatformSealingSecret(bytes);
  }

  /** The default per-machine location. */
  public static Path defaultLocation() {
    return Path.of(System.getProperty("user.home"), ".arcanum", "sim-platform.key");
  }

  /** Reads the machine's secret, creating it on first use. */
  public static PlatformSealingSecret loadOrCreate(Path file, SecureRandom random)
      throws IOException {
    if (Files.exists(file)) {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length != LENGTH) {
        throw new IOException(
            "platform sealing secret " + file + " has " + bytes.length + " bytes, expected 32");
      }
      return new PlatformSealingSecret(bytes);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] bytes = new byte[LENGTH];
    random.nextBytes(bytes);
    try {
      Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // best effort on non-POSIX file systems
      }
      return new PlatformSealingSecret(bytes);
    } finally {
      java.util.Arrays.fill(bytes, (byte) 0);
    }
  }

  byte[] bytesForDerivation() {
    return secret();
  }
}
