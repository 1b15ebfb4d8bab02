package io.arcanum.enclave.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.enclave.api.Coin;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.ContractResult.Outcome;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.ReplyCall;
import io.arcanum.enclave.api.SigInfo;
import io.arcanum.enclave.compute.TestChain.Contract;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract-to-contract calls (protocol.md §7 sub-messages, §10.2 callback signatures, §10.3
 * replies): the caller contract sends an encrypted sub-message to the counter, the chain dispatches
 * it with the callback signature, and the counter's result comes back as a signed reply.
 */
class SubMessageTest extends ComputeTestBase {
  Contract counterContract;
  Contract callerContract;
  byte[] wire;
  ContractResult callerResult;
  ObjectRef callback;

  /** The wasm execute the caller's response carries, as the chain sees it. */
  record ObjectRef(byte[] msg, byte[] signature, JsonNode subMsg) {}

  @BeforeEach
  void instantiateBoth() throws Exception {
    byte[] init = encrypt(counter, "{\"count\":1}");
    chain.instantiate(counter, ALICE, init, TestSigner.instantiate(ALICE, init), List.of(), "");
    counterContract = chain.lastInstantiated;
    byte[] callerInit = encrypt(caller, "{}");
    chain.instantiate(
        caller, ALICE, callerInit, TestSigner.instantiate(ALICE, callerInit), List.of(), "");
    callerContract = chain.lastInstantiated;
  }

  ContractResult call(String innerJson, String replyOn) throws Exception {
    String msg =
        "{\"call\":{\"contract_addr\":\""
            + chain.humanOf(counterContract)
            + "\",\"code_hash\":\""
            + new CodeHash(counter).hex()
            + "\",\"msg\":\""
            + Base64.getEncoder().encodeToString(innerJson.getBytes(StandardCharsets.UTF_8))
            + "\",\"id\":7,\"reply_on\":\""
            + replyOn
            + "\"}}";
    wire = encrypt(caller, msg);
    chain.nextBlock();
    callerResult =
        chain.execute(
            callerContract,
            ALICE,
            wire,
            TestSigner.execute(ALICE, callerContract.address(), wire),
            List.of());
    assertThat(callerResult.outcome()).as(callerResult.error()).isEqualTo(Outcome.OK);
    JsonNode subMsg = TestChain.JSON.readTree(callerResult.output()).get("messages").get(0);
    JsonNode execute = subMsg.get("msg").get("wasm").get("execute");
    callback =
        new ObjectRef(
            Base64.getDecoder().decode(execute.get("msg").asText()),
            Base64.getDecoder().decode(execute.get("callback_sig").asText()),
            subMsg);
    return callerResult;
  }

  ContractResult dispatch(byte[] msg, byte[] signature, List<Coin> funds) throws Exception {
    return chain.execute(
        counterContract, callerContract.address(), msg, SigInfo.callback(signature), funds);
  }

  ContractResult deliverReply(Contract to, ContractResult callee) throws Exception {
    byte[] reply = concat(Arrays.copyOf(wire, 64), callee.reply());
    return chain.enclave.reply(
        new ReplyCall(
            to.codeHash(),
            chain.block(),
            null,
            to.address(),
            to.key(),
            reply,
            callee.replySignature(),
            10_000_000_000L));
  }

  static byte[] concat(byte[] a, byte[] b) {
    return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
  }

  @Test
  void theSubMessageIsSealedForTheCalleeWithTheSendersKeyAndARealIdInside() throws Exception {
    call("{\"increment\":{}}", "always");
    assertThat(callback.subMsg().get("id").asLong()).isZero();
    assertThat(callback.subMsg().get("was_msg_encrypted").asBoolean()).isTrue();
    assertThat(Arrays.copyOf(callback.msg(), 64)).isEqualTo(Arrays.copyOf(wire, 64));
    // The sender's own client can open it: callee code hash, reply header, the inner message.
    byte[] plain =
        client.decrypt(
            Arrays.copyOfRange(callback.msg(), 64, callback.msg().length), nonceOf(wire));
    byte[] header =
        ByteBuffer.allocate(79)
            .put("REPLY01".getBytes(StandardCharsets.US_ASCII))
            .putLong(7)
            .put(new CodeHash(caller).hex().getBytes(StandardCharsets.US_ASCII))
            .array();
    assertThat(new String(plain, StandardCharsets.ISO_8859_1))
        .isEqualTo(
            new CodeHash(counter).hex()
                + new String(header, StandardCharsets.ISO_8859_1)
                + "{\"increment\":{}}");
  }

  @Test
  void theCalleeRunsOnTheCallbackSignatureAndTheSignedReplyReachesTheCaller() throws Exception {
    call("{\"increment\":{}}", "always");
    ContractResult callee = dispatch(callback.msg(), callback.signature(), List.of());
    assertThat(callee.outcome()).as(callee.error()).isEqualTo(Outcome.OK);
    assertThat(callee.reply()).isNotNull();
    ContractResult replied = deliverReply(callerContract, callee);
    assertThat(replied.outcome()).as(replied.error()).isEqualTo(Outcome.OK);

    byte[] query = encrypt(caller, "{\"last_reply\":{}}");
    String record =
        new String(
            client
                .txEncryptionKey(nonceOf(query))
                .decryptData(chain.query(callerContract, query).output()),
            StandardCharsets.UTF_8);
    assertThat(TestChain.JSON.readTree(record).get("id").asLong()).isEqualTo(7);
    assertThat(TestChain.JSON.readTree(record).get("status").asText()).isEqualTo("ok");

    byte[] count = encrypt(counter, "{\"get_count\":{}}");
    assertThat(
            new String(
                client
                    .txEncryptionKey(nonceOf(count))
                    .decryptData(chain.query(counterContract, count).output()),
                StandardCharsets.UTF_8))
        .isEqualTo("{\"count\":2}");
  }

  @Test
  void aCalleeErrorComesBackAsAnErrorReplyTheCallerCanRead() throws Exception {
    call("{\"reset\":{\"count\":3}}", "always"); // the caller contract is not the counter's owner
    ContractResult callee = dispatch(callback.msg(), callback.signature(), List.of());
    assertThat(callee.outcome()).isEqualTo(Outcome.CONTRACT_ERROR);
    assertThat(deliverReply(callerContract, callee).outcome()).isEqualTo(Outcome.OK);
    byte[] query = encrypt(caller, "{\"last_reply\":{}}");
    JsonNode record =
        TestChain.JSON.readTree(
            client
                .txEncryptionKey(nonceOf(query))
                .decryptData(chain.query(callerContract, query).output()));
    assertThat(record.get("status").asText()).isEqualTo("error");
    assertThat(record.get("error").asText()).contains("unauthorized");
  }

  @Test
  void aReplayedCallbackSignatureIsRefusedAndChangesNothing() throws Exception {
    call("{\"increment\":{}}", "never");
    Map<String, byte[]> before = chain.stateSnapshot();
    assertThatThrownBy(
            () -> dispatch(callback.msg(), callback.signature(), List.of(new Coin("uscrt", "1"))))
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED))
        .hasMessageContaining("callback signature");
    byte[] otherCall = encrypt(counter, "{\"reset\":{\"count\":0}}");
    assertThatThrownBy(() -> dispatch(otherCall, callback.signature(), List.of()))
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED));
    byte[] flipped = callback.msg().clone();
    flipped[flipped.length - 1] ^= 1;
    assertThatThrownBy(() -> dispatch(flipped, callback.signature(), List.of()))
        .isInstanceOf(EnclaveException.class);
    assertThat(chain.stateSnapshot()).usingRecursiveComparison().isEqualTo(before);
    assertThat(dispatch(callback.msg(), callback.signature(), List.of()).outcome())
        .isEqualTo(Outcome.OK);
  }

  @Test
  void aForgedOrMisdirectedReplyIsRefusedAndChangesNothing() throws Exception {
    call("{\"increment\":{}}", "always");
    ContractResult callee = dispatch(callback.msg(), callback.signature(), List.of());
    Map<String, byte[]> before = chain.stateSnapshot();
    byte[] forgedJson =
        new String(callee.reply(), StandardCharsets.UTF_8)
            .replace("\"data\":null", "\"data\":\"AAAA\"")
            .getBytes(StandardCharsets.UTF_8);
    ContractResult forged =
        new ContractResult(
            Outcome.OK, null, null, 0, null, forgedJson, callee.replySignature(), true);
    assertThatThrownBy(() -> deliverReply(callerContract, forged))
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED))
        .hasMessageContaining("signature");
    // A genuine reply delivered to another contract: its id was sealed for the caller's code.
    assertThatThrownBy(() -> deliverReply(counterContract, callee))
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED))
        .hasMessageContaining("another contract's code");
    assertThat(chain.stateSnapshot()).usingRecursiveComparison().isEqualTo(before);
  }
}
