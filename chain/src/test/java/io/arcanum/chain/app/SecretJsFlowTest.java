package io.arcanum.chain.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.auth.Account;
import io.arcanum.chain.blocks.TxRecord;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.TxEncryptor;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxMsgData;
import io.arcanum.proto.cosmos.tx.v1beta1.TxBody;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCodeResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryByCodeIdRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryCodeHashResponse;
import io.arcanum.proto.secret.compute.v1beta1.QuerySecretContractRequest;
import io.arcanum.proto.secret.compute.v1beta1.QuerySecretContractResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What secret.js 1.22.1 does against a node (secretjs-api.md §2, §6.1), done on the application
 * directly (no REST yet) with LocalSecret's accounts a and b: read the account, sign, check the tx
 * in (broadcast sync), poll the tx by hash until a block has it, encrypt to the chain's {@code
 * TxKey}, and decode every result as secret.js decodes it — TxMsgData from upper-case hex, events
 * with {@code msg_index}, data and {@code wasm} attributes opened with the message's nonce, the
 * failing execute's raw log matched with secret.js's own regex and its error decrypted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretJsFlowTest {
  /** secret.js's tx-result regex, verbatim (secretjs-api.md §6.1 step 3). */
  static final Pattern ENCRYPTED_ERROR =
      Pattern.compile(
          "; message index: (\\d+):(?: dispatch: submessages:)* encrypted: (.+?):"
              + " (?:instantiate|execute|query|reply to|migrate) contract failed");

  static final String FIRST_CONTRACT = "secret1mfk7n6mc2cg6lznujmeckdh4x0a5ezf6hx6y8q";

  TestChain chain;
  byte[] tokenWasm;
  Client a;
  Client b;
  TxRecord stored;
  TxRecord instantiated;

  /** One secret.js client: a wallet and an encryption key pair of its own (no encryptionSeed). */
  final class Client {
    final Secp256k1PrivateKey wallet;
    final TxEncryptor encryption;

    Client(Secp256k1PrivateKey wallet) {
      this.wallet = wallet;
      this.encryption = TxEncryptor.random(new X25519PublicKey(SecretTestNetwork.txKey(chain)));
    }

    String address() {
      return TestTxs.bech32(wallet);
    }

    byte[] encrypt(String json) {
      return encrypt(tokenWasm, json);
    }

    byte[] encrypt(byte[] wasm, String json) {
      return encryption.encrypt(CodeHash.of(wasm).hex(), json);
    }

    /**
     * {@code signAndBroadcast}: the account query, a DIRECT signature, broadcast sync (checkTx),
     * then polling {@code GET /cosmos/tx/v1beta1/txs/{HASH}} — "not found" until the block is
     * committed.
     */
    TxRecord broadcast(Any message, long gas) {
      Account account = chain.account(wallet);
      byte[] tx =
          TestTxs.tx(wallet, message)
              .accountNumber(account.accountNumber())
              .sequence(account.sequence())
              .gas(gas)
              .fee(gas / 10) // secretjs's default gas price, 0.1uscrt
              .build();
      String hash = HexFormat.of().withUpperCase().formatHex(TestTxs.sha256(tx));
      TxResult checked = chain.app.checkTx(tx);
      assertThat(checked.code()).as(checked.log()).isZero();
      assertThat(chain.app.blockStore().tx(hash)).isEmpty();
      chain.block(tx);
      TxRecord record = chain.app.blockStore().tx(hash).orElseThrow();
      assertThat(record.hashHex()).isEqualTo(hash);
      return record;
    }

    TxRecord execute(byte[] contract, String json) {
      return broadcast(TestTxs.execute(wallet, contract, encrypt(json), 0), 200_000);
    }

    /**
     * §6.1 step 1: the message of the tx as the node returns it, opened with this client's key —
     * the nonce secret.js uses for everything the tx returns.
     */
    byte[] nonce(TxRecord record) throws Exception {
      Any message = TxBody.parseFrom(TxRaw.parseFrom(record.tx()).getBodyBytes()).getMessages(0);
      byte[] wire =
          message.is(MsgExecuteContract.class)
              ? message.unpack(MsgExecuteContract.class).getMsg().toByteArray()
              : message.unpack(MsgInstantiateContract.class).getInitMsg().toByteArray();
      byte[] nonce = Arrays.copyOf(wire, 32);
      byte[] plaintext = encryption.decrypt(Arrays.copyOfRange(wire, 64, wire.length), nonce);
      // code hash ‖ the JSON the user wrote
      assertThat(new String(plaintext, StandardCharsets.UTF_8)).matches("[0-9a-f]{64}\\{.*");
      return nonce;
    }

    /** §6.1 step 4: {@code b64decode(utf8(decrypt(data)))}. */
    String data(TxRecord record, byte[] encrypted) throws Exception {
      byte[] text = encryption.decrypt(encrypted, nonce(record));
      byte[] data = Base64.getDecoder().decode(new String(text, StandardCharsets.UTF_8));
      return new String(data, StandardCharsets.UTF_8);
    }

    /** {@code query.compute.queryContract}: encrypt, query, open the answer with the nonce. */
    String query(byte[] contract, String json) {
      byte[] query = encrypt(json);
      QueryResponse r =
          chain.query(
              "/secret.compute.v1beta1.Query/QuerySecretContract",
              QuerySecretContractRequest.newBuilder()
                  .setContractAddress(TestTxs.bech32(contract))
                  .setQuery(ByteString.copyFrom(query))
                  .build(),
              0);
      assertThat(r.code()).as(r.log()).isZero();
      try {
        byte[] answer = QuerySecretContractResponse.parseFrom(r.value()).getData().toByteArray();
        byte[] text = encryption.decrypt(answer, Arrays.copyOf(query, 32));
        return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  /** {@code tx.data}: TxMsgData decoded from the upper-case hex the node returns. */
  static TxMsgData txMsgData(TxRecord record) throws Exception {
    String hex = HexFormat.of().withUpperCase().formatHex(record.result().data());
    return TxMsgData.parseFrom(HexFormat.of().parseHex(hex));
  }

  /** The events secret.js builds its logs from: those with {@code msg_index}. */
  static List<Event> messageEvents(TxRecord record) {
    return record.result().events().stream().filter(e -> e.attribute("msg_index") != null).toList();
  }

  @BeforeAll
  void storeAndInstantiateTheToken(@TempDir Path dir) throws Exception {
    chain = SecretTestNetwork.create(dir, 1).open(0);
    tokenWasm = TestTxs.contractWasm("token");
    a = new Client(TestTxs.A);
    b = new Client(TestTxs.B);
    // secretjs uploads raw wasm uncompressed in DIRECT mode (secretjs-api.md §5)
    stored = a.broadcast(TestTxs.storeCode(TestTxs.A, tokenWasm), 2_000_000);
    String init =
        "{\"name\":\"Marker\",\"symbol\":\"MRKR\",\"decimals\":6,\"initial_balances\":"
            + "[{\"address\":\""
            + a.address()
            + "\",\"amount\":\"1000\"}],\"prng_seed\":\"c2VlZA==\"}";
    instantiated =
        a.broadcast(TestTxs.instantiate(TestTxs.A, 1, "token", a.encrypt(init), 0), 500_000);
  }

  @AfterAll
  void close() {
    chain.close();
  }

  byte[] token() throws Exception {
    return io.arcanum.crypto.address.CosmosAddress.parseSecret(FIRST_CONTRACT).bytes();
  }

  @Test
  void storeAndInstantiateAnswerInTxMsgDataAtLocalSecretsFirstAddress() throws Exception {
    assertThat(stored.result().code()).isZero();
    assertThat(stored.result().log()).isEmpty();
    // §6: store of code 1 → Any{"/secret.compute.v1beta1.MsgStoreCodeResponse", 08 01}
    Any storeResponse = txMsgData(stored).getMsgResponses(0);
    assertThat(storeResponse.getTypeUrl())
        .isEqualTo("/secret.compute.v1beta1.MsgStoreCodeResponse");
    assertThat(storeResponse.unpack(MsgStoreCodeResponse.class).getCodeId()).isEqualTo(1);
    assertThat(messageEvents(stored))
        .anySatisfy(e -> assertThat(e.attribute("code_id")).isEqualTo("1"));

    // query.compute.codeHashByCodeId: lower-case hex of SHA-256(wasm)
    QueryResponse hash =
        chain.query(
            "/secret.compute.v1beta1.Query/CodeHashByCodeId",
            QueryByCodeIdRequest.newBuilder().setCodeId(1).build(),
            0);
    assertThat(QueryCodeHashResponse.parseFrom(hash.value()).getCodeHash())
        .isEqualTo(CodeHash.of(tokenWasm).hex());

    // code 1, instance 1, creator a: the first contract on LocalSecret (secretjs-api.md §5)
    MsgInstantiateContractResponse created =
        txMsgData(instantiated).getMsgResponses(0).unpack(MsgInstantiateContractResponse.class);
    assertThat(created.getAddress()).isEqualTo(FIRST_CONTRACT);
    assertThat(created.getData().isEmpty()).isTrue();
    List<Event> events = messageEvents(instantiated);
    assertThat(events).allSatisfy(e -> assertThat(e.attribute("msg_index")).isEqualTo("0"));
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.type()).isEqualTo("message");
              assertThat(e.attribute("action"))
                  .isEqualTo("/secret.compute.v1beta1.MsgInstantiateContract");
            })
        .anySatisfy(
            e -> {
              assertThat(e.type()).isEqualTo("instantiate");
              assertThat(e.attribute("contract_address")).isEqualTo(FIRST_CONTRACT);
              assertThat(e.attribute("code_id")).isEqualTo("1");
            });
    // the ante's events (fee, sequence, signature) carry no msg_index
    assertThat(instantiated.result().events())
        .filteredOn(e -> e.type().equals("tx"))
        .hasSize(3)
        .allSatisfy(e -> assertThat(e.attribute("msg_index")).isNull());
    assertThat(a.query(token(), "{\"token_info\":{}}"))
        .isEqualTo(
            "{\"token_info\":{\"name\":\"Marker\",\"symbol\":\"MRKR\",\"decimals\":6,"
                + "\"total_supply\":\"1000\"}}");
  }

  @Test
  void aTransferAnswersInDataOnlyItsSenderOpensAndMovesPrivateBalances() throws Exception {
    TxRecord sent =
        a.execute(
            token(), "{\"transfer\":{\"recipient\":\"" + b.address() + "\",\"amount\":\"300\"}}");
    assertThat(sent.result().code()).as(sent.result().log()).isZero();
    byte[] data =
        txMsgData(sent)
            .getMsgResponses(0)
            .unpack(MsgExecuteContractResponse.class)
            .getData()
            .toByteArray();
    String answer = a.data(sent, data);
    assertThat(answer).hasSize(256); // SNIP-20 padding
    assertThat(answer.strip()).isEqualTo("{\"transfer\":{\"status\":\"success\"}}");
    assertThatThrownBy(() -> b.encryption.decrypt(data, a.nonce(sent)))
        .as("another client's key opens nothing");
    assertThat(messageEvents(sent))
        .extracting(Event::type)
        .containsExactly("message", "message", "execute");

    TxRecord viewingKey = b.execute(token(), "{\"set_viewing_key\":{\"key\":\"bob-key\"}}");
    assertThat(viewingKey.result().code()).isZero();
    assertThat(
            b.query(
                token(), "{\"balance\":{\"address\":\"" + b.address() + "\",\"key\":\"bob-key\"}}"))
        .isEqualTo("{\"balance\":{\"amount\":\"300\"}}");
  }

  @Test
  void aFailingTransferHasTheRawLogSecretjsMatchesAndDecrypts() throws Exception {
    TxRecord failed =
        b.execute(
            token(),
            "{\"transfer\":{\"recipient\":\"" + a.address() + "\",\"amount\":\"1000000\"}}");
    TxResult r = failed.result();
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.codespace()).isEqualTo("compute");
    assertThat(r.data()).isEmpty();
    assertThat(messageEvents(failed)).isEmpty();

    Matcher m = ENCRYPTED_ERROR.matcher(r.log());
    assertThat(m.find()).as(r.log()).isTrue();
    assertThat(m.group(1)).isEqualTo("0");
    byte[] error = Base64.getDecoder().decode(m.group(2));
    String plaintext =
        new String(b.encryption.decrypt(error, b.nonce(failed)), StandardCharsets.UTF_8);
    // A 1.x contract's error is a string; Secret's enclave encrypts it without JSON quotes, so
    // secret.js's JSON.parse of it fails and rawLog keeps the text.
    assertThat(plaintext).matches("insufficient funds: balance=\\d+, required=1000000");
    // secret.js puts the plaintext in place of the ciphertext in rawLog
    assertThat(r.log().replace(m.group(2), plaintext))
        .startsWith("failed to execute message; message index: 0: encrypted: insufficient funds")
        .endsWith(": execute contract failed");
  }

  @Test
  void wasmAttributesOpenWithTheNonceOfTheirMessage() throws Exception {
    byte[] counterWasm = TestTxs.contractWasm("counter");
    TxRecord stored =
        a.broadcast(TestTxs.storeCode(TestTxs.A, TestTxs.gzip(counterWasm)), 1_000_000);
    long codeId =
        txMsgData(stored).getMsgResponses(0).unpack(MsgStoreCodeResponse.class).getCodeId();
    TxRecord created =
        a.broadcast(
            TestTxs.instantiate(
                TestTxs.A, codeId, "counter", a.encrypt(counterWasm, "{\"count\":41}"), 0),
            500_000);
    assertThat(created.result().code()).as(created.result().log()).isZero();
    String contract =
        txMsgData(created)
            .getMsgResponses(0)
            .unpack(MsgInstantiateContractResponse.class)
            .getAddress();
    TxRecord incremented =
        b.broadcast(
            TestTxs.execute(
                TestTxs.B,
                io.arcanum.crypto.address.CosmosAddress.parseSecret(contract).bytes(),
                b.encrypt(counterWasm, "{\"increment\":{}}"),
                0),
            200_000);

    assertThat(wasmLog(a, created))
        .containsExactly(
            "contract_address=" + contract,
            "action=instantiate",
            "owner=" + a.address(),
            "count=41",
            "msg_index=0");
    assertThat(wasmLog(b, incremented))
        .containsExactly(
            "contract_address=" + contract, "action=increment", "count=42", "msg_index=0");
  }

  /**
   * §6.1 step 2: every {@code wasm} attribute, key and value opened with the message's nonce where
   * that works ({@code contract_address} is plaintext and stays as it is).
   */
  static List<String> wasmLog(Client client, TxRecord record) throws Exception {
    byte[] nonce = client.nonce(record);
    Event wasm =
        messageEvents(record).stream()
            .filter(e -> e.type().equals("wasm"))
            .findFirst()
            .orElseThrow();
    return wasm.attributes().stream()
        .map(
            attribute ->
                open(client, nonce, attribute.key()) + "=" + open(client, nonce, attribute.value()))
        .toList();
  }

  private static String open(Client client, byte[] nonce, String text) {
    try {
      byte[] plain = client.encryption.decrypt(Base64.getDecoder().decode(text), nonce);
      return new String(plain, StandardCharsets.UTF_8).strip();
    } catch (RuntimeException notEncrypted) {
      return text;
    }
  }
}
