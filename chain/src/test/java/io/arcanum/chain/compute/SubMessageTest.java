package io.arcanum.chain.compute;

import static io.arcanum.chain.compute.ComputeTestChain.A;
import static io.arcanum.chain.compute.ComputeTestChain.B;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.bank.Coin;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract-to-contract calls through the chain (cosmwasm-abi.md §4.4, protocol.md §10.2–10.3): the
 * caller contract sends the counter (or the token) a sub-message; the chain dispatches it with its
 * callback signature in its own branch and hands the signed result back as a reply.
 */
class SubMessageTest {
  static final ObjectMapper JSON = new ObjectMapper();
  ComputeTestChain chain;
  byte[] counterHash;
  byte[] callerHash;
  byte[] tokenHash;
  byte[] counter;
  byte[] caller;

  @BeforeEach
  void start() throws Exception {
    chain = new ComputeTestChain();
    byte[] counterWasm = ComputeTestChain.contractWasm("counter");
    byte[] callerWasm = ComputeTestChain.contractWasm("caller");
    byte[] tokenWasm = ComputeTestChain.contractWasm("token");
    counterHash = CodeHash.of(counterWasm).bytes();
    callerHash = CodeHash.of(callerWasm).bytes();
    tokenHash = CodeHash.of(tokenWasm).bytes();
    chain.storeOk(counterWasm);
    chain.storeOk(callerWasm);
    chain.storeOk(tokenWasm);
    counter = instantiate(1, "counter", counterHash, "{\"count\":1}", List.of());
    caller =
        instantiate(
            2,
            "caller",
            callerHash,
            "{}",
            List.of(new io.arcanum.enclave.api.Coin("uscrt", "100")));
    chain.nextBlock();
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  byte[] instantiate(
      long code, String label, byte[] hash, String init, List<io.arcanum.enclave.api.Coin> funds)
      throws Exception {
    ComputeTestChain.Result result =
        chain.instantiate(A, code, label, chain.encrypt(hash, init), funds, "");
    return Addresses.parse(
        result.response(MsgInstantiateContractResponse.class).getAddress(), label);
  }

  byte[] wire;

  ComputeTestChain.Result call(
      byte[] target, byte[] targetHash, String inner, String replyOn, String send)
      throws Exception {
    String msg =
        "{\"call\":{\"contract_addr\":\""
            + Addresses.bech32(target)
            + "\",\"code_hash\":\""
            + new CodeHash(targetHash).hex()
            + "\",\"msg\":\""
            + Base64.getEncoder().encodeToString(inner.getBytes(StandardCharsets.UTF_8))
            + "\",\"id\":7,\"reply_on\":\""
            + replyOn
            + "\""
            + (send == null ? "" : ",\"send\":" + send)
            + "}}";
    wire = chain.encrypt(callerHash, msg);
    return chain.execute(B, caller, wire);
  }

  JsonNode lastReply() throws Exception {
    return JSON.readTree(chain.smartQuery(caller, callerHash, "{\"last_reply\":{}}"));
  }

  String count() throws Exception {
    return chain.smartQuery(counter, counterHash, "{\"get_count\":{}}");
  }

  /** The attributes of {@code event}, decrypted with the tx's nonce where they are encrypted. */
  Map<String, String> decrypted(Event event) {
    java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
    for (var a : event.attributes()) {
      if (a.key().equals("contract_address")) {
        out.put(a.key(), a.value());
      } else {
        out.put(chain.decryptAttribute(wire, a.key()), chain.decryptAttribute(wire, a.value()));
      }
    }
    return out;
  }

  @Test
  void aSuccessfulSubCallIsKeptAndItsSignedReplyReachesTheCaller() throws Exception {
    ComputeTestChain.Result result =
        call(counter, counterHash, "{\"increment\":{}}", "always", null);
    assertThat(result.ok()).as(() -> result.error().getMessage()).isTrue();
    assertThat(count()).isEqualTo("{\"count\":2}");
    JsonNode reply = lastReply();
    assertThat(reply.get("id").asLong()).isEqualTo(7);
    assertThat(reply.get("status").asText()).isEqualTo("ok");

    // The caller's events, the counter's (in the sub-message's branch, message events dropped),
    // then the reply's; every encrypted attribute opens with the user's nonce.
    assertThat(result.events())
        .extracting(Event::type)
        .containsExactly("message", "execute", "wasm", "execute", "wasm", "reply", "wasm");
    String counterB32 = Addresses.bech32(counter);
    assertThat(result.events().get(3))
        .isEqualTo(Event.of("execute", "contract_address", counterB32));
    assertThat(decrypted(result.events().get(4)))
        .containsExactly(
            Map.entry("contract_address", counterB32),
            Map.entry("action", "increment"),
            Map.entry("count", "2"));
    assertThat(decrypted(result.events().get(6)))
        .containsEntry("action", "reply")
        .containsEntry("reply_id", "7")
        .containsEntry("reply_status", "ok");
  }

  @Test
  void aFailedSubCallWithAnErrorReplyRollsBackOnlyItsOwnBranch() throws Exception {
    // The caller is not the counter's owner; it also sends 5uscrt that must come back.
    ComputeTestChain.Result result =
        call(
            counter,
            counterHash,
            "{\"reset\":{\"count\":9}}",
            "error",
            "[{\"denom\":\"uscrt\",\"amount\":\"5\"}]");
    assertThat(result.ok()).as(() -> result.error().getMessage()).isTrue();
    assertThat(count()).isEqualTo("{\"count\":1}");
    assertThat(chain.bank.balance(chain.state, caller, "uscrt")).isEqualTo(Coin.of("uscrt", 100));
    assertThat(chain.bank.balance(chain.state, counter, "uscrt")).isEqualTo(Coin.of("uscrt", 0));
    JsonNode reply = lastReply();
    assertThat(reply.get("status").asText()).isEqualTo("error");
    assertThat(reply.get("error").asText()).contains("unauthorized");
    // The failed branch's events (bank transfer, counter) are gone; the reply's are there.
    assertThat(result.events())
        .extracting(Event::type)
        .containsExactly("message", "execute", "wasm", "reply", "wasm");
  }

  @Test
  void aSuccessfulSubCallWithFundsMovesThem() throws Exception {
    ComputeTestChain.Result result =
        call(
            counter,
            counterHash,
            "{\"increment\":{}}",
            "never",
            "[{\"denom\":\"uscrt\",\"amount\":\"5\"}]");
    assertThat(result.ok()).as(() -> result.error().getMessage()).isTrue();
    assertThat(chain.bank.balance(chain.state, counter, "uscrt")).isEqualTo(Coin.of("uscrt", 5));
    assertThat(chain.bank.balance(chain.state, caller, "uscrt")).isEqualTo(Coin.of("uscrt", 95));
    assertThat(lastReply().isNull()).isTrue(); // reply_on never
    assertThat(result.events())
        .extracting(Event::type)
        .doesNotContain("reply")
        .contains("transfer");
    assertThat(result.events("message")).hasSize(1); // the bank's message event is not passed on
  }

  @Test
  void aFailedSubCallNobodyAskedToHearAboutFailsTheWholeMessage() throws Exception {
    Map<String, String> before = chain.snapshot();
    ComputeTestChain.Result result =
        call(
            counter,
            counterHash,
            "{\"reset\":{\"count\":9}}",
            "success",
            "[{\"denom\":\"uscrt\",\"amount\":\"5\"}]");
    assertThat(result.error().codespace()).isEqualTo("compute");
    assertThat(result.error().code()).isEqualTo(3);
    assertThat(result.error().getMessage())
        .matches("dispatch: submessages: encrypted: [A-Za-z0-9+/=]+: execute contract failed");
    // secret.js's regex skips the dispatch prefix and opens the callee's error with the user's
    // nonce: the sub-message travelled under the user's key.
    assertThat(chain.decryptError(wire, result.log())).contains("unauthorized");
    assertThat(chain.snapshot()).isEqualTo(before);
  }

  @Test
  void aReplysDataReplacesTheCallersData() throws Exception {
    byte[] token =
        instantiate(
            3,
            "token",
            tokenHash,
            "{\"name\":\"Marker\",\"symbol\":\"MRKR\",\"decimals\":6,\"prng_seed\":\"c2VlZA==\"}",
            List.of());
    ComputeTestChain.Result result =
        call(token, tokenHash, "{\"create_viewing_key\":{\"entropy\":\"e\"}}", "success", null);
    assertThat(result.ok()).as(() -> result.error().getMessage()).isTrue();
    String data =
        chain.decryptData(wire, result.response(MsgExecuteContractResponse.class).getData());
    assertThat(data.strip()).startsWith("{\"create_viewing_key\":{\"key\":\"api_key_");
    assertThat(lastReply().get("data").isTextual()).isTrue();
  }

  @Test
  void aSubCallToAnUnknownContractComesBackAsARedactedErrorReply() throws Exception {
    // A sub-call to a contract that does not exist fails before any enclave call, so no enclave
    // signs its outcome: the caller gets a plaintext error reply on its enclave's permit, with the
    // error redacted as Secret redacts it.
    byte[] nobody = Addresses.contract(9, 9, caller);
    ComputeTestChain.Result result = call(nobody, counterHash, "{\"increment\":{}}", "error", null);
    assertThat(result.ok()).as(() -> result.error().getMessage()).isTrue();
    JsonNode reply = lastReply();
    assertThat(reply.get("id").asLong()).isEqualTo(7);
    assertThat(reply.get("status").asText()).isEqualTo("error");
    assertThat(reply.get("error").asText())
        .isEqualTo(
            "the error was redacted (codespace: compute, code: 9). For more info use latest"
                + " localsecret and reproduce the issue");
  }

  @Test
  void anUnknownContractWithoutAnErrorReplyStillFailsTheMessage() throws Exception {
    Map<String, String> before = chain.snapshot();
    byte[] nobody = Addresses.contract(9, 9, caller);
    ComputeTestChain.Result result =
        call(nobody, counterHash, "{\"increment\":{}}", "success", null);
    assertThat(result.error().getMessage())
        .isEqualTo("dispatch: submessages: contract " + Addresses.bech32(nobody) + ": not found");
    assertThat(chain.snapshot()).isEqualTo(before);
  }
}
