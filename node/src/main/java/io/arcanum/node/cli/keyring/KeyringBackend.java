package io.arcanum.node.cli.keyring;

/**
 * Where a keyring keeps private keys (docs/cli.md "Keyring"). The names and folder names are the
 * Cosmos SDK's ({@code --keyring-backend test|file}, {@code keyring-test/}, {@code keyring-file/}),
 * so LocalSecret habits carry over; the file format inside is Arcanum's own.
 */
public enum KeyringBackend {
  /** Private keys in the clear in files only the owner can read (0600): for development chains. */
  TEST("test"),
  /** Private keys sealed with a passphrase (scrypt, AES-256-GCM). */
  FILE("file");

  private final String id;

  KeyringBackend(String id) {
    this.id = id;
  }

  /** The name used on the command line and in the folder name. */
  public String id() {
    return id;
  }

  /** The folder under the home (or {@code --keyring-dir}) that holds this backend's keys. */
  public String folderName() {
    return "keyring-" + id;
  }

  @Override
  public String toString() {
    return id;
  }
}
