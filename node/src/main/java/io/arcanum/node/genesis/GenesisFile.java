package io.arcanum.node.genesis;

import io.arcanum.chain.app.Genesis;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The node's {@code config/genesis.json}: the chain's {@link Genesis} read strictly and written
 * atomically. Beyond what {@link Genesis#parse} checks (fields, time, height, sections are
 * objects), a node needs the {@code registration} section — its enclave's trust settings and the
 * network's public keys — so reading checks that too ({@link RegistrationGenesis#parse}). Every
 * error names the file.
 */
public final class GenesisFile {
  private GenesisFile() {}

  /**
   * @throws ConfigException naming the file and what is wrong in it
   */
  public static Genesis read(Path file) throws ConfigException {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + " is missing; run `arcanum init` for this home first");
    }
    Genesis genesis;
    try {
      genesis = Genesis.read(file);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
    registration(genesis, file);
    return genesis;
  }

  /**
   * The registration section, checked strictly.
   *
   * @param file named in the error
   * @throws ConfigException naming the file and the field
   */
  public static RegistrationGenesis registration(Genesis genesis, Path file)
      throws ConfigException {
    try {
      return RegistrationGenesis.parse(genesis.section(RegistrationGenesis.MODULE));
    } catch (ChainException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
  }

  /** Writes through a temporary file moved into place: a half-written genesis never exists. */
  public static void write(Genesis genesis, Path file) throws IOException {
    JsonFiles.write(file, genesis.toJson(), false);
  }
}
