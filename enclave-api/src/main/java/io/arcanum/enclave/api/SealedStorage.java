package io.arcanum.enclave.api;

import java.io.IOException;
import java.util.Optional;

/**
 * Files the enclave seals; the host stores the bytes without being able to read them (protocol.md
 * §5). Names are plain file names chosen by the enclave.
 */
public interface SealedStorage {

  /** The stored bytes, or empty if there is no such file. */
  Optional<byte[]> read(String name) throws IOException;

  /** Stores {@code bytes} under {@code name}, replacing it atomically. */
  void write(String name, byte[] bytes) throws IOException;
}
