package io.arcanum.node;

import static io.arcanum.node.SdkDevNode.CONTRACT;
import static io.arcanum.node.SdkDevNode.JSON;
import static io.arcanum.node.SdkDevNode.SEND;
import static io.arcanum.node.SdkDevNode.STORE;
import static io.arcanum.node.SdkDevNode.address;
import static io.arcanum.node.SdkDevNode.fee;
import static io.arcanum.node.SdkDevNode.uscrt;
import static io.arcanum.node.SdkDevNode.wasm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.client.ContractError;
import io.arcanum.client.ContractQueryException;
import io.arcanum.client.ExecuteContract;
import io.arcanum.client.ExecuteResult;
import io.arcanum.client.InstantiateContract;
import io.arcanum.client.InstantiateResult;
import io.arcanum.client.LogEntry;
import io.arcanum.client.SecretNetworkClient;
import io.arcanum.client.StoreCodeResult;
import io.arcanum.client.TxFailedException;
import io.arcanum.client.TxResponse;
import io.arcanum.client.tx.Coins;
import io.arcanum.client.wallet.Wallet;
import io.arcanum.client.wallet.WalletOptions;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's proof "Java end to end": the real node (its own block timer, the REST API on a free
 * port) driven only through the Java SDK's {@link SecretNetworkClient}, as a user would drive
 * {@code ./arcanum dev}: LocalSecret wallets, the example token stored, instantiated with balances,
 * transfers with decrypted output, balances read with viewing keys, a failing execute whose
 * decrypted error is checked and which changes nothing but the fee, a contract-to-contract call
 * with its reply, bank sends, {@code getTx}, and an amino-signing wallet. Blocks are made by the
 * node's own scheduler while the SDK polls ({@link SdkDevNode}); no assertion depends on timing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class JavaSdkEndToEndTest {
  static final long A_TOKENS = 1_000_000;
  static final long C_TOKENS = 500;
  static final String A_KEY = "a's viewing key";

  SdkDevNode node;
  SecretNetworkClient a;
  SecretNetworkClient b;
  String tokenHash;
  String token;

  @BeforeAll
  void startNodeAndDeployTheToken(@TempDir Path dir) throws Exception {
    node = SdkDevNode.start(dir);
    a = node.client("a");
    b = node.client("b");

    StoreCodeResult code = a.storeCode(wasm("token"), STORE);
    tokenHash = code.codeHash().hex();
    assertThat(a.codeHashByCodeId(code.codeId()).hex()).isEqualTo(tokenHash);
    InstantiateResult instantiated =
        a.instantiate(
            InstantiateContract.of(
                code.codeId(),
                Map.of(
                    "name",
                    "Arcanum Token",
                    "symbol",
                    "ARC",
                    "decimals",
                    6,
                    "initial_balances",
                    List.of(
                        Map.of("address", a.address(), "amount", String.valueOf(A_TOKENS)),
                        Map.of("address", address("c"), "amount", String.valueOf(C_TOKENS))),
                    "prng_seed",
                    Base64.getEncoder().encodeToString("e2e".getBytes(StandardCharsets.UTF_8))),
                "token"),
            CONTRACT);
    token = instantiated.contractAddress();
    a.execute(ExecuteContract.of(token, Map.of("set_viewing_key", Map.of("key", A_KEY))), CONTRACT);
    assertThat(tokenBalance(a, A_KEY)).isEqualTo(A_TOKENS);
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  /** {@code who}'s token balance, read with {@code key}. */
  long tokenBalance(SecretNetworkClient who, String key) {
    JsonNode answer =
        who.query(
            token, tokenHash, Map.of("balance", Map.of("address", who.address(), "key", key)));
    return Long.parseLong(answer.path("balance").path("amount").asText());
  }

  @Test
  void theTokenWasInstantiatedWithItsInitialBalances() {
    JsonNode info = b.query(token, null, Map.of("token_info", Map.of()));
    assertThat(info.path("token_info").path("symbol").asText()).isEqualTo("ARC");
    assertThat(info.path("token_info").path("decimals").asInt()).isEqualTo(6);
    assertThat(info.path("token_info").path("total_supply").asText())
        .isEqualTo(String.valueOf(A_TOKENS + C_TOKENS));
    assertThat(b.codeHashByContractAddress(token).hex()).isEqualTo(tokenHash);
  }

  @Test
  void aTransferIsDecryptedAndTheRecipientReadsItWithItsViewingKey() throws Exception {
    long before = tokenBalance(a, A_KEY);

    ExecuteResult transfer =
        a.execute(
            ExecuteContract.of(
                    token, Map.of("transfer", Map.of("recipient", b.address(), "amount", "1000")))
                .withCodeHash(tokenHash),
            CONTRACT);
    // The contract's answer, decrypted, space-padded to 256 bytes as SNIP-20 does.
    assertThat(transfer.data().size()).isEqualTo(256);
    assertThat(transfer.dataJson())
        .contains(JSON.readTree("{\"transfer\":{\"status\":\"success\"}}"));
    assertThat(transfer.response().attribute(0, "execute", "contract_address")).contains(token);
    // The sender's own input, decrypted from the tx as secret.js does.
    assertThat(transfer.response().messages().get(0).contractMsg())
        .contains(
            JSON.readTree(
                "{\"transfer\":{\"recipient\":\"" + b.address() + "\",\"amount\":\"1000\"}}"));

    ExecuteResult key =
        b.execute(
            ExecuteContract.of(token, Map.of("set_viewing_key", Map.of("key", "b's key"))),
            CONTRACT);
    assertThat(key.dataJson())
        .contains(JSON.readTree("{\"set_viewing_key\":{\"status\":\"success\"}}"));
    assertThat(tokenBalance(b, "b's key")).isEqualTo(1000);
    assertThat(tokenBalance(a, A_KEY)).isEqualTo(before - 1000);

    JsonNode wrongKey =
        b.query(
            token, tokenHash, Map.of("balance", Map.of("address", b.address(), "key", "guess")));
    assertThat(wrongKey)
        .isEqualTo(
            JSON.readTree(
                "{\"viewing_key_error\":{\"msg\":"
                    + "\"Wrong viewing key for this address or viewing key not set\"}}"));
  }

  @Test
  void aFailingExecuteIsDecryptedAndChangesNothingButTheFee() {
    long tokens = tokenBalance(a, A_KEY);
    BigInteger coins = uscrt(a);
    long tooMuch = tokens + 1;

    TxFailedException failed =
        catchThrowableOfType(
            TxFailedException.class,
            () ->
                a.execute(
                    ExecuteContract.of(
                        token,
                        Map.of(
                            "transfer",
                            Map.of("recipient", b.address(), "amount", String.valueOf(tooMuch)))),
                    CONTRACT));

    assertThat(failed).isNotNull();
    assertThat(failed.code()).isEqualTo(3);
    assertThat(failed.codespace()).isEqualTo("compute");
    assertThat(failed.response().isCommitted()).isTrue();
    ContractError error = failed.contractError().orElseThrow();
    assertThat(error.messageIndex()).isZero();
    assertThat(error.text())
        .isEqualTo("insufficient funds: balance=" + tokens + ", required=" + tooMuch);
    assertThat(error.rawLog())
        .startsWith("failed to execute message; message index: 0: ")
        .endsWith(": execute contract failed")
        .doesNotContain("encrypted:");
    assertThat(failed.rawLog()).contains("encrypted: "); // the node's log stays as sent
    assertThat(tokenBalance(a, A_KEY)).isEqualTo(tokens);
    assertThat(uscrt(a)).isEqualTo(coins.subtract(fee(CONTRACT)));
  }

  @Test
  void aFailingQueryIsDecrypted() {
    ContractQueryException failed =
        catchThrowableOfType(
            ContractQueryException.class,
            () -> a.query(token, tokenHash, Map.of("nope", Map.of())));
    assertThat(failed).isNotNull();
    assertThat(failed.contractError().text())
        .isEqualTo("unknown variant `nope`, expected one of `balance`, `token_info`");
  }

  @Test
  void aContractCallsAnotherThroughASubMessageAndRecordsTheReply() throws Exception {
    StoreCodeResult counterCode = a.storeCode(wasm("counter"), STORE);
    StoreCodeResult callerCode = a.storeCode(wasm("caller"), STORE);
    String counter =
        a.instantiate(
                InstantiateContract.of(counterCode.codeId(), Map.of("count", 1), "counter"),
                CONTRACT)
            .contractAddress();
    String caller =
        a.instantiate(InstantiateContract.of(callerCode.codeId(), Map.of(), "caller"), CONTRACT)
            .contractAddress();

    String increment =
        Base64.getEncoder().encodeToString("{\"increment\":{}}".getBytes(StandardCharsets.UTF_8));
    ExecuteResult call =
        b.execute(
            ExecuteContract.of(
                caller,
                Map.of(
                    "call",
                    Map.of(
                        "contract_addr",
                        counter,
                        "code_hash",
                        counterCode.codeHash().hex(),
                        "msg",
                        increment,
                        "id",
                        7))),
            CONTRACT);
    // The caller's, the counter's and the reply's attributes, all opened with b's nonce.
    assertThat(call.response().wasmAttributes(0))
        .contains(
            new LogEntry(0, "wasm", "action", "call"),
            new LogEntry(0, "wasm", "id", "7"),
            new LogEntry(0, "wasm", "contract_address", counter),
            new LogEntry(0, "wasm", "action", "increment"),
            new LogEntry(0, "wasm", "count", "2"),
            new LogEntry(0, "wasm", "action", "reply"),
            new LogEntry(0, "wasm", "reply_id", "7"),
            new LogEntry(0, "wasm", "reply_status", "ok"));
    assertThat(b.query(counter, null, Map.of("get_count", Map.of())))
        .isEqualTo(JSON.readTree("{\"count\":2}"));
    JsonNode reply = b.query(caller, null, Map.of("last_reply", Map.of()));
    assertThat(reply.path("id").asLong()).isEqualTo(7);
    assertThat(reply.path("status").asText()).isEqualTo("ok");
    assertThat(reply.path("error").isNull()).isTrue();

    // A sub-call that fails with no reply asked for fails the whole message; its error, behind
    // "dispatch: submessages:", opens with b's nonce too (secretjs-api.md §6.1 step 3).
    String reset =
        Base64.getEncoder()
            .encodeToString("{\"reset\":{\"count\":9}}".getBytes(StandardCharsets.UTF_8));
    TxFailedException failed =
        catchThrowableOfType(
            TxFailedException.class,
            () ->
                b.execute(
                    ExecuteContract.of(
                        caller,
                        Map.of(
                            "call",
                            Map.of(
                                "contract_addr",
                                counter,
                                "code_hash",
                                counterCode.codeHash().hex(),
                                "msg",
                                reset,
                                "id",
                                8,
                                "reply_on",
                                "success"))),
                    CONTRACT));
    assertThat(failed.code()).isEqualTo(3);
    assertThat(failed.rawLog()).contains("dispatch: submessages: encrypted: ");
    assertThat(failed.contractError().orElseThrow().text()).isEqualTo("unauthorized");
    assertThat(b.query(counter, null, Map.of("get_count", Map.of())))
        .isEqualTo(JSON.readTree("{\"count\":2}"));
    assertThat(b.query(caller, null, Map.of("last_reply", Map.of())).path("id").asLong())
        .isEqualTo(7);
  }

  @Test
  void bankSendMovesCoinsAndGetTxReturnsTheDecryptedResultToItsSender() throws Exception {
    String fresh = Wallet.generate().address();
    BigInteger before = uscrt(a);

    TxResponse sent = a.bankSend(fresh, List.of(Coins.uscrt(1234)), SEND);

    assertThat(sent.isCommitted()).isTrue();
    assertThat(a.balance(fresh, "uscrt").getAmount()).isEqualTo("1234");
    assertThat(uscrt(a)).isEqualTo(before.subtract(BigInteger.valueOf(1234)).subtract(fee(SEND)));

    ExecuteResult transfer =
        a.execute(
            ExecuteContract.of(
                token, Map.of("transfer", Map.of("recipient", address("d"), "amount", "1"))),
            CONTRACT);
    String hash = transfer.response().txhash();

    TxResponse mine = a.getTx(hash).orElseThrow();
    assertThat(mine.height()).isEqualTo(transfer.response().height());
    assertThat(mine.data(0)).isEqualTo(transfer.data());
    assertThat(mine.messages().get(0).contractMsg()).isPresent();
    assertThat(mine.arrayLog()).isEqualTo(transfer.response().arrayLog());

    // Another key opens nothing: b sees the tx, encrypted.
    TxResponse theirs = b.getTx(hash).orElseThrow();
    assertThat(theirs.messages().get(0).contractMsg()).isEmpty();
    assertThat(theirs.data(0)).isNotEqualTo(transfer.data());
    assertThat(b.getTx(sent.txhash()).orElseThrow().height()).isEqualTo(sent.height());
  }

  @Test
  void anAminoSignedTxIsAcceptedAndDecrypted() throws Exception {
    SecretNetworkClient c = node.client("c", WalletOptions.defaults().withLegacyAmino());
    ExecuteResult key =
        c.execute(
            ExecuteContract.of(token, Map.of("set_viewing_key", Map.of("key", "c's key"))),
            CONTRACT);
    assertThat(key.dataJson())
        .contains(JSON.readTree("{\"set_viewing_key\":{\"status\":\"success\"}}"));
    assertThat(tokenBalance(c, "c's key")).isEqualTo(C_TOKENS); // its initial balance
    c.execute(
        ExecuteContract.of(
            token, Map.of("transfer", Map.of("recipient", address("d"), "amount", "5"))),
        CONTRACT);
    assertThat(tokenBalance(c, "c's key")).isEqualTo(C_TOKENS - 5);
    assertThat(c.bankSend(address("d"), List.of(Coins.uscrt(1)), SEND).isSuccess()).isTrue();
  }
}
