package io.arcanum.node.rest;

import static io.arcanum.node.rest.TxRoutesTest.b64;
import static io.arcanum.node.rest.TxRoutesTest.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.crypto.tx.TxEncryptor;
import io.arcanum.node.SignedTxs;
import io.arcanum.node.TestNode;
import io.arcanum.node.consensus.BlockLimits;
import io.arcanum.node.genesis.GenesisFile;
import io.arcanum.node.home.NodeHome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret's compute and registration queries over HTTP on the real node with the counter contract
 * (secretjs-api.md §3 E3, E4, E5, E8 and the optional compute routes): code hashes, contract info
 * and labels, the encrypted smart query, and a contract's query error in the words secret.js's
 * regex finds and decrypts (§6.1).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComputeRoutesTest {
  /** secret.js's first query-error regex, verbatim (secretjs-api.md §6.1). */
  static final Pattern QUERY_ERROR =
      Pattern.compile(
          "encrypted: (.+?): (?:instantiate|execute|query|reply to|migrate) contract failed");

  static final String FIRST_CONTRACT = "secret1mfk7n6mc2cg6lznujmeckdh4x0a5ezf6hx6y8q";
  static final String SECOND_LABEL = "second counter/with space";

  NodeHome home;
  TestNode node;
  RestHttp http;
  TxEncryptor client;
  byte[] wasm;
  String codeHash;
  String second;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    home = TestNode.init(dir, BlockLimits.DEFAULT);
    node = TestNode.serving(home, Duration.ofSeconds(30));
    http = new RestHttp(node.restUrl());
    client = TestNode.encryptor(home);
    wasm = Files.readAllBytes(Path.of("..", "contracts", "counter", "counter.wasm"));
    codeHash = HexFormat.of().formatHex(SignedTxs.sha256(wasm));
    commit(SignedTxs.storeCode(0, 0, wasm));
    commit(SignedTxs.instantiate(0, 1, 1, "counter", client.encrypt(codeHash, "{\"count\":7}")));
    commit(SignedTxs.instantiate(0, 2, 1, SECOND_LABEL, client.encrypt(codeHash, "{\"count\":1}")));
    second =
        http.get("/compute/v1beta1/contract_address/" + encode(SECOND_LABEL))
            .json()
            .get("contract_address")
            .asText();
  }

  @AfterAll
  void stop() {
    node.close();
  }

  @Test
  void codeHashesAreLowerHexOfTheWasmHash() throws Exception {
    String expected = "{\"code_hash\":\"" + codeHash + "\"}";
    assertThat(http.get("/compute/v1beta1/code_hash/by_code_id/1").json())
        .isEqualTo(RestHttp.JSON.readTree(expected));
    assertThat(http.get("/compute/v1beta1/code_hash/by_contract_address/" + FIRST_CONTRACT).json())
        .isEqualTo(RestHttp.JSON.readTree(expected));
  }

  @Test
  void contractInfoAndItsListsHaveTheGatewayShapes() throws Exception {
    JsonNode info = http.get("/compute/v1beta1/info/" + FIRST_CONTRACT).json();
    assertThat(info.get("contract_address").asText()).isEqualTo(FIRST_CONTRACT);
    JsonNode contract = info.get("contract_info");
    assertThat(TxRoutesTest.fieldNames(contract))
        .containsExactlyInAnyOrder(
            "code_id",
            "creator",
            "label",
            "created",
            "ibc_port_id",
            "admin",
            "admin_proof",
            "require_governance");
    assertThat(contract.get("code_id").asText()).isEqualTo("1");
    assertThat(contract.get("creator").asText()).isEqualTo(b64(SignedTxs.address(0)));
    assertThat(contract.get("label").asText()).isEqualTo("counter");
    assertThat(contract.at("/created/block_height").isTextual()).isTrue();
    assertThat(contract.get("admin_proof").isNull()).isTrue();

    JsonNode codes = http.get("/compute/v1beta1/codes").json();
    assertThat(codes.get("code_infos")).hasSize(1);
    assertThat(codes.at("/code_infos/0"))
        .isEqualTo(
            RestHttp.JSON.readTree(
                """
                {"code_id":"1","creator":"%s","code_hash":"%s","source":"","builder":""}
                """
                    .formatted(SignedTxs.bech32(0), codeHash)));
    JsonNode code = http.get("/compute/v1beta1/code/1").json();
    assertThat(code.get("code_info")).isEqualTo(codes.at("/code_infos/0"));
    assertThat(Base64.getDecoder().decode(code.get("wasm").asText())).isEqualTo(wasm);
    JsonNode byCode = http.get("/compute/v1beta1/contracts/1").json();
    assertThat(byCode.get("contract_infos")).hasSize(2);
    assertThat(byCode.at("/contract_infos/0/contract_info/code_id").asText()).isEqualTo("1");
  }

  @Test
  void labelsAndAddressesFindEachOtherWithPercentEncodedPaths() throws Exception {
    assertThat(http.get("/compute/v1beta1/label/" + second).json().get("label").asText())
        .isEqualTo(SECOND_LABEL);
    assertThat(http.get("/compute/v1beta1/contract_address/counter").json())
        .isEqualTo(RestHttp.JSON.readTree("{\"contract_address\":\"" + FIRST_CONTRACT + "\"}"));
    assertThat(error(http.get("/compute/v1beta1/contract_address/nobody")))
        .startsWith("404 5 label \"nobody\"");
  }

  @Test
  void historyAndParamsAnswer() throws Exception {
    JsonNode history = http.get("/compute/v1beta1/contract_history/" + FIRST_CONTRACT).json();
    assertThat(history.at("/entries/0/operation").asText())
        .isEqualTo("CONTRACT_CODE_HISTORY_OPERATION_TYPE_INIT");
    assertThat(history.at("/entries/0/code_id").asText()).isEqualTo("1");
    JsonNode params = http.get("/compute/v1beta1/params").json().get("params");
    assertThat(params.get("max_contract_size").isTextual()).isTrue();
    assertThat(
            http.get("/compute/v1beta1/authorized_migration/" + FIRST_CONTRACT).json().toString())
        .isEqualTo("{\"new_code_id\":\"0\"}");
  }

  @Test
  void aSmartQueryAnswersDataTheClientDecrypts() throws Exception {
    byte[] query = client.encrypt(codeHash, "{\"get_count\":{}}");

    RestHttp.Reply reply =
        http.get("/compute/v1beta1/query/" + FIRST_CONTRACT + "?query=" + encode(b64(query)));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(TxRoutesTest.fieldNames(reply.json())).containsExactly("data");
    byte[] plain =
        client.decrypt(
            Base64.getDecoder().decode(reply.json().get("data").asText()),
            Arrays.copyOf(query, 32));
    String answer = new String(Base64.getDecoder().decode(plain), StandardCharsets.UTF_8);
    assertThat(answer).isEqualTo("{\"count\":7}");
  }

  @Test
  void aContractsQueryErrorIs500InTheWordsSecretJsDecrypts() throws Exception {
    byte[] query = client.encrypt(codeHash, "{\"nope\":{}}");

    RestHttp.Reply reply =
        http.get("/compute/v1beta1/query/" + FIRST_CONTRACT + "?query=" + encode(b64(query)));

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.json().get("code").asInt()).isEqualTo(2);
    Matcher m = QUERY_ERROR.matcher(reply.json().get("message").asText());
    assertThat(m.find()).as(reply.text()).isTrue();
    String error =
        new String(
            client.decrypt(Base64.getDecoder().decode(m.group(1)), Arrays.copyOf(query, 32)),
            StandardCharsets.UTF_8);
    assertThat(error).contains("unknown variant `nope`");
  }

  @Test
  void unknownContractsAndCodesAre404AndMalformedInputIs400() throws Exception {
    String unknown = "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03"; // account a, not a contract
    assertThat(error(http.get("/compute/v1beta1/info/" + unknown)))
        .isEqualTo("404 5 contract " + unknown + ": not found");
    assertThat(error(http.get("/compute/v1beta1/code_hash/by_code_id/99")))
        .isEqualTo("404 5 code 99: not found");
    assertThat(error(http.get("/compute/v1beta1/code_hash/by_code_id/abc")))
        .isEqualTo("400 3 invalid code_id \"abc\": expected an unsigned 64-bit integer");
    assertThat(error(http.get("/compute/v1beta1/code_hash/by_code_id/-1")))
        .isEqualTo("400 3 invalid code_id \"-1\": expected an unsigned 64-bit integer");
    assertThat(error(http.get("/compute/v1beta1/query/" + FIRST_CONTRACT + "?query=%21%21")))
        .isEqualTo("400 3 invalid query \"!!\": expected base64");
    assertThat(error(http.get("/compute/v1beta1/info/secret1bad")).substring(0, 6))
        .isEqualTo("400 3 ");
  }

  @Test
  void theTxKeyIsTheIoKeyGenesisPublished() throws Exception {
    byte[] io =
        GenesisFile.registration(GenesisFile.read(home.genesisFile()), home.genesisFile())
            .masterKeys()
            .ioExchangeKey();

    assertThat(http.get("/registration/v1beta1/tx-key?").json())
        .isEqualTo(RestHttp.JSON.readTree("{\"key\":\"" + b64(io) + "\"}"));
    String registrationKey =
        new String(
            Base64.getDecoder()
                .decode(
                    http.get("/registration/v1beta1/registration-key").json().get("key").asText()),
            StandardCharsets.UTF_8);
    assertThat(registrationKey).contains("\"io_exch_key\":{\"bytes\":\"" + b64(io) + "\"}");
    assertThat(error(http.get("/registration/v1beta1/encrypted-seed/" + encode(b64(new byte[32])))))
        .isEqualTo(
            "500 2 node 0x" + "00".repeat(32) + " has not been authenticated yet: unknown address");
    assertThat(error(http.get("/registration/v1beta1/encrypted-seed/%21%21")))
        .isEqualTo("400 3 invalid pub_key \"!!\": expected base64");
  }

  private void commit(byte[] tx) throws Exception {
    RestHttp.Reply reply =
        http.post("/cosmos/tx/v1beta1/txs", TxRoutesTest.body(tx, "BROADCAST_MODE_SYNC"));
    assertThat(reply.json().at("/tx_response/code").asInt()).as(reply.text()).isZero();
    node.block();
    JsonNode result = http.get("/cosmos/tx/v1beta1/txs/" + TxRoutesTest.hash(tx)).json();
    assertThat(result.at("/tx_response/code").asInt()).as(result.toString()).isZero();
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
