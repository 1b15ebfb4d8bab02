package io.arcanum.wasm.runtime;

import com.dylibso.chicory.compiler.Cache;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;

/**
 * Chicory compiler output kept on disk, so a restarted node does not recompile every contract. The
 * key (Chicory's digest of the module) is hashed into a file name; files are written to a temporary
 * name and moved into place so a crash never leaves a torn entry.
 */
public final class DiskCompilerCache implements Cache {
  private final Path directory;

  public DiskCompilerCache(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory);
  }

  @Override
  public byte[] get(String key) throws IOException {
    try {
      return Files.readAllBytes(file(key));
    } catch (NoSuchFileException absent) {
      return null;
    }
  }

  @Override
  public void putIfAbsent(String key, byte[] bytes) throws IOException {
    Path target = file(key);
    if (Files.exists(target)) {
      return;
    }
    Path temp = Files.createTempFile(directory, "entry", ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private Path file(String key) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return directory.resolve(HexFormat.of().formatHex(digest) + ".bin");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
