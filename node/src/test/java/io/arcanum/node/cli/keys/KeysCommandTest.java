package io.arcanum.node.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.node.cli.CliRun;
import io.arcanum.node.genesis.LocalSecretAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arcanum keys …} as scripts and people use it: output, prompts and exit codes. */
class KeysCommandTest {
  static final String A = LocalSecretAccounts.KNOWN.get(0).mnemonic();
  static final String A_ADDRESS = "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03";
  static final String A_PUBKEY = "A07oJJ9n4TYTnD7ZStYyiPbB3kXOZvqIMkchGmmPRAzf";

  @TempDir Path user;

  CliRun run(String stdin, String... args) {
    return CliRun.piped(user, stdin, args);
  }

  @Test
  void recoverReadsTheMnemonicFromStandardInputAndPrintsTheKeyNotTheMnemonic() {
    CliRun recover = run(A + "\n", "keys", "recover", "a");
    assertThat(recover.exitCode).as(recover.toString()).isZero();
    assertThat(recover.out)
        .isEqualTo(
            """
            name: a
            type: local
            address: %s
            pubkey:
              '@type': /cosmos.crypto.secp256k1.PubKey
              key: %s
            hd_path: m/44'/529'/0'/0/0
            """
                .formatted(A_ADDRESS, A_PUBKEY));
    assertThat(recover.out + recover.err).doesNotContain("grant");
    // the default home is ~/.arcanum, the default backend test
    assertThat(user.resolve(".arcanum/keyring-test/a.json")).exists();

    CliRun addRecover =
        run(A + "\n", "keys", "add", "a2", "--recover", "--index", "1", "-o", "json");
    assertThat(addRecover.exitCode).as(addRecover.toString()).isZero();
    assertThat(addRecover.json().get("hd_path").asText()).isEqualTo("m/44'/529'/0'/0/1");
    assertThat(addRecover.json().has("mnemonic")).isFalse();
  }

  @Test
  void showListAndDeleteSpeakJsonForScripts() {
    run(A + "\n", "keys", "recover", "a");
    CliRun address = run("", "keys", "show", "a", "-a");
    assertThat(address.out).isEqualTo(A_ADDRESS + "\n");
    CliRun pubkey = run("", "keys", "show", A_ADDRESS, "--pubkey");
    assertThat(pubkey.out)
        .isEqualTo(
            "{\"@type\":\"/cosmos.crypto.secp256k1.PubKey\",\"key\":\"" + A_PUBKEY + "\"}\n");
    JsonNode shown = run("", "keys", "show", "a", "-o", "json").json();
    assertThat(shown.get("address").asText()).isEqualTo(A_ADDRESS);
    assertThat(shown.get("pubkey").get("key").asText()).isEqualTo(A_PUBKEY);
    assertThat(shown.get("type").asText()).isEqualTo("local");

    JsonNode list = run("", "keys", "list", "--output", "JSON").json();
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("name").asText()).isEqualTo("a");

    CliRun delete = run("", "keys", "delete", "a", "-y", "-o", "json");
    assertThat(delete.exitCode).as(delete.toString()).isZero();
    assertThat(delete.json().get("deleted").asText()).isEqualTo("a");
    assertThat(run("", "keys", "list", "-o", "json").out).isEqualTo("[]\n");
    CliRun emptyText = run("", "keys", "list");
    assertThat(emptyText.out).isEmpty();
    assertThat(emptyText.err).contains("No keys in");
  }

  @Test
  void aNewKeyPrintsItsMnemonicOnceAndTheMnemonicRecoversTheSameAccount() throws Exception {
    CliRun text = run("", "keys", "add", "fresh");
    assertThat(text.exitCode).as(text.toString()).isZero();
    assertThat(text.err).contains("**Important** write this mnemonic phrase in a safe place.");
    String mnemonic = text.err.strip().lines().reduce((first, second) -> second).orElseThrow();
    assertThat(mnemonic.split(" ")).hasSize(24);
    assertThat(text.out).doesNotContain(mnemonic);
    assertThat(Files.readString(user.resolve(".arcanum/keyring-test/fresh.json")))
        .doesNotContain(mnemonic.split(" ")[0] + " " + mnemonic.split(" ")[1]);

    String address = run("", "keys", "show", "fresh", "-a").out.strip();
    Path elsewhere = user.resolve("elsewhere");
    CliRun recovered =
        run(
            mnemonic + "\n",
            "keys",
            "recover",
            "again",
            "--home",
            elsewhere.toString(),
            "-o",
            "json");
    assertThat(recovered.json().get("address").asText()).isEqualTo(address);

    CliRun json = run("", "keys", "add", "fresh2", "-o", "json");
    assertThat(json.json().get("mnemonic").asText().split(" ")).hasSize(24);
    assertThat(json.err).doesNotContain(json.json().get("mnemonic").asText());

    CliRun noBackup = run("", "keys", "add", "fresh3", "--no-backup");
    assertThat(noBackup.err).doesNotContain("Important");
  }

  @Test
  void theFileBackendTakesItsPassphraseFromStandardInputWhenPiped() throws Exception {
    Path dir = user.resolve("keys");
    CliRun recover =
        run(
            A + "\ncorrect horse\n",
            "keys",
            "recover",
            "a",
            "--keyring-backend",
            "file",
            "--keyring-dir",
            dir.toString());
    assertThat(recover.exitCode).as(recover.toString()).isZero();
    assertThat(Files.readString(dir.resolve("keyring-file/a.json"))).contains("sealed_private_key");
    // listing and showing need no passphrase
    assertThat(
            run(
                    "",
                    "keys",
                    "show",
                    "a",
                    "-a",
                    "--keyring-backend",
                    "file",
                    "--keyring-dir",
                    dir.toString())
                .out)
        .isEqualTo(A_ADDRESS + "\n");

    CliRun wrong =
        run(
            LocalSecretAccounts.KNOWN.get(1).mnemonic() + "\nbattery staple\n",
            "keys",
            "recover",
            "b",
            "--keyring-backend",
            "file",
            "--keyring-dir",
            dir.toString());
    assertThat(wrong.exitCode).isEqualTo(5);
    assertThat(wrong.err)
        .isEqualTo("Error: wrong passphrase for key 'a' in " + dir.resolve("keyring-file") + "\n");

    CliRun noPassphrase =
        run(
            LocalSecretAccounts.KNOWN.get(1).mnemonic() + "\n",
            "keys",
            "recover",
            "b",
            "--keyring-backend",
            "file",
            "--keyring-dir",
            dir.toString());
    assertThat(noPassphrase.exitCode).isEqualTo(5);
    assertThat(noPassphrase.err).contains("expected the keyring passphrase on standard input");
  }

  @Test
  void onATerminalANewFileKeyringAsksForThePassphraseTwice() {
    CliRun differ =
        CliRun.interactive(
            user,
            A + "\ncorrect horse\ncorrect h0rse\n",
            "keys",
            "recover",
            "a",
            "--keyring-backend",
            "file");
    assertThat(differ.exitCode).isEqualTo(5);
    assertThat(differ.err)
        .contains("> Enter your bip39 mnemonic: ")
        .contains("Enter a passphrase for the new keyring: ")
        .contains("Re-enter the passphrase: ")
        .contains("Error: the two passphrases differ");
    assertThat(user.resolve(".arcanum/keyring-file/a.json")).doesNotExist();

    CliRun same =
        CliRun.interactive(
            user,
            A + "\ncorrect horse\ncorrect horse\n",
            "keys",
            "recover",
            "a",
            "--keyring-backend",
            "file");
    assertThat(same.exitCode).as(same.toString()).isZero();
  }

  @Test
  void deleteAsksOnATerminalAndNeedsYesInAScript() {
    run(A + "\n", "keys", "recover", "a");
    CliRun script = run("", "keys", "delete", "a");
    assertThat(script.exitCode).isEqualTo(2);
    assertThat(script.err).contains("deleting a key needs --yes when not run on a terminal");

    CliRun no = CliRun.interactive(user, "n\n", "keys", "delete", "a");
    assertThat(no.exitCode).isEqualTo(6);
    assertThat(no.err)
        .contains("Delete key 'a' (" + A_ADDRESS + ")? [y/N]: ")
        .contains("Not deleted.");
    assertThat(run("", "keys", "show", "a", "-a").exitCode).isZero();

    CliRun yes = CliRun.interactive(user, "y\n", "keys", "delete", "a");
    assertThat(yes.exitCode).as(yes.toString()).isZero();
    assertThat(run("", "keys", "show", "a", "-a").exitCode).isEqualTo(5);
  }

  @Test
  void keyringMistakesExitWithFiveAndUsageMistakesWithTwo() {
    run(A + "\n", "keys", "recover", "a");

    CliRun duplicate = run(A + "\n", "keys", "recover", "a");
    assertThat(duplicate.exitCode).isEqualTo(5);
    assertThat(duplicate.err).startsWith("Error: a key named 'a' already exists in ");

    CliRun sameAccount = run(A + "\n", "keys", "recover", "other");
    assertThat(sameAccount.exitCode).isEqualTo(5);
    assertThat(sameAccount.err)
        .isEqualTo("Error: account " + A_ADDRESS + " is already in the keyring as 'a'\n");

    CliRun badMnemonic = run("grant rice replace\n", "keys", "recover", "x");
    assertThat(badMnemonic.exitCode).isEqualTo(5);
    assertThat(badMnemonic.err)
        .isEqualTo(
            "Error: invalid mnemonic: mnemonic must have 12, 15, 18, 21 or 24 words, got 3\n");

    CliRun noMnemonic = run("", "keys", "recover", "x");
    assertThat(noMnemonic.exitCode).isEqualTo(2);
    assertThat(noMnemonic.err).contains("expected a mnemonic on standard input, found its end");

    CliRun unknown = run("", "keys", "show", "nobody");
    assertThat(unknown.exitCode).isEqualTo(5);
    assertThat(unknown.err).contains("Error: no key 'nobody' in ");

    CliRun badName = run("", "keys", "add", "../escape");
    assertThat(badName.exitCode).isEqualTo(5);
    assertThat(badName.err).contains("key name '../escape' is not allowed");

    assertThat(run("", "keys", "add").exitCode).isEqualTo(2);
    assertThat(run("", "keys", "show", "a", "-a", "-p").exitCode).isEqualTo(2);
    assertThat(run("", "keys", "list", "--keyring-backend", "os").exitCode).isEqualTo(2);
    assertThat(run("", "keys", "list", "-o", "yaml").exitCode).isEqualTo(2);
    assertThat(run("", "keys", "add", "x", "--index", "-1").exitCode).isEqualTo(2);
    CliRun group = run("", "keys");
    assertThat(group.exitCode).isEqualTo(2);
    assertThat(group.err).contains("name a keys command: add, recover, list, show or delete");
  }
}
