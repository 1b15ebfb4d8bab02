package io.arcanum.chain.compute;

import static io.arcanum.chain.compute.ComputeTestChain.A;
import static io.arcanum.chain.compute.ComputeTestChain.ALICE_B32;
import static io.arcanum.chain.compute.ComputeTestChain.B;
import static io.arcanum.chain.compute.ComputeTestChain.BOB_B32;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contracts' {@code query_chain} (cosmwasm-abi.md §4.5) answered by the chain: the helper contract
 * asks the QueryRequest it is sent and returns the SystemResult in its data.
 */
class ChainQueriesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  ComputeTestChain chain;
  byte[] counterHash;
  byte[] helperHash;
  byte[] counter;
  byte[] helper;

  @BeforeEach
  void start() throws Exception {
    chain = new ComputeTestChain();
    byte[] counterWasm = ComputeTestChain.contractWasm("counter");
    byte[] helperWasm = ComputeTestChain.testWasm("helper");
    counterHash = CodeHash.of(counterWasm).bytes();
    helperHash = CodeHash.of(helperWasm).bytes();
    chain.storeOk(counterWasm);
    chain.storeOk(helperWasm);
    counter = instantiate(1, "counter", counterHash, "{\"count\":3}");
    helper = instantiate(2, "helper", helperHash, "{}");
    chain.nextBlock();
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  byte[] instantiate(long code, String label, byte[] hash, String init) throws Exception {
    return Addresses.parse(
        chain
            .instantiate(A, code, label, chain.encrypt(hash, init), List.of(), "")
            .response(MsgInstantiateContractResponse.class)
            .getAddress(),
        label);
  }

  /** The SystemResult the chain gave the helper for {@code request}. */
  JsonNode ask(String request) throws Exception {
    byte[] wire = chain.encrypt(helperHash, request);
    ComputeTestChain.Result result = chain.execute(B, helper, wire);
    assertThat(result.ok()).as(() -> result.error().getMessage()).isTrue();
    return JSON.readTree(
        chain.decryptData(wire, result.response(MsgExecuteContractResponse.class).getData()));
  }

  static JsonNode okAnswer(JsonNode systemResult) throws Exception {
    return JSON.readTree(Base64.getDecoder().decode(systemResult.get("Ok").get("Ok").asText()));
  }

  static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void bankQueriesReadBalancesFromTheCallsState() throws Exception {
    JsonNode balance =
        okAnswer(
            ask("{\"bank\":{\"balance\":{\"address\":\"" + BOB_B32 + "\",\"denom\":\"uscrt\"}}}"));
    assertThat(balance.toString())
        .isEqualTo("{\"amount\":{\"denom\":\"uscrt\",\"amount\":\"1000000\"}}");
    JsonNode all =
        okAnswer(ask("{\"bank\":{\"all_balances\":{\"address\":\"" + ALICE_B32 + "\"}}}"));
    assertThat(all.toString())
        .isEqualTo("{\"amount\":[{\"denom\":\"uscrt\",\"amount\":\"1000000\"}]}");
  }

  @Test
  void aSmartQueryRunsNestedInTheEnclaveAndItsAnswerIsOpenedForTheCaller() throws Exception {
    String query =
        "{\"wasm\":{\"smart\":{\"contract_addr\":\""
            + Addresses.bech32(counter)
            + "\",\"code_hash\":\""
            + new CodeHash(counterHash).hex()
            + "\",\"msg\":\""
            + b64("{\"get_count\":{}}")
            + "\"}}}";
    assertThat(okAnswer(ask(query)).toString()).isEqualTo("{\"count\":3}");

    JsonNode failed = ask(query.replace(b64("{\"get_count\":{}}"), b64("{\"nope\":{}}")));
    assertThat(failed.get("Ok").get("Err").asText()).contains("unknown variant");

    byte[] nobody = Addresses.contract(5, 5, helper);
    JsonNode missing = ask(query.replace(Addresses.bech32(counter), Addresses.bech32(nobody)));
    assertThat(missing.toString())
        .isEqualTo(
            "{\"Err\":{\"no_such_contract\":{\"addr\":\"" + Addresses.bech32(nobody) + "\"}}}");
  }

  @Test
  void contractInfoAndUnsupportedQueries() throws Exception {
    JsonNode info =
        okAnswer(
            ask(
                "{\"wasm\":{\"contract_info\":{\"contract_addr\":\""
                    + Addresses.bech32(counter)
                    + "\"}}}"));
    assertThat(info.get("code_id").asLong()).isEqualTo(1);
    assertThat(info.get("creator").asText()).isEqualTo(ALICE_B32);
    assertThat(info.get("admin").isNull()).isTrue();

    assertThat(ask("{\"staking\":{\"bonded_denom\":{}}}").toString())
        .isEqualTo("{\"Err\":{\"unsupported_request\":{\"kind\":\"staking.bonded_denom\"}}}");
    assertThat(
            ask("{\"bank\":{\"balance\":{\"address\":\"nope\",\"denom\":\"uscrt\"}}}")
                .get("Err")
                .has("invalid_request"))
        .isTrue();
  }
}
