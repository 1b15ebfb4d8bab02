package io.arcanum.node.cli.keyring;

import io.arcanum.crypto.CryptoException;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.bech32.InvalidBech32Exception;
import io.arcanum.crypto.bip32.HdPath;
import io.arcanum.crypto.bip32.HdWallet;
import io.arcanum.crypto.bip39.Mnemonic;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.node.cli.keyring.KeyringException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CLI's keyring: one folder ({@code <home>/keyring-test} or {@code keyring-file}, mode 0700)
 * with one {@link KeyFile} per key (mode 0600). Keys are found by name or by {@code secret1…}
 * address, as {@code --from} accepts either.
 *
 * <p>Only the private key is stored, never the mnemonic: {@code keys add} prints the mnemonic once
 * and forgets it. The {@code file} backend seals each private key under the keyring's passphrase;
 * the first key sets the passphrase and later keys must use the same one, as in the Cosmos SDK's
 * file keyring.
 */
public final class Keyring {
  /** Letters, digits, '.', '_' and '-', starting with a letter or digit; at most 64. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final int MIN_PASSPHRASE = 8;

  private final Path dir;
  private final KeyringBackend backend;
  private final Passphrases passphrases;
  private final SecureRandom random;

  private Keyring(Path dir, KeyringBackend backend, Passphrases passphrases, SecureRandom random) {
    this.dir = dir;
    this.backend = backend;
    this.passphrases = passphrases;
    this.random = random;
  }

  /**
   * The keyring of {@code backend} under {@code parent} (the home or {@code --keyring-dir}).
   * Nothing is created until a key is added.
   */
  public static Keyring open(
      Path parent, KeyringBackend backend, Passphrases passphrases, SecureRandom random) {
    return new Keyring(
        parent.toAbsolutePath().normalize().resolve(backend.folderName()),
        backend,
        passphrases,
        random);
  }

  public Path dir() {
    return dir;
  }

  public KeyringBackend backend() {
    return backend;
  }

  /** Every key, sorted by name. */
  public List<KeyInfo> list() throws KeyringException {
    List<KeyInfo> keys = new ArrayList<>();
    for (Path file : files()) {
      keys.add(KeyFile.read(file).info());
    }
    keys.sort(Comparator.comparing(KeyInfo::name));
    return keys;
  }

  /** Whether a key is stored under {@code name} (not an address). */
  public boolean contains(String name) {
    return NAME.matcher(name).matches() && Files.isRegularFile(fileOf(name));
  }

  /** The key named {@code nameOrAddress}, or else the key with that {@code secret1…} address. */
  public Optional<KeyInfo> find(String nameOrAddress) throws KeyringException {
    return findFile(nameOrAddress).map(KeyFile::info);
  }

  /**
   * @throws KeyringException ({@link Reason#NO_SUCH_KEY}) naming the key and the keyring folder
   */
  public KeyInfo get(String nameOrAddress) throws KeyringException {
    return find(nameOrAddress).orElseThrow(() -> noSuchKey(nameOrAddress));
  }

  /**
   * Derives the key on {@code path} of {@code mnemonic} and stores it as {@code name}.
   *
   * @throws KeyringException for a bad or taken name, an account already stored under another name,
   *     or (file backend) a passphrase that is wrong or too short
   */
  public KeyInfo add(String name, Mnemonic mnemonic, HdPath path) throws KeyringException {
    checkName(name);
    Path file = fileOf(name);
    if (Files.exists(file)) {
      throw new KeyringException(
          Reason.DUPLICATE_NAME, "a key named '" + name + "' already exists in " + dir);
    }
    try (Secp256k1PrivateKey key = HdWallet.deriveKey(mnemonic, "", path)) {
      KeyInfo info = new KeyInfo(name, key.publicKey(), path);
      for (KeyInfo other : list()) {
        if (other.address().equals(info.address())) {
          throw new KeyringException(
              Reason.DUPLICATE_KEY,
              "account "
                  + info.bech32Address()
                  + " is already in the keyring as '"
                  + other.name()
                  + "'");
        }
      }
      byte[] secret = key.exportSecret();
      try {
        KeyFile keyFile =
            switch (backend) {
              case TEST -> new KeyFile(info, Optional.of(secret), Optional.empty());
              case FILE -> new KeyFile(info, Optional.empty(), Optional.of(seal(info, secret)));
            };
        createDir();
        keyFile.write(file);
      } catch (IOException e) {
        throw new KeyringException(
            Reason.STORAGE, "cannot write " + file + ": " + e.getMessage(), e);
      } finally {
        Arrays.fill(secret, (byte) 0);
      }
      return info;
    }
  }

  /**
   * Parses a mnemonic for {@link #add}, turning a bad phrase into a keyring error that says which
   * rule it broke (never quoting a word).
   */
  public static Mnemonic parseMnemonic(String phrase) throws KeyringException {
    try {
      return Mnemonic.parse(phrase);
    } catch (CryptoException e) {
      throw new KeyringException(Reason.BAD_MNEMONIC, "invalid mnemonic: " + e.getMessage(), e);
    }
  }

  /** Removes the key's file. */
  public KeyInfo delete(String nameOrAddress) throws KeyringException {
    KeyFile keyFile = findFile(nameOrAddress).orElseThrow(() -> noSuchKey(nameOrAddress));
    Path file = fileOf(keyFile.info().name());
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new KeyringException(
          Reason.STORAGE, "cannot delete " + file + ": " + e.getMessage(), e);
    }
    return keyFile.info();
  }

  /**
   * The key with its private key and tx-encryption seed; asks for the passphrase (file backend).
   *
   * @throws KeyringException for an unknown key, a wrong passphrase or a damaged file
   */
  public UnlockedKey unlock(String nameOrAddress) throws KeyringException {
    KeyFile keyFile = findFile(nameOrAddress).orElseThrow(() -> noSuchKey(nameOrAddress));
    byte[] secret =
        keyFile.privateKey().isPresent()
            ? keyFile.privateKey().get()
            : open(keyFile, passphrases.existing());
    try {
      Secp256k1PrivateKey key = Secp256k1PrivateKey.fromBytes(secret);
      if (!key.publicKey().equals(keyFile.info().publicKey())) {
        key.destroy();
        throw new KeyringException(
            Reason.CORRUPT_KEY_FILE,
            "key file of '" + keyFile.info().name() + "' holds a private key of another account");
      }
      return new UnlockedKey(keyFile.info(), key);
    } catch (CryptoException e) {
      throw new KeyringException(
          Reason.CORRUPT_KEY_FILE,
          "key file of '" + keyFile.info().name() + "' holds an invalid private key");
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private byte[] open(KeyFile keyFile, char[] passphrase) throws KeyringException {
    try {
      return keyFile
          .sealed()
          .orElseThrow()
          .open(passphrase, KeyFile.associatedData(keyFile.info()))
          .orElseThrow(
              () ->
                  new KeyringException(
                      Reason.WRONG_PASSPHRASE,
                      "wrong passphrase for key '" + keyFile.info().name() + "' in " + dir));
    } catch (IllegalArgumentException e) {
      throw new KeyringException(
          Reason.CORRUPT_KEY_FILE,
          "key file of '" + keyFile.info().name() + "' is damaged: " + e.getMessage());
    } finally {
      Arrays.fill(passphrase, '\0');
    }
  }

  /** Seals a new key: under the existing keys' passphrase, or a new one for the first key. */
  private SealedSecret seal(KeyInfo info, byte[] secret) throws KeyringException {
    List<Path> existing = files();
    char[] passphrase;
    if (existing.isEmpty()) {
      passphrase = passphrases.create();
      if (passphrase.length < MIN_PASSPHRASE) {
        Arrays.fill(passphrase, '\0');
        throw new KeyringException(
            Reason.BAD_PASSPHRASE,
            "the keyring passphrase must have at least " + MIN_PASSPHRASE + " characters");
      }
    } else {
      passphrase = passphrases.existing();
      byte[] check = open(KeyFile.read(existing.get(0)), passphrase.clone());
      Arrays.fill(check, (byte) 0);
    }
    try {
      return SealedSecret.seal(secret, passphrase, KeyFile.associatedData(info), random);
    } finally {
      Arrays.fill(passphrase, '\0');
    }
  }

  private Optional<KeyFile> findFile(String nameOrAddress) throws KeyringException {
    if (NAME.matcher(nameOrAddress).matches()) {
      Path file = fileOf(nameOrAddress);
      if (Files.isRegularFile(file)) {
        return Optional.of(KeyFile.read(file));
      }
    }
    CosmosAddress address;
    try {
      address = CosmosAddress.parseSecret(nameOrAddress);
    } catch (InvalidBech32Exception notAnAddress) {
      return Optional.empty();
    }
    for (Path file : files()) {
      KeyFile keyFile = KeyFile.read(file);
      if (keyFile.info().address().equals(address)) {
        return Optional.of(keyFile);
      }
    }
    return Optional.empty();
  }

  private List<Path> files() throws KeyringException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(KeyFile.SUFFIX))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new KeyringException(Reason.STORAGE, "cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private Path fileOf(String name) {
    return dir.resolve(name + KeyFile.SUFFIX);
  }

  private void createDir() throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      try {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      } catch (UnsupportedOperationException notPosix) {
        // best effort where the file system has no POSIX permissions
      }
    }
  }

  private static void checkName(String name) throws KeyringException {
    if (!NAME.matcher(name).matches()) {
      throw new KeyringException(
          Reason.BAD_NAME,
          "key name '"
              + name
              + "' is not allowed: use 1 to 64 letters, digits, '.', '_' or '-', starting with a"
              + " letter or digit");
    }
    try {
      CosmosAddress.parseSecret(name);
      throw new KeyringException(
          Reason.BAD_NAME, "key name '" + name + "' is an address; choose a name that is not");
    } catch (InvalidBech32Exception notAnAddress) {
      // good: a name cannot be mistaken for an address in --from
    }
  }

  private KeyringException noSuchKey(String nameOrAddress) {
    return new KeyringException(
        Reason.NO_SUCH_KEY,
        "no key '" + nameOrAddress + "' in " + dir + " (see `arcanum keys list`)");
  }

  @Override
  public String toString() {
    return "Keyring[" + backend + ", " + dir + "]";
  }
}
