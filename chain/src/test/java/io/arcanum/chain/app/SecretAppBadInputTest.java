package io.arcanum.chain.app;

import static io.arcanum.chain.app.TestTxs.tx;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.TxEncryptor;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxMsgData;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.QuerySecretContractRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad compute input through the whole application with the real enclave, in checkTx and in a block:
 * each is refused with the Cosmos-style code, codespace and log a client sees, and changes nothing
 * but what the SDK keeps of a tx whose ante handler passed — the fee and the sequence. (Every ante
 * refusal is proved in {@link AnteRejectionTest}; compute's handler-level cases in {@code
 * io.arcanum.chain.compute}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretAppBadInputTest {
  static final long FEE = 37_500; // 3M gas at the checkTx minimum of 0.0125uscrt
  static final String AUTH = hexOf("auth/");
  static final String BANK = hexOf("bank/");

  TestChain chain;
  TxEncryptor client;
  byte[] counterWasm;
  byte[] tokenWasm;
  byte[] counter;

  @BeforeAll
  void aChainWithTheCounter(@TempDir Path dir) throws Exception {
    chain = SecretTestNetwork.create(dir, 1).open(0);
    client =
        TxEncryptor.fromSeed(new byte[32], new X25519PublicKey(SecretTestNetwork.txKey(chain)));
    counterWasm = TestTxs.contractWasm("counter");
    tokenWasm = TestTxs.contractWasm("token");
    assertThat(ok(store(counterWasm)).code()).isZero();
    assertThat(ok(store(tokenWasm)).code()).isZero();
    TxResult created =
        ok(
            signed(
                TestTxs.instantiate(
                    TestTxs.A, 1, "counter", encrypt(counterWasm, "{\"count\":1}"), 0)));
    counter =
        CosmosAddress.parseSecret(
                TxMsgData.parseFrom(created.data())
                    .getMsgResponses(0)
                    .unpack(MsgInstantiateContractResponse.class)
                    .getAddress())
            .bytes();
  }

  @AfterAll
  void close() {
    chain.close();
  }

  static String hexOf(String text) {
    return HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII));
  }

  byte[] encrypt(byte[] wasm, String json) {
    return client.encrypt(CodeHash.of(wasm).hex(), json);
  }

  /** {@code message} signed by a with its current sequence, 3M gas and its minimum fee. */
  byte[] signed(Any message) {
    return tx(TestTxs.A, message)
        .gas(3_000_000)
        .fee(FEE)
        .sequence(chain.sequence(TestTxs.A))
        .build();
  }

  byte[] store(byte[] wasm) {
    return signed(TestTxs.storeCode(TestTxs.A, wasm));
  }

  byte[] execute(byte[] contract, byte[] msg) {
    return signed(TestTxs.execute(TestTxs.A, contract, msg, 0));
  }

  TxResult ok(byte[] tx) {
    TxResult r = chain.block(tx).txResults().get(0);
    assertThat(r.code()).as(r.log()).isZero();
    return r;
  }

  /** How one tx went: in checkTx, then alone in a block; state and a's account around the block. */
  record Outcome(
      TxResult checked,
      TxResult delivered,
      Map<String, String> before,
      Map<String, String> after,
      byte[] hashBefore,
      byte[] hashAfter,
      long balanceBefore,
      long balanceAfter,
      long sequenceBefore,
      long sequenceAfter) {
    /** Keys added, changed or removed by the block. */
    TreeSet<String> changed() {
      TreeSet<String> keys = new TreeSet<>(before.keySet());
      keys.addAll(after.keySet());
      keys.removeIf(k -> Objects.equals(before.get(k), after.get(k)));
      return keys;
    }
  }

  Outcome run(byte[] tx) {
    Secp256k1PrivateKey a = TestTxs.A;
    Map<String, String> before = chain.state();
    byte[] hashBefore = chain.app.info().lastAppHash();
    long balance = chain.balance(a);
    long sequence = chain.sequence(a);
    TxResult checked = chain.app.checkTx(tx);
    BlockResult block = chain.block(tx);
    return new Outcome(
        checked,
        block.txResults().get(0),
        before,
        chain.state(),
        hashBefore,
        block.appHash(),
        balance,
        chain.balance(a),
        sequence,
        chain.sequence(a));
  }

  /** Refused before the ante handler (validateBasic): in checkTx too, and nothing changes. */
  static void refusedOutright(Outcome o, String codespace, int code, String log) {
    for (TxResult r : new TxResult[] {o.checked(), o.delivered()}) {
      assertThat(r.codespace()).isEqualTo(codespace);
      assertThat(r.code()).isEqualTo(code);
      assertThat(r.log()).isEqualTo(log);
      assertThat(r.events()).isEmpty();
      assertThat(r.gasUsed()).isZero();
    }
    assertThat(o.after()).isEqualTo(o.before());
    assertThat(o.hashAfter()).isEqualTo(o.hashBefore());
  }

  /**
   * Passed the ante handler (so checkTx, which runs only the ante, admits it) and failed in the
   * message: the block keeps a's fee and sequence and nothing else — no compute or registration key
   * changes, only a's account, a's balance and the fee collector's.
   */
  static void failedInTheMessage(Outcome o, String codespace, int code) {
    assertThat(o.checked().code()).as(o.checked().log()).isZero();
    TxResult r = o.delivered();
    assertThat(r.codespace()).as(r.log()).isEqualTo(codespace);
    assertThat(r.code()).isEqualTo(code);
    assertThat(r.log()).startsWith("failed to execute message; message index: 0: ");
    assertThat(r.data()).isEmpty();
    assertThat(r.events()).allSatisfy(e -> assertThat(e.attribute("msg_index")).isNull());
    assertThat(o.balanceAfter()).isEqualTo(o.balanceBefore() - FEE);
    assertThat(o.sequenceAfter()).isEqualTo(o.sequenceBefore() + 1);
    assertThat(o.changed()).hasSize(3).allMatch(k -> k.startsWith(AUTH) || k.startsWith(BANK));
  }

  @Test
  void anOversizedUploadIsRefusedBeforeTheFee() {
    Outcome o = run(store(new byte[2 * 1024 * 1024 + 1]));
    refusedOutright(
        o,
        "sdk",
        18,
        "code bytes cannot be longer than 2097152 bytes, got 2097153: invalid request");
  }

  @Test
  void anUploadThatIsNotWasmIsComputeFifteen() {
    Outcome o = run(store("this is not wasm".getBytes(StandardCharsets.UTF_8)));
    failedInTheMessage(o, "compute", 15);
    assertThat(o.delivered().log()).contains("NOT_WASM").endsWith(": create contract failed");
  }

  @Test
  void aGzipBombStopsAtTheSizeLimit() {
    // 64 MiB of zeros gzip to ~64 KiB: inflation stops at 2 MiB
    Outcome o = run(store(TestTxs.gzip(new byte[64 << 20])));
    failedInTheMessage(o, "compute", 31);
    assertThat(o.delivered().log())
        .isEqualTo(
            "failed to execute message; message index: 0: gzipped wasm inflates to more than"
                + " 2097152 bytes: max contract size exceeded");
  }

  @Test
  void aDuplicateLabelIsComputeSix() {
    Outcome o =
        run(
            signed(
                TestTxs.instantiate(
                    TestTxs.A, 1, "counter", encrypt(counterWasm, "{\"count\":2}"), 0)));
    failedInTheMessage(o, "compute", 6);
    assertThat(o.delivered().log())
        .isEqualTo(
            "failed to execute message; message index: 0: label \"counter\": contract account"
                + " already exists");
  }

  @Test
  void anUnknownCodeIdIsComputeNine() {
    Outcome o =
        run(
            signed(
                TestTxs.instantiate(
                    TestTxs.A, 77, "seventy-seven", encrypt(counterWasm, "{\"count\":2}"), 0)));
    failedInTheMessage(o, "compute", 9);
    assertThat(o.delivered().log())
        .isEqualTo("failed to execute message; message index: 0: code 77: not found");
  }

  @Test
  void anUnknownContractIsComputeNineToExecuteAndSdkThirtyEightToQuery() {
    byte[] nobody = new byte[20];
    nobody[19] = 1;
    String bech32 = TestTxs.bech32(nobody);
    Outcome o = run(execute(nobody, encrypt(counterWasm, "{\"increment\":{}}")));
    failedInTheMessage(o, "compute", 9);
    assertThat(o.delivered().log())
        .isEqualTo(
            "failed to execute message; message index: 0: contract " + bech32 + ": not found");

    QueryResponse q = smartQuery(nobody, encrypt(counterWasm, "{\"get_count\":{}}"));
    assertThat(q.codespace()).isEqualTo("sdk");
    assertThat(q.code()).isEqualTo(38);
    assertThat(q.log()).isEqualTo("contract " + bech32 + ": not found");
  }

  @Test
  void aMessageWithAWrongCodeHashIsRefusedByTheEnclave() {
    byte[] wire =
        client.encrypt(
            new CodeHash(new byte[32]),
            "{\"increment\":{}}".getBytes(StandardCharsets.UTF_8),
            new byte[32]);
    Outcome o = run(execute(counter, wire));
    failedInTheMessage(o, "compute", 3);
    assertThat(o.delivered().log())
        .startsWith(
            "failed to execute message; message index: 0: UNAUTHORIZED: the message was encrypted"
                + " for code hash "
                + "00".repeat(32))
        .endsWith(": execute contract failed");
  }

  @Test
  void aMessageEncryptedForAnotherContractIsRefusedByTheEnclave() {
    // a token transfer, sealed for the token's code, sent to the counter
    byte[] forToken =
        encrypt(
            tokenWasm,
            "{\"transfer\":{\"recipient\":\""
                + TestTxs.bech32(TestTxs.B)
                + "\",\"amount\":\"1\"}}");
    Outcome o = run(execute(counter, forToken));
    failedInTheMessage(o, "compute", 3);
    assertThat(o.delivered().log())
        .contains(
            "UNAUTHORIZED: the message was encrypted for code hash " + CodeHash.of(tokenWasm).hex())
        .contains(CodeHash.of(counterWasm).hex())
        .endsWith(": execute contract failed");
  }

  @Test
  void aTooShortEncryptedMessageIsRefused() {
    // Under 82 bytes is no envelope (secretjs-api.md §7); to execute, the enclave takes such input
    // as plaintext, which must then start with the code hash (enclave.md, input).
    byte[] truncated = Arrays.copyOf(encrypt(counterWasm, "{\"increment\":{}}"), 70);
    Outcome o = run(execute(counter, truncated));
    failedInTheMessage(o, "compute", 3);
    assertThat(o.delivered().log())
        .isEqualTo(
            "failed to execute message; message index: 0: INVALID_INPUT: the message does not"
                + " start with a 64-hex-character code hash: execute contract failed");

    // A query is never plaintext.
    QueryResponse q =
        smartQuery(counter, Arrays.copyOf(encrypt(counterWasm, "{\"get_count\":{}}"), 70));
    assertThat(q.codespace()).isEqualTo("compute");
    assertThat(q.code()).isEqualTo(4);
    assertThat(q.log())
        .isEqualTo(
            "INVALID_INPUT: the message could not be decrypted with the network's IO key:"
                + " encrypted message must be at least 82 bytes (32-byte nonce, 32-byte public"
                + " key, AES-SIV ciphertext), got 70: query contract failed");
  }

  QueryResponse smartQuery(byte[] contract, byte[] query) {
    return chain.query(
        "/secret.compute.v1beta1.Query/QuerySecretContract",
        QuerySecretContractRequest.newBuilder()
            .setContractAddress(TestTxs.bech32(contract))
            .setQuery(ByteString.copyFrom(query))
            .build(),
        0);
  }
}
