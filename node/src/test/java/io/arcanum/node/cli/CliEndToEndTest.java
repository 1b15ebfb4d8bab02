package io.arcanum.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.node.NodeRunner;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.HomeInitializer;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a real node (chain application, in-process enclave, blocks every 50 ms, REST API
 * on a free port), through {@code Main.run} exactly as a shell script would run it: recover
 * LocalSecret's account a, send coins, store the token contract, instantiate it, execute a transfer
 * (decrypted output), query it (decrypted answer), fail an execute (decrypted error, exit code 1)
 * and read the txs back decrypted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class CliEndToEndTest {
  static final String A = "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03";
  static final Path TOKEN_WASM = Path.of("../contracts/token/token.wasm");

  /** Code 1, instance 1, creator a (secretjs-api.md §5). */
  static final String FIRST_CONTRACT = "secret1mfk7n6mc2cg6lznujmeckdh4x0a5ezf6hx6y8q";

  Path dir;
  NodeRunner node;
  String url;
  Path user;

  @BeforeAll
  void start(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    NodeHome home = new NodeHome(dir.resolve("node"));
    NodeConfig config =
        NodeConfig.defaults("secretdev-1")
            .withBlockIntervals(Duration.ofMillis(50), Duration.ofMillis(10));
    HomeInitializer.init(home, config, LocalSecretAccounts.accounts(), Instant.now());
    node = NodeRunner.startOnLoopback(home);
    url = node.restUrl();
    user = dir.resolve("user");
    CliRun recover =
        cli(LocalSecretAccounts.KNOWN.get(0).mnemonic() + "\n", "keys", "recover", "a");
    assertThat(recover.exitCode).as(recover.toString()).isZero();
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  /** {@code arcanum args… --node URL} with {@code ~} in the test folder. */
  CliRun cli(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!args[0].equals("keys")) {
      all.add("--node");
      all.add(url);
    }
    return CliRun.piped(user, stdin, all.toArray(String[]::new));
  }

  CliRun ok(String... args) {
    CliRun run = cli("", args);
    assertThat(run.exitCode).as(run.toString()).isZero();
    return run;
  }

  @Test
  void aScriptSendsStoresInstantiatesExecutesAndQueriesWithEverythingDecrypted() {
    // a second key, funded by a
    ok("keys", "add", "bob");
    String bob = ok("keys", "show", "bob", "-a").out.strip();
    JsonNode send = ok("tx", "bank", "send", "a", "bob", "1000000uscrt", "-o", "json").json();
    assertThat(send.get("code").asInt()).isZero();
    assertThat(Long.parseLong(send.get("height").asText())).isPositive();
    assertThat(send.get("txhash").asText()).matches("[0-9A-F]{64}");
    JsonNode balances = ok("query", "bank", "balances", "bob", "-o", "json").json();
    assertThat(balances.get("balances").get(0).get("amount").asText()).isEqualTo("1000000");
    // bob estimates his gas: the simulation costs him nothing, the tx its real fee
    JsonNode back =
        ok("tx", "bank", "send", "bob", "a", "1uscrt", "--gas", "auto", "-o", "json").json();
    long gasWanted = Long.parseLong(back.get("gas_wanted").asText());
    assertThat(gasWanted).isGreaterThanOrEqualTo(Long.parseLong(back.get("gas_used").asText()));
    String left =
        ok("query", "bank", "balances", "bob", "--denom", "uscrt", "-o", "json")
            .json()
            .get("balance")
            .get("amount")
            .asText();
    assertThat(Long.parseLong(left)).isEqualTo(1_000_000 - 1 - (gasWanted + 9) / 10);

    // store: code id and code hash
    JsonNode store =
        ok("tx", "compute", "store", TOKEN_WASM.toString(), "--from", "a", "-o", "json").json();
    assertThat(store.get("code_id").asText()).isEqualTo("1");
    String codeHash = store.get("code_hash").asText();
    assertThat(codeHash).matches("[0-9a-f]{64}");
    assertThat(
            ok("query", "compute", "code-hash", "1", "-o", "json").json().get("code_hash").asText())
        .isEqualTo(codeHash);

    // instantiate: the contract address LocalSecret would give
    String init =
        """
        {"name":"Arcanum Token","symbol":"ARC","decimals":6,
         "initial_balances":[{"address":"%s","amount":"1000"}],"prng_seed":"c2VlZA=="}
        """
            .formatted(A);
    JsonNode instantiate =
        ok(
                "tx",
                "compute",
                "instantiate",
                "1",
                init,
                "--label",
                "token",
                "--from",
                "a",
                "--gas",
                "1000000",
                "-o",
                "json")
            .json();
    String contract = instantiate.get("contract_address").asText();
    assertThat(contract).isEqualTo(FIRST_CONTRACT);
    assertThat(
            ok("query", "compute", "contract-hash", contract, "-o", "json")
                .json()
                .get("code_hash")
                .asText())
        .isEqualTo(codeHash);

    // execute: the contract's output comes back decrypted
    JsonNode transfer =
        ok(
                "tx",
                "compute",
                "execute",
                contract,
                "{\"transfer\":{\"recipient\":\"" + bob + "\",\"amount\":\"100\"}}",
                "--from",
                "a",
                "--gas",
                "1000000",
                "-o",
                "json")
            .json();
    assertThat(transfer.get("data").toString())
        .isEqualTo("{\"transfer\":{\"status\":\"success\"}}");
    ok(
        "tx",
        "compute",
        "execute",
        contract,
        "{\"set_viewing_key\":{\"key\":\"hunter2\"}}",
        "--from",
        "a",
        "--gas",
        "1000000");

    // smart queries under both names, the answer decrypted
    JsonNode balance =
        ok(
                "query",
                "compute",
                "query",
                contract,
                "{\"balance\":{\"address\":\"" + A + "\",\"key\":\"hunter2\"}}",
                "-o",
                "json")
            .json();
    assertThat(balance.toString()).isEqualTo("{\"balance\":{\"amount\":\"900\"}}");
    CliRun info =
        ok("query", "compute", "contract-state", "smart", contract, "{\"token_info\":{}}");
    assertThat(info.out).contains("symbol: ARC").contains("total_supply: '1000'");

    // a failing execute: its result on stdout, the decrypted contract error on stderr, exit 1
    CliRun failing =
        cli(
            "",
            "tx",
            "compute",
            "execute",
            contract,
            "{\"transfer\":{\"recipient\":\"" + bob + "\",\"amount\":\"5000\"}}",
            "--from",
            "a",
            "--gas",
            "1000000",
            "-o",
            "json");
    assertThat(failing.exitCode).as(failing.toString()).isEqualTo(1);
    JsonNode failed = failing.json();
    assertThat(failed.get("code").asInt()).isEqualTo(3);
    assertThat(failed.get("codespace").asText()).isEqualTo("compute");
    assertThat(failed.get("error").asText())
        .isEqualTo("insufficient funds: balance=900, required=5000");
    assertThat(failing.err)
        .contains("Error: tx " + failed.get("txhash").asText() + " failed with code 3 (compute)")
        .contains("contract error: insufficient funds: balance=900, required=5000");

    // query tx: a's own txs decrypt, input and output
    JsonNode sent = ok("query", "tx", transfer.get("txhash").asText(), "-o", "json").json();
    JsonNode message = sent.get("messages").get(0);
    assertThat(message.get("decrypted").asBoolean()).isTrue();
    assertThat(message.get("msg").toString())
        .isEqualTo("{\"transfer\":{\"recipient\":\"" + bob + "\",\"amount\":\"100\"}}");
    assertThat(message.get("data").toString()).isEqualTo("{\"transfer\":{\"status\":\"success\"}}");
    JsonNode failedTx =
        ok("query", "compute", "tx", failed.get("txhash").asText(), "-o", "json").json();
    assertThat(failedTx.get("code").asInt()).isEqualTo(3);
    assertThat(failedTx.get("error").asText())
        .isEqualTo("insufficient funds: balance=900, required=5000");
    assertThat(failedTx.get("raw_log").asText())
        .contains("insufficient funds")
        .doesNotContain("encrypted:");

    // the same tx seen from a keyring without a's key: shown, not decrypted
    JsonNode foreign =
        CliRun.piped(
                dir.resolve("stranger"),
                "",
                "query",
                "tx",
                transfer.get("txhash").asText(),
                "--node",
                url,
                "-o",
                "json")
            .json();
    assertThat(foreign.get("messages").get(0).get("decrypted").asBoolean()).isFalse();
  }

  @Test
  void chainQueriesPrintTheNodesAnswers() {
    assertThat(
            ok("query", "account", "a", "-o", "json").json().get("account").get("address").asText())
        .isEqualTo(A);
    assertThat(
            ok("query", "bank", "balances", A, "--denom", "uscrt", "-o", "json")
                .json()
                .get("balance")
                .get("denom")
                .asText())
        .isEqualTo("uscrt");
    assertThat(
            ok("query", "block", "-o", "json")
                .json()
                .path("block")
                .path("header")
                .path("chain_id")
                .asText())
        .isEqualTo("secretdev-1");
    assertThat(
            ok("query", "block", "1", "-o", "json")
                .json()
                .path("block")
                .path("header")
                .path("height")
                .asText())
        .isEqualTo("1");
    assertThat(ok("query", "registration", "tx-key", "-o", "json").json().get("key").asText())
        .hasSize(44);
  }

  @Test
  void refusalsAndMistakesExitWithTheirCodesAndNameTheProblem() {
    // the chain says no: 1
    CliRun noTx = cli("", "query", "tx", "AB".repeat(32));
    assertThat(noTx.exitCode).isEqualTo(1);
    assertThat(noTx.err).contains("Error: tx " + "AB".repeat(32) + " not found");
    CliRun noContract =
        cli("", "query", "compute", "query", "secret1ldjxljw7v4vk6zhyduywh04hpj0jdwxsmrlatf", "{}");
    assertThat(noContract.exitCode).as(noContract.toString()).isEqualTo(1);
    assertThat(noContract.err).startsWith("Error: not found: ");
    CliRun cheap = cli("", "tx", "bank", "send", "a", A, "1uscrt", "--gas-prices", "0.001uscrt");
    assertThat(cheap.exitCode).as(cheap.toString()).isEqualTo(1);
    assertThat(cheap.err)
        .contains("Error: the node rejected tx ")
        .contains("(code 13, codespace sdk)");
    assertThat(cheap.out).isEmpty();

    // usage: 2
    CliRun nobody = cli("", "tx", "bank", "send", "a", "bob2x", "1uscrt");
    assertThat(nobody.exitCode).isEqualTo(2);
    assertThat(nobody.err).contains("recipient 'bob2x' is neither a secret1… address");
    CliRun autoExecute =
        cli("", "tx", "compute", "execute", FIRST_CONTRACT, "{}", "--from", "a", "--gas", "auto");
    assertThat(autoExecute.exitCode).isEqualTo(2);
    assertThat(autoExecute.err).contains("--gas auto cannot estimate a contract call");
    CliRun badJson =
        cli("", "tx", "compute", "execute", FIRST_CONTRACT, "{transfer", "--from", "a");
    assertThat(badJson.exitCode).isEqualTo(2);
    assertThat(badJson.err).contains("execute msg is not valid JSON (line 1, column ");
    CliRun twoFees =
        cli(
            "",
            "tx",
            "bank",
            "send",
            "a",
            A,
            "1uscrt",
            "--fees",
            "5uscrt",
            "--gas-prices",
            "1uscrt");
    assertThat(twoFees.exitCode).isEqualTo(2);
    assertThat(twoFees.err).contains("give --fees or --gas-prices, not both");
    CliRun rpc = CliRun.piped(user, "", "query", "block", "--node", "tcp://localhost:26657");
    assertThat(rpc.exitCode).isEqualTo(2);
    assertThat(rpc.err).contains("arcanum does not speak CometBFT RPC");

    // keyring: 5
    CliRun noKey = cli("", "tx", "bank", "send", "nobody", A, "1uscrt");
    assertThat(noKey.exitCode).isEqualTo(5);
    assertThat(noKey.err).contains("Error: no key 'nobody' in ");
  }

  @Test
  void anUnreachableNodeExitsWithThree() {
    CliRun run =
        CliRun.piped(user, "", "query", "bank", "balances", A, "--node", "http://127.0.0.1:1");
    assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
    assertThat(run.err)
        .startsWith("Error: GET /cosmos/bank/v1beta1/balances/")
        .contains("cannot reach");
  }

  @Test
  void onATerminalATxIsShownAndOnlyBroadcastWhenConfirmed() {
    CliRun declined =
        CliRun.interactive(
            user, "n\n", "tx", "bank", "send", "a", A, "1uscrt", "--node", url, "--memo", "no");
    assertThat(declined.exitCode).isEqualTo(6);
    assertThat(declined.err)
        .contains("to_address: " + A)
        .contains("amount: 1uscrt")
        .contains("confirm transaction before signing and broadcasting [y/N]: ")
        .contains("Cancelled: nothing was signed or broadcast.");
    assertThat(declined.out).isEmpty();

    CliRun confirmed =
        CliRun.interactive(
            user, "y\n", "tx", "bank", "send", "a", A, "1uscrt", "--node", url, "-o", "json");
    assertThat(confirmed.exitCode).as(confirmed.toString()).isZero();
    assertThat(confirmed.json().get("code").asInt()).isZero();
    // the progress line went to stderr, rewritten in place
    assertThat(confirmed.err).contains("\rwaiting for tx ");
  }
}
