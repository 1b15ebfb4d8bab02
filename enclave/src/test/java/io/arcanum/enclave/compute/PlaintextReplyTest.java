package io.arcanum.enclave.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.ContractResult.Outcome;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.ReplyCall;
import io.arcanum.enclave.compute.TestChain.Contract;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plaintext replies (Secret's {@code is_encrypted: false}, protocol.md §10.3): a sub-message no
 * enclave can sign for — a bank message, a wasm sub-call that ran out of gas — still gets its
 * reply, on the strength of the permit the caller's enclave attached; a success the callee's
 * enclave would have signed, or a permit made for another contract, is refused.
 */
class PlaintextReplyTest extends ComputeTestBase {
  Contract echoContract;
  Contract otherEcho;
  Contract counterContract;

  @BeforeEach
  void instantiate() throws Exception {
    echoContract = instantiate(echo, "{}");
    otherEcho = instantiate(echo, "{}");
    counterContract = instantiate(counter, "{\"count\":1}");
  }

  Contract instantiate(byte[] code, String init) throws Exception {
    byte[] wire = encrypt(code, init);
    ContractResult made =
        chain.instantiate(code, ALICE, wire, TestSigner.instantiate(ALICE, wire), List.of(), "");
    assertThat(made.outcome()).as(made.error()).isEqualTo(Outcome.OK);
    return chain.lastInstantiated;
  }

  /** The echo contract sends {@code subMsg}; returns it as the chain receives it. */
  JsonNode send(String subMsg) throws Exception {
    ContractResult sent = execute(echoContract, ALICE, response(subMsg));
    assertThat(sent.outcome()).as(sent.error()).isEqualTo(Outcome.OK);
    return TestChain.JSON.readTree(sent.output()).get("messages").get(0);
  }

  static String response(String subMsg) {
    return "{\"messages\":[" + subMsg + "],\"attributes\":[],\"events\":[],\"data\":null}";
  }

  String bankSend(String replyOn) {
    return "{\"id\":3,\"msg\":{\"bank\":{\"send\":{\"to_address\":\""
        + BOB_B32
        + "\",\"amount\":[{\"denom\":\"uscrt\",\"amount\":\"5\"}]}}},\"gas_limit\":null,"
        + "\"reply_on\":\""
        + replyOn
        + "\"}";
  }

  String wasmCall() {
    return "{\"id\":7,\"msg\":{\"wasm\":{\"execute\":{\"contract_addr\":\""
        + chain.humanOf(counterContract)
        + "\",\"code_hash\":\""
        + new CodeHash(counter).hex()
        + "\",\"msg\":\""
        + Base64.getEncoder().encodeToString("{\"increment\":{}}".getBytes(StandardCharsets.UTF_8))
        + "\",\"send\":[]}}},\"gas_limit\":30000,\"reply_on\":\"error\"}";
  }

  static String plaintextReply(JsonNode subMsg, String result, boolean encrypted) {
    return "{\"id\":\""
        + subMsg.get("reply_permit").asText()
        + "\",\"result\":"
        + result
        + ",\"was_orig_msg_encrypted\":"
        + encrypted
        + ",\"is_encrypted\":false}";
  }

  ContractResult deliver(Contract to, String reply) throws Exception {
    return chain.enclave.reply(
        new ReplyCall(
            to.codeHash(),
            chain.block(),
            null,
            to.address(),
            to.key(),
            reply.getBytes(StandardCharsets.UTF_8),
            new byte[0],
            10_000_000_000L));
  }

  /** What the echo contract stored under {@code key} ("reply" or "exec", quotes included). */
  String stored(Contract contract, String key) throws Exception {
    byte[] query = encrypt(contract.codeHash(), key);
    ContractResult answer = chain.query(contract, query);
    assertThat(answer.outcome()).as(answer.error()).isEqualTo(Outcome.OK);
    return new String(
        client.txEncryptionKey(nonceOf(query)).decryptData(answer.output()),
        StandardCharsets.UTF_8);
  }

  @Test
  void aBankSubMessagesSuccessReachesTheCallerAsAPlaintextReply() throws Exception {
    JsonNode subMsg = send(bankSend("success"));
    // A bank message stays plaintext and keeps its id, as on Secret; it carries a permit.
    assertThat(subMsg.get("id").asLong()).isEqualTo(3);
    assertThat(subMsg.get("was_msg_encrypted").asBoolean()).isTrue();
    assertThat(subMsg.get("msg").get("bank")).isNotNull();
    assertThat(subMsg.get("reply_permit").isTextual()).isTrue();

    ContractResult replied =
        deliver(
            echoContract, plaintextReply(subMsg, "{\"ok\":{\"events\":[],\"data\":null}}", true));
    assertThat(replied.outcome()).as(replied.error()).isEqualTo(Outcome.OK);
    assertThat(replied.encrypted()).isTrue(); // the sender's input was encrypted
    assertThat(stored(echoContract, "\"reply\""))
        .isEqualTo("{\"id\":3,\"result\":{\"ok\":{\"events\":[],\"data\":null}}}");
  }

  @Test
  void aWasmSubCallThatFailedWithoutAContractErrorGetsAPlaintextErrorReply() throws Exception {
    JsonNode subMsg = send(wasmCall());
    assertThat(subMsg.get("id").asLong()).isZero(); // the real id travels sealed
    ContractResult replied =
        deliver(
            echoContract,
            plaintextReply(subMsg, "{\"error\":\"SubMsg hit gas limit: out of gas\"}", true));
    assertThat(replied.outcome()).as(replied.error()).isEqualTo(Outcome.OK);
    assertThat(stored(echoContract, "\"reply\""))
        .isEqualTo("{\"id\":7,\"result\":{\"error\":\"SubMsg hit gas limit: out of gas\"}}");
  }

  @Test
  void aPlaintextCallersPermitCarriesNoKeyAndItsReplyStaysPlaintext() throws Exception {
    byte[] plain =
        (new CodeHash(echo).hex() + response(bankSend("always"))).getBytes(StandardCharsets.UTF_8);
    ContractResult sent =
        chain.execute(
            echoContract,
            ALICE,
            plain,
            TestSigner.execute(ALICE, echoContract.address(), plain),
            List.of());
    assertThat(sent.outcome()).as(sent.error()).isEqualTo(Outcome.OK);
    JsonNode subMsg = TestChain.JSON.readTree(sent.output()).get("messages").get(0);
    assertThat(subMsg.get("was_msg_encrypted").asBoolean()).isFalse();
    assertThatThrownBy(
            () -> deliver(echoContract, plaintextReply(subMsg, "{\"error\":\"x\"}", true)))
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT));
    ContractResult replied =
        deliver(echoContract, plaintextReply(subMsg, "{\"error\":\"insufficient funds\"}", false));
    assertThat(replied.outcome()).as(replied.error()).isEqualTo(Outcome.OK);
    assertThat(replied.encrypted()).isFalse();
    assertThat(stored(echoContract, "\"reply\""))
        .isEqualTo("{\"id\":3,\"result\":{\"error\":\"insufficient funds\"}}");
  }

  @Test
  void forgedPlaintextRepliesAreRefusedAndChangeNothing() throws Exception {
    JsonNode wasm = send(wasmCall());
    JsonNode bank = send(bankSend("always"));
    Map<String, byte[]> before = chain.stateSnapshot();
    String ok = "{\"ok\":{\"events\":[],\"data\":null}}";

    // A wasm sub-call's success is the callee enclave's to sign.
    assertRefused(
        deliverable(echoContract, plaintextReply(wasm, ok, true)),
        Reason.UNAUTHORIZED,
        "signed reply");
    // A permit is good only for the contract it was issued to (same code, other address).
    assertRefused(
        deliverable(otherEcho, plaintextReply(bank, ok, true)), Reason.UNAUTHORIZED, "permit");
    // Claiming the reply is encrypted needs a signature; ids that are no permit are refused.
    assertRefused(
        deliverable(
            echoContract,
            plaintextReply(bank, ok, true)
                .replace("\"is_encrypted\":false", "\"is_encrypted\":true")),
        Reason.UNAUTHORIZED,
        "signature");
    for (String id : List.of("Mw==", "", "not base64!")) {
      ObjectNode forged = (ObjectNode) TestChain.JSON.readTree(plaintextReply(bank, ok, true));
      forged.put("id", id);
      assertRefused(deliverable(echoContract, forged.toString()), Reason.INVALID_INPUT, "permit");
    }
    // Not quite the Reply: a field more, events the node made up, data that is not base64.
    assertRefused(
        deliverable(
            echoContract, plaintextReply(bank, ok, true).replace("}}", "},\"events\":[]}}")),
        Reason.INVALID_INPUT,
        "");
    assertRefused(
        deliverable(
            echoContract,
            plaintextReply(bank, "{\"ok\":{\"events\":[{\"type\":\"x\"}],\"data\":null}}", true)),
        Reason.INVALID_INPUT,
        "");
    assertRefused(
        deliverable(
            echoContract, plaintextReply(bank, "{\"ok\":{\"events\":[],\"data\":\"*\"}}", true)),
        Reason.INVALID_INPUT,
        "");
    // Every flipped bit of a permit is refused.
    byte[] permit = Base64.getDecoder().decode(bank.get("reply_permit").asText());
    Random random = new Random(0x9e91L);
    for (int i = 0; i < 24; i++) {
      byte[] flipped = permit.clone();
      int bit = random.nextInt(flipped.length * 8);
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      ObjectNode forged = (ObjectNode) TestChain.JSON.readTree(plaintextReply(bank, ok, true));
      forged.put("id", Base64.getEncoder().encodeToString(flipped));
      assertThatThrownBy(() -> deliver(echoContract, forged.toString()))
          .isInstanceOf(EnclaveException.class);
    }
    assertThat(chain.stateSnapshot()).usingRecursiveComparison().isEqualTo(before);
    // The genuine ones still go through.
    assertThat(deliver(echoContract, plaintextReply(bank, ok, true)).outcome())
        .isEqualTo(Outcome.OK);
    assertThat(deliver(echoContract, plaintextReply(wasm, "{\"error\":\"trap\"}", true)).outcome())
        .isEqualTo(Outcome.OK);
  }

  interface Delivery {
    ContractResult run() throws Exception;
  }

  Delivery deliverable(Contract to, String reply) {
    return () -> deliver(to, reply);
  }

  static void assertRefused(Delivery delivery, Reason reason, String detail) {
    assertThatThrownBy(delivery::run)
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(detail);
  }
}
