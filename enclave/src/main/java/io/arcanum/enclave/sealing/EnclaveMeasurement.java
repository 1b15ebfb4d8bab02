package io.arcanum.enclave.sealing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The identity of the enclave build, Arcanum's MRENCLAVE: SHA-256 over the trusted code (the
 * enclave, crypto and wasm modules as packaged). Sealing keys and attestation evidence are bound to
 * it, so another build cannot unseal this build's files or pass as it.
 */
public record EnclaveMeasurement(byte[] bytes) {
  public static final int LENGTH = 32;

  public EnclaveMeasurement {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException("an enclave measurement is 32 bytes");
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * The measurement of the running build: each trusted module's code location (a jar, or a classes
   * directory in development) hashed in a fixed order.
   */
  public static EnclaveMeasurement ofRunningBuild() {
    return ofCode(
        List.of(
            EnclaveMeasurement.class, // enclave
            io.arcanum.crypto.SecretBytes.class, // crypto
            io.arcanum.wasm.WasmVm.class)); // wasm
  }

  static EnclaveMeasurement ofCode(List<Class<?>> modules) {
    MessageDigest sha256 = sha256();
    for (Class<?> module : modules) {
      Path location = location(module);
      sha256.update(module.getName().getBytes(StandardCharsets.UTF_8));
      try {
        if (Files.isDirectory(location)) {
          hashTree(sha256, location);
        } else {
          hashFile(sha256, location);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the enclave's code to measure it", e);
      }
    }
    return new EnclaveMeasurement(sha256.digest());
  }

  private static void hashTree(MessageDigest sha256, Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      sha256.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
      hashFile(sha256, file);
    }
  }

  private static void hashFile(MessageDigest sha256, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[65_536];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        sha256.update(buffer, 0, n);
      }
    }
  }

  private static Path location(Class<?> module) {
    CodeSource source = module.getProtectionDomain().getCodeSource();
    if (source == null) {
      throw new IllegalStateException("no code source for " + module.getName());
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("code location of " + module.getName(), e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EnclaveMeasurement that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "EnclaveMeasurement[" + HexFormat.of().formatHex(bytes) + "]";
  }
}
