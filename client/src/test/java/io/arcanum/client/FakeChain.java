package io.arcanum.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.client.FakeLcd.Answer;
import io.arcanum.client.FakeLcd.Request;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import io.arcanum.crypto.secp256k1.Secp256k1Signature;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.DecryptedTxInput;
import io.arcanum.crypto.tx.TxEncryptionKey;
import io.arcanum.crypto.tx.TxEnvelope;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.proto.ProtoJson;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxMsgData;
import io.arcanum.proto.cosmos.crypto.secp256k1.PubKey;
import io.arcanum.proto.cosmos.tx.v1beta1.AuthInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.SignerInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.TxBody;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCode;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCodeResponse;
import io.arcanum.proto.signing.SignDocs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A fake Secret node behind {@link FakeLcd}, answering with the spec's JSON shapes (secretjs-api.md
 * §3) and doing real crypto: DIRECT and amino signatures are verified against its chain id and
 * stored account numbers, contract inputs are opened with its IO key, and a counter contract's
 * outputs, attributes and errors are encrypted back with each message's tx key, so the client's
 * decryption is tested for real. Txs are found by hash only after {@link #pendingPolls} "tx not
 * found" answers.
 *
 * <p>The counter: init {@code {"count":N}}; execute {@code {"increment":{}}} answers {@code
 * {"count":N+1}} with attribute {@code action=increment}, {@code {"fail":{}}} fails with {@code
 * {"generic_err":{"msg":"boom"}}}; query {@code {"get_count":{}}} answers {@code {"count":N}},
 * {@code {"fail":{}}} fails the same way.
 */
final class FakeChain implements AutoCloseable {
  static final String CHAIN_ID = "secretdev-1";
  static final ObjectMapper JSON = new ObjectMapper();

  final FakeLcd lcd = new FakeLcd();
  final X25519PrivateKey ioKey = X25519PrivateKey.fromSeed(filled(0x11));

  /** "tx not found" answers before a tx is found. */
  volatile int pendingPolls = 2;

  private final Map<String, long[]> accounts = new ConcurrentHashMap<>(); // number, sequence
  private final List<CodeHash> codes = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> contracts = new ConcurrentHashMap<>(); // address → code
  private final Map<String, Long> counts = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> committed = new ConcurrentHashMap<>();
  private final Map<String, Integer> polls = new ConcurrentHashMap<>();

  /** Contract inputs as the enclave saw them, in order. */
  final List<String> decryptedInputs = new CopyOnWriteArrayList<>();

  FakeChain() {
    fund(LocalSecret.A.address(), 0);
    fund(LocalSecret.B.address(), 1);
    lcd.on(
        "GET",
        "/registration/v1beta1/tx-key",
        r -> Answer.ok("{\"key\":\"" + ioKey.publicKey().toBase64() + "\"}"));
    lcd.onPrefix("GET", "/cosmos/auth/v1beta1/accounts/", this::account);
    lcd.onPrefix("GET", "/cosmos/bank/v1beta1/balances/", this::balance);
    lcd.onPrefix("GET", "/compute/v1beta1/code_hash/by_code_id/", this::codeHashByCodeId);
    lcd.onPrefix(
        "GET", "/compute/v1beta1/code_hash/by_contract_address/", this::codeHashByContract);
    lcd.on("POST", "/cosmos/tx/v1beta1/txs", this::broadcast);
    lcd.onPrefix("GET", "/cosmos/tx/v1beta1/txs/", this::getTx);
    lcd.on("POST", "/cosmos/tx/v1beta1/simulate", this::simulate);
    lcd.onPrefix("GET", "/compute/v1beta1/query/", this::query);
  }

  String url() {
    return lcd.url();
  }

  void fund(String address, long accountNumber) {
    accounts.put(address, new long[] {accountNumber, 0});
  }

  long sequence(String address) {
    return accounts.get(address)[1];
  }

  private Answer account(Request r) {
    String address = last(r.path());
    long[] account = accounts.get(address);
    if (account == null) {
      return Answer.error(404, 5, "account " + address + " not found");
    }
    return Answer.ok(
        "{\"account\":{\"@type\":\"/cosmos.auth.v1beta1.BaseAccount\",\"address\":\""
            + address
            + "\",\"pub_key\":null,\"account_number\":\""
            + account[0]
            + "\",\"sequence\":\""
            + account[1]
            + "\"}}");
  }

  private Answer balance(Request r) {
    String denom = r.param("denom");
    return Answer.ok(
        "{\"balance\":{\"denom\":\"" + denom + "\",\"amount\":\"1000000000000000000\"}}");
  }

  private Answer codeHashByCodeId(Request r) {
    int id = Integer.parseInt(last(r.path()));
    if (id < 1 || id > codes.size()) {
      return Answer.error(404, 5, "no code with id " + id + ": not found");
    }
    return Answer.ok("{\"code_hash\":\"" + codes.get(id - 1).hex() + "\"}");
  }

  private Answer codeHashByContract(Request r) {
    Integer code = contracts.get(last(r.path()));
    if (code == null) {
      return Answer.error(404, 5, "contract " + last(r.path()) + " not found");
    }
    return Answer.ok("{\"code_hash\":\"" + codes.get(code - 1).hex() + "\"}");
  }

  private Answer simulate(Request r) {
    return Answer.ok(
        "{\"gas_info\":{\"gas_wanted\":\"0\",\"gas_used\":\"100000\"},"
            + "\"result\":{\"data\":null,\"log\":\"\",\"events\":[],\"msg_responses\":[]}}");
  }

  // ---- broadcast: check the signature and sequence, then execute at once ----

  private Answer broadcast(Request r) {
    try {
      JsonNode body = JSON.readTree(r.body());
      byte[] txBytes = Base64.getDecoder().decode(body.path("txBytes").asText());
      String hash = HexFormat.of().withUpperCase().formatHex(sha256(txBytes));
      TxRaw raw = TxRaw.parseFrom(txBytes);
      TxBody txBody = TxBody.parseFrom(raw.getBodyBytes());
      AuthInfo authInfo = AuthInfo.parseFrom(raw.getAuthInfoBytes());
      SignerInfo signer = authInfo.getSignerInfos(0);
      Secp256k1PublicKey key =
          new Secp256k1PublicKey(signer.getPublicKey().unpack(PubKey.class).getKey().toByteArray());
      String address = CosmosAddress.fromPublicKey(key).toBech32("secret");
      long[] account = accounts.get(address);
      if (account == null) {
        return checkTx(hash, 5, "sdk", "account " + address + " not found: unknown address");
      }
      if (signer.getSequence() != account[1]) {
        return checkTx(
            hash,
            32,
            "sdk",
            "account sequence mismatch, expected "
                + account[1]
                + ", got "
                + signer.getSequence()
                + ": incorrect account sequence");
      }
      byte[] signBytes =
          signer.getModeInfo().getSingle().getModeValue() == SignDocs.LEGACY_AMINO_JSON
              ? SignDocs.aminoJson(
                  txBody,
                  authInfo.getFee(),
                  CHAIN_ID,
                  account[0],
                  account[1],
                  raw1 -> new CosmosAddress(raw1).toBech32("secret"))
              : SignDocs.direct(raw.getBodyBytes(), raw.getAuthInfoBytes(), CHAIN_ID, account[0]);
      if (!key.isValid(
          sha256(signBytes), new Secp256k1Signature(raw.getSignatures(0).toByteArray()))) {
        return checkTx(
            hash,
            4,
            "sdk",
            "signature verification failed; please verify account number ("
                + account[0]
                + ") and chain-id ("
                + CHAIN_ID
                + "): unauthorized");
      }
      account[1]++;
      committed.put(hash, deliver(hash, txBody, authInfo, address));
      return checkTx(hash, 0, "", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer checkTx(String hash, int code, String codespace, String log) {
    ObjectNode response = txResponse(0, hash, code, codespace, "", log);
    return Answer.ok(JSON.createObjectNode().set("tx_response", response).toString());
  }

  private Answer getTx(Request r) {
    String hash = last(r.path());
    JsonNode tx = committed.get(hash);
    int seen = polls.merge(hash, 1, Integer::sum);
    if (tx == null || seen <= pendingPolls) {
      return Answer.error(404, 5, "tx not found: " + hash);
    }
    return Answer.ok(tx.toString());
  }

  /** Runs the messages; any failure fails the whole tx with ante events only. */
  private JsonNode deliver(String hash, TxBody body, AuthInfo authInfo, String sender)
      throws IOException {
    ArrayNode events = JSON.createArrayNode();
    events.add(event("tx", "fee", authInfo.getFee().getAmount(0).getAmount() + "uscrt", null));
    TxMsgData.Builder data = TxMsgData.newBuilder();
    ObjectNode failure = null;
    for (int i = 0; i < body.getMessagesCount() && failure == null; i++) {
      Any msg = body.getMessages(i);
      ObjectNode message = event("message", "action", msg.getTypeUrl(), null);
      attribute(message, "sender", sender);
      attribute(message, "msg_index", Integer.toString(i));
      events.add(message);
      if (msg.is(MsgStoreCode.class)) {
        byte[] wasm = msg.unpack(MsgStoreCode.class).getWasmByteCode().toByteArray();
        codes.add(CodeHash.of(inflate(wasm)));
        data.addMsgResponses(
            ProtoTypes.pack(MsgStoreCodeResponse.newBuilder().setCodeId(codes.size()).build()));
        events.add(event("message", "code_id", Integer.toString(codes.size()), i));
      } else if (msg.is(MsgInstantiateContract.class)) {
        MsgInstantiateContract init = msg.unpack(MsgInstantiateContract.class);
        CodeHash code = codes.get((int) init.getCodeId() - 1);
        {
          DecryptedTxInput input = open(init.getInitMsg(), code);
          String contract = LocalSecret.FIRST_CONTRACT;
          contracts.put(contract, (int) init.getCodeId());
          long count = JSON.readTree(input.messageText()).path("count").asLong();
          counts.put(contract, count);
          TxEncryptionKey key = input.txEncryptionKey();
          data.addMsgResponses(
              ProtoTypes.pack(
                  MsgInstantiateContractResponse.newBuilder().setAddress(contract).build()));
          events.add(event("instantiate", "contract_address", contract, i));
          ObjectNode wasm = event("wasm", "contract_address", contract, null);
          attribute(
              wasm, key.encryptAttribute("count"), key.encryptAttribute(Long.toString(count)));
          attribute(wasm, "msg_index", Integer.toString(i));
          events.add(wasm);
        }
      } else if (msg.is(MsgExecuteContract.class)) {
        MsgExecuteContract execute = msg.unpack(MsgExecuteContract.class);
        String contract = new CosmosAddress(execute.getContract().toByteArray()).toBech32("secret");
        CodeHash code = codes.get(contracts.get(contract) - 1);
        {
          DecryptedTxInput input = open(execute.getMsg(), code);
          TxEncryptionKey key = input.txEncryptionKey();
          JsonNode call = JSON.readTree(input.messageText());
          if (call.has("fail")) {
            failure =
                txResponse(
                    7,
                    hash,
                    3,
                    "compute",
                    "",
                    "failed to execute message; message index: "
                        + i
                        + ": encrypted: "
                        + key.encryptError("{\"generic_err\":{\"msg\":\"boom\"}}")
                        + ": execute contract failed");
          } else {
            long count = counts.merge(contract, 1L, Long::sum);
            byte[] answer = ("{\"count\":" + count + "}").getBytes(StandardCharsets.UTF_8);
            data.addMsgResponses(
                ProtoTypes.pack(
                    MsgExecuteContractResponse.newBuilder()
                        .setData(ByteString.copyFrom(key.encryptData(answer)))
                        .build()));
            events.add(event("execute", "contract_address", contract, i));
            ObjectNode wasm = event("wasm", "contract_address", contract, null);
            attribute(wasm, key.encryptAttribute("action"), key.encryptAttribute("increment"));
            attribute(wasm, "msg_index", Integer.toString(i));
            events.add(wasm);
          }
        }
      } else {
        data.addMsgResponses(Any.newBuilder().setTypeUrl(msg.getTypeUrl() + "Response"));
      }
    }
    ObjectNode response =
        failure != null
            ? failure
            : txResponse(
                7,
                hash,
                0,
                "",
                HexFormat.of().withUpperCase().formatHex(data.build().toByteArray()),
                "");
    response.set("tx", txJson(body, authInfo));
    response.put("gas_wanted", Long.toString(authInfo.getFee().getGasLimit()));
    response.put("gas_used", "54321");
    response.put("timestamp", "2026-11-24T00:26:36Z");
    response.set("events", failure != null ? JSON.createArrayNode().add(events.get(0)) : events);
    ObjectNode answer = JSON.createObjectNode();
    answer.set("tx", txJson(body, authInfo).without("@type"));
    answer.set("tx_response", response);
    return answer;
  }

  private DecryptedTxInput open(ByteString wire, CodeHash code) {
    DecryptedTxInput input = TxEnvelope.parse(wire.toByteArray()).open(ioKey).requireCodeHash(code);
    decryptedInputs.add(input.messageText());
    return input;
  }

  /** The tx as the gateway renders it: Any inlined, compute addresses as bech32 (§1). */
  private static ObjectNode txJson(TxBody body, AuthInfo authInfo) throws IOException {
    ObjectNode tx = JSON.createObjectNode();
    tx.put("@type", "/cosmos.tx.v1beta1.Tx");
    ObjectNode bodyJson = (ObjectNode) JSON.readTree(ProtoJson.print(body));
    for (JsonNode msg : bodyJson.path("messages")) {
      for (String field : List.of("sender", "contract")) {
        JsonNode value = msg.get(field);
        if (value != null && value.isTextual() && msg.path("@type").asText().contains("compute")) {
          ((ObjectNode) msg)
              .put(
                  field,
                  new CosmosAddress(Base64.getDecoder().decode(value.asText())).toBech32("secret"));
        }
      }
    }
    tx.set("body", bodyJson);
    tx.set("auth_info", JSON.readTree(ProtoJson.print(authInfo)));
    tx.putArray("signatures").add(Base64.getEncoder().encodeToString(new byte[64]));
    return tx;
  }

  // ---- smart queries ----

  private Answer query(Request r) {
    String contract = last(r.path());
    Integer code = contracts.get(contract);
    if (code == null) {
      return Answer.error(404, 5, "contract " + contract + " not found");
    }
    byte[] wire = Base64.getDecoder().decode(r.param("query"));
    try {
      DecryptedTxInput input = open(ByteString.copyFrom(wire), codes.get(code - 1));
      TxEncryptionKey key = input.txEncryptionKey();
      JsonNode call = JSON.readTree(input.messageText());
      if (call.has("fail")) {
        return Answer.error(
            500,
            2,
            "encrypted: "
                + key.encryptError("{\"generic_err\":{\"msg\":\"boom\"}}")
                + ": query contract failed");
      }
      byte[] answer = ("{\"count\":" + counts.get(contract) + "}").getBytes(StandardCharsets.UTF_8);
      return Answer.ok(
          "{\"data\":\"" + Base64.getEncoder().encodeToString(key.encryptData(answer)) + "\"}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- JSON helpers in the gateway's shape ----

  static ObjectNode txResponse(
      long height, String hash, int code, String codespace, String data, String log) {
    ObjectNode r = JSON.createObjectNode();
    r.put("height", Long.toString(height));
    r.put("txhash", hash);
    r.put("codespace", codespace);
    r.put("code", code);
    r.put("data", data);
    r.put("raw_log", log);
    r.putArray("logs");
    r.put("info", "");
    r.put("gas_wanted", "0");
    r.put("gas_used", "0");
    r.putNull("tx");
    r.put("timestamp", "");
    r.putArray("events");
    return r;
  }

  private static ObjectNode event(String type, String key, String value, Integer msgIndex) {
    ObjectNode e = JSON.createObjectNode();
    e.put("type", type);
    e.putArray("attributes");
    attribute(e, key, value);
    if (msgIndex != null) {
      attribute(e, "msg_index", msgIndex.toString());
    }
    return e;
  }

  private static void attribute(ObjectNode event, String key, String value) {
    ((ArrayNode) event.get("attributes"))
        .addObject()
        .put("key", key)
        .put("value", value)
        .put("index", true);
  }

  private static byte[] inflate(byte[] wasm) throws IOException {
    if (wasm.length > 2 && (wasm[0] & 0xff) == 0x1f && (wasm[1] & 0xff) == 0x8b) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(wasm))) {
        return in.readAllBytes();
      }
    }
    return wasm;
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] filled(int value) {
    byte[] b = new byte[32];
    java.util.Arrays.fill(b, (byte) value);
    return b;
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Every committed tx by hash (for getTx by other clients). */
  Map<String, JsonNode> committed() {
    return new HashMap<>(committed);
  }

  List<String> lines() {
    return new ArrayList<>(lcd.lines());
  }

  @Override
  public void close() {
    lcd.close();
  }
}
