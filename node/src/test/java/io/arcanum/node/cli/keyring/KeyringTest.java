package io.arcanum.node.cli.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.bip32.HdPath;
import io.arcanum.crypto.bip39.Mnemonic;
import io.arcanum.node.cli.keyring.KeyringException.Reason;
import io.arcanum.node.genesis.LocalSecretAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The keyring's files, both backends, and every way a request can be refused. */
class KeyringTest {
  static final String A = LocalSecretAccounts.KNOWN.get(0).mnemonic();
  static final String A_ADDRESS = "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03";
  static final String B = LocalSecretAccounts.KNOWN.get(1).mnemonic();
  static final String B_ADDRESS = "secret1fc3fzy78ttp0lwuujw7e52rhspxn8uj52zfyne";

  @TempDir Path home;

  /** A passphrase source that hands out the same passphrase and counts the requests. */
  static final class Fixed implements Passphrases {
    final String passphrase;
    int asked;

    Fixed(String passphrase) {
      this.passphrase = passphrase;
    }

    @Override
    public char[] existing() {
      asked++;
      return passphrase.toCharArray();
    }

    @Override
    public char[] create() {
      asked++;
      return passphrase.toCharArray();
    }
  }

  Keyring keyring(KeyringBackend backend, Passphrases passphrases) {
    // a seeded source keeps salts and nonces reproducible; mnemonics in these tests are given
    return Keyring.open(home, backend, passphrases, seeded(1));
  }

  static SecureRandom seeded(long seed) {
    Random random = new Random(seed);
    return new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
      }
    };
  }

  static Mnemonic mnemonic(String phrase) throws KeyringException {
    return Keyring.parseMnemonic(phrase);
  }

  @ParameterizedTest
  @EnumSource(KeyringBackend.class)
  void localSecretAccountAIsRecoveredToItsAddressAndUnlocksToTheSameKey(KeyringBackend backend)
      throws Exception {
    Keyring keyring = keyring(backend, new Fixed("correct horse"));
    KeyInfo a = keyring.add("a", mnemonic(A), HdPath.secret(0));
    assertThat(a.bech32Address()).isEqualTo(A_ADDRESS);
    assertThat(a.publicKeyBase64()).isEqualTo("A07oJJ9n4TYTnD7ZStYyiPbB3kXOZvqIMkchGmmPRAzf");
    assertThat(a.hdPath()).hasToString("m/44'/529'/0'/0/0");

    try (UnlockedKey unlocked = keyring(backend, new Fixed("correct horse")).unlock("a")) {
      assertThat(unlocked.privateKey().publicKey()).isEqualTo(a.publicKey());
      assertThat(unlocked.info()).isEqualTo(a);
      assertThat(unlocked.toString()).doesNotContain("PrivateKey");
    }
  }

  @ParameterizedTest
  @EnumSource(KeyringBackend.class)
  void keysAreListedFoundByNameOrAddressAndDeleted(KeyringBackend backend) throws Exception {
    Keyring keyring = keyring(backend, new Fixed("correct horse"));
    keyring.add("bob", mnemonic(B), HdPath.secret(0));
    keyring.add("alice", mnemonic(A), HdPath.secret(0));

    assertThat(keyring.list()).extracting(KeyInfo::name).containsExactly("alice", "bob");
    assertThat(keyring.get("bob").bech32Address()).isEqualTo(B_ADDRESS);
    assertThat(keyring.get(A_ADDRESS).name()).isEqualTo("alice");
    assertThat(keyring.contains("alice")).isTrue();
    assertThat(keyring.contains(A_ADDRESS)).isFalse();
    assertThat(keyring.dir()).isEqualTo(home.resolve("keyring-" + backend.id()));

    assertThat(keyring.delete(A_ADDRESS).name()).isEqualTo("alice");
    assertThat(keyring.list()).extracting(KeyInfo::name).containsExactly("bob");
    assertThat(keyring.find("alice")).isEmpty();
    assertThatThrownBy(() -> keyring.delete("alice"))
        .isInstanceOfSatisfying(
            KeyringException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_KEY))
        .hasMessageContaining("no key 'alice' in " + keyring.dir());
  }

  @ParameterizedTest
  @EnumSource(KeyringBackend.class)
  void onlyTheOwnerCanReadTheKeyring(KeyringBackend backend) throws Exception {
    Keyring keyring = keyring(backend, new Fixed("correct horse"));
    keyring.add("a", mnemonic(A), HdPath.secret(0));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyring.dir())))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keyring.dir().resolve("a.json"))))
        .isEqualTo("rw-------");
    try (Stream files = new Stream(keyring.dir())) {
      assertThat(files.names()).containsExactly("a.json"); // no temporary files left behind
    }
  }

  /** Lists a folder's file names. */
  record Stream(Path dir) implements AutoCloseable {
    List<String> names() throws Exception {
      try (var list = Files.list(dir)) {
        return list.map(p -> p.getFileName().toString()).sorted().toList();
      }
    }

    @Override
    public void close() {}
  }

  @Test
  void theTestBackendStoresThePrivateKeyInTheClearAndTheFileBackendDoesNot() throws Exception {
    String privateKeyHex;
    Keyring test = keyring(KeyringBackend.TEST, Passphrases.NONE);
    test.add("a", mnemonic(A), HdPath.secret(0));
    try (UnlockedKey key = test.unlock("a")) {
      privateKeyHex = HexFormat.of().formatHex(key.privateKey().exportSecret());
    }
    assertThat(Files.readString(test.dir().resolve("a.json"))).contains(privateKeyHex);

    Keyring file = keyring(KeyringBackend.FILE, new Fixed("correct horse"));
    file.add("a", mnemonic(A), HdPath.secret(0));
    String sealed = Files.readString(file.dir().resolve("a.json"));
    assertThat(sealed)
        .doesNotContain(privateKeyHex)
        .doesNotContain("\"private_key\"")
        .contains("\"kdf\" : \"scrypt\"")
        .contains("\"cipher\" : \"aes-256-gcm\"")
        .contains(A_ADDRESS);
    assertThat(sealed.toLowerCase()).doesNotContain("grant rice");
  }

  @Test
  void aWrongPassphraseDoesNotUnlockAndDoesNotAddKeys() throws Exception {
    Fixed right = new Fixed("correct horse");
    keyring(KeyringBackend.FILE, right).add("a", mnemonic(A), HdPath.secret(0));
    assertThat(right.asked).isEqualTo(1);

    Keyring wrong = keyring(KeyringBackend.FILE, new Fixed("battery staple"));
    assertThatThrownBy(() -> wrong.unlock("a"))
        .isInstanceOfSatisfying(
            KeyringException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE))
        .hasMessageContaining("wrong passphrase for key 'a'");
    // the second key must be sealed under the first key's passphrase
    assertThatThrownBy(() -> wrong.add("b", mnemonic(B), HdPath.secret(0)))
        .isInstanceOfSatisfying(
            KeyringException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE));
    assertThat(wrong.find("b")).isEmpty();

    keyring(KeyringBackend.FILE, right).add("b", mnemonic(B), HdPath.secret(0));
    try (UnlockedKey b = keyring(KeyringBackend.FILE, right).unlock(B_ADDRESS)) {
      assertThat(b.info().bech32Address()).isEqualTo(B_ADDRESS);
    }
  }

  @Test
  void aShortFirstPassphraseIsRefused() {
    Keyring keyring = keyring(KeyringBackend.FILE, new Fixed("short"));
    assertThatThrownBy(() -> keyring.add("a", mnemonic(A), HdPath.secret(0)))
        .isInstanceOfSatisfying(
            KeyringException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_PASSPHRASE))
        .hasMessageContaining("at least 8 characters");
    assertThat(keyring.dir()).doesNotExist();
  }

  @Test
  void aSealedKeyCopiedIntoAnotherKeysFileDoesNotOpen() throws Exception {
    Fixed passphrase = new Fixed("correct horse");
    Keyring keyring = keyring(KeyringBackend.FILE, passphrase);
    keyring.add("a", mnemonic(A), HdPath.secret(0));
    keyring.add("b", mnemonic(B), HdPath.secret(0));
    // graft a's sealed key into b's file: the associated data (b's address) no longer matches
    String a = Files.readString(keyring.dir().resolve("a.json"));
    String b = Files.readString(keyring.dir().resolve("b.json"));
    String grafted =
        b.substring(0, b.indexOf("\"sealed_private_key\""))
            + a.substring(a.indexOf("\"sealed_private_key\""));
    Files.writeString(keyring.dir().resolve("b.json"), grafted);
    assertThatThrownBy(() -> keyring.unlock("b"))
        .isInstanceOfSatisfying(
            KeyringException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE));
  }

  @ParameterizedTest
  @EnumSource(KeyringBackend.class)
  void aTakenNameOrAnAccountAlreadyStoredIsRefused(KeyringBackend backend) throws Exception {
    Keyring keyring = keyring(backend, new Fixed("correct horse"));
    keyring.add("a", mnemonic(A), HdPath.secret(0));
    assertThatThrownBy(() -> keyring.add("a", mnemonic(B), HdPath.secret(0)))
        .isInstanceOfSatisfying(
            KeyringException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_NAME))
        .hasMessageContaining("a key named 'a' already exists");
    assertThatThrownBy(() -> keyring.add("a2", mnemonic(A), HdPath.secret(0)))
        .isInstanceOfSatisfying(
            KeyringException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_KEY))
        .hasMessageContaining(A_ADDRESS + " is already in the keyring as 'a'");
    assertThat(keyring.get("a").bech32Address()).isEqualTo(A_ADDRESS);
    // another index of the same mnemonic is another account
    assertThat(keyring.add("a1", mnemonic(A), HdPath.secret(1)).bech32Address())
        .isNotEqualTo(A_ADDRESS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".hidden",
        "-flag",
        "a/b",
        "..",
        "a b",
        "ключ",
        "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03",
        "x12345678901234567890123456789012345678901234567890123456789012345"
      })
  void namesThatAreNotSafeFileNamesOrLookLikeAddressesAreRefused(String name) {
    Keyring keyring = keyring(KeyringBackend.TEST, Passphrases.NONE);
    assertThatThrownBy(() -> keyring.add(name, mnemonic(A), HdPath.secret(0)))
        .isInstanceOfSatisfying(
            KeyringException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_NAME));
    assertThat(keyring.dir()).doesNotExist();
  }

  @Test
  void badMnemonicsSayWhichRuleTheyBreakWithoutQuotingWords() {
    assertThatThrownBy(() -> Keyring.parseMnemonic("grant rice replace"))
        .isInstanceOfSatisfying(
            KeyringException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_MNEMONIC))
        .hasMessageContaining("12, 15, 18, 21 or 24 words, got 3");
    assertThatThrownBy(() -> Keyring.parseMnemonic(A.replace("grant", "grantt")))
        .hasMessageContaining("word 1 of the mnemonic is not in the BIP39 English word list")
        .hasMessageNotContaining("grant");
    assertThatThrownBy(() -> Keyring.parseMnemonic(A.replace("guitar", "rice")))
        .hasMessageContaining("checksum does not match")
        .hasMessageNotContaining("rice");
  }

  @Test
  void coinType118DerivesAnotherAccountOfTheSameMnemonic() throws Exception {
    Keyring keyring = keyring(KeyringBackend.TEST, Passphrases.NONE);
    KeyInfo cosmos =
        keyring.add("a118", mnemonic(A), HdPath.bip44(HdPath.COSMOS_COIN_TYPE, 0, 0, 0));
    assertThat(cosmos.hdPath()).hasToString("m/44'/118'/0'/0/0");
    assertThat(cosmos.bech32Address()).isNotEqualTo(A_ADDRESS).startsWith("secret1");
    assertThat(keyring.get("a118").hdPath()).isEqualTo(cosmos.hdPath());
  }

  @Test
  void theTxEncryptionSeedIsDerivedFromTheKeySoARecoveredKeyReadsItsOldTxs() throws Exception {
    Keyring one =
        Keyring.open(home.resolve("one"), KeyringBackend.TEST, Passphrases.NONE, seeded(1));
    Keyring two =
        Keyring.open(
            home.resolve("two"), KeyringBackend.FILE, new Fixed("correct horse"), seeded(2));
    one.add("a", mnemonic(A), HdPath.secret(0));
    one.add("b", mnemonic(B), HdPath.secret(0));
    two.add("a", mnemonic(A), HdPath.secret(0));
    try (UnlockedKey a1 = one.unlock("a");
        UnlockedKey a2 = two.unlock("a");
        UnlockedKey b1 = one.unlock("b")) {
      assertThat(a1.encryptionSeed().sameSecretAs(a2.encryptionSeed())).isTrue();
      assertThat(a1.encryptionSeed().sameSecretAs(b1.encryptionSeed())).isFalse();
      assertThat(a1.encryptionSeed().bytes())
          .hasSize(32)
          .isNotEqualTo(a1.privateKey().exportSecret());
    }
  }

  @Test
  void damagedKeyFilesAreReportedNamingTheFileAndTheField() throws Exception {
    Keyring keyring = keyring(KeyringBackend.TEST, Passphrases.NONE);
    keyring.add("a", mnemonic(A), HdPath.secret(0));
    Path file = keyring.dir().resolve("a.json");
    String good = Files.readString(file);

    Files.writeString(file, good.replace(A_ADDRESS, B_ADDRESS));
    assertThatThrownBy(keyring::list)
        .isInstanceOfSatisfying(
            KeyringException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT_KEY_FILE))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("\"address\" does not belong to \"pub_key\"");

    Files.writeString(file, good.replace("\"hd_path\"", "\"mnemonic\" : \"x\", \"hd_path\""));
    assertThatThrownBy(keyring::list).hasMessageContaining("unknown field \"mnemonic\"");

    Files.writeString(file, good.replace("\"name\" : \"a\"", "\"name\" : \"b\""));
    assertThatThrownBy(keyring::list)
        .hasMessageContaining("\"name\" is \"b\" but the file is a.json");

    // a private key of another account under a's public key
    String otherKey;
    Files.writeString(file, good);
    keyring.delete("a");
    keyring.add("b", mnemonic(B), HdPath.secret(0));
    try (UnlockedKey b = keyring.unlock("b")) {
      otherKey = HexFormat.of().formatHex(b.privateKey().exportSecret());
    }
    keyring.add("a", mnemonic(A), HdPath.secret(0));
    String aFile = Files.readString(file);
    int start = aFile.indexOf("\"private_key\" : \"") + "\"private_key\" : \"".length();
    Files.writeString(file, aFile.substring(0, start) + otherKey + aFile.substring(start + 64));
    assertThatThrownBy(() -> keyring.unlock("a"))
        .isInstanceOfSatisfying(
            KeyringException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT_KEY_FILE))
        .hasMessageContaining("holds a private key of another account")
        .hasMessageNotContaining(otherKey);
  }

  @Test
  void filesThatAreNotKeysAreIgnoredAndAddressesThatAreNotInTheKeyringAreNotFound()
      throws Exception {
    Keyring keyring = keyring(KeyringBackend.TEST, Passphrases.NONE);
    keyring.add("a", mnemonic(A), HdPath.secret(0));
    Files.writeString(keyring.dir().resolve("notes.txt"), "not a key");
    assertThat(keyring.list()).hasSize(1);
    assertThat(keyring.find(B_ADDRESS)).isEmpty();
    assertThat(keyring.find("cosmos1notsecret")).isEmpty();
    assertThat(CosmosAddress.parseSecret(keyring.get("a").bech32Address()))
        .isEqualTo(keyring.get("a").address());
  }
}
