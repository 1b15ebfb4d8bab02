package io.arcanum.enclave.api;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The host's sealed storage: one file per name in a directory (e.g. the node home's {@code
 * sealed/}). Writes go to a temporary file that is moved into place, so a crash never leaves a
 * half-written sealed file.
 */
public final class DirectorySealedStorage implements SealedStorage {
  private final Path directory;

  public DirectorySealedStorage(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory);
  }

  @Override
  public Optional<byte[]> read(String name) throws IOException {
    try {
      return Optional.of(Files.readAllBytes(file(name)));
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    }
  }

  @Override
  public void write(String name, byte[] bytes) throws IOException {
    Path target = file(name);
    Path temp = Files.createTempFile(directory, name, ".tmp");
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

  private Path file(String name) {
    if (!name.matches("[A-Za-z0-9._-]{1,100}") || name.startsWith(".")) {
      throw new IllegalArgumentException("not a plain sealed-file name: " + name);
    }
    return directory.resolve(name);
  }
}
