package io.arcanum.chain.compute;

import static io.arcanum.chain.compute.ComputeTestChain.A;
import static io.arcanum.chain.compute.ComputeTestChain.B;
import static io.arcanum.chain.compute.ComputeTestChain.BOB;
import static io.arcanum.chain.compute.ComputeTestChain.BOB_B32;
import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.chain.abci.Event;
import io.arcanum.chain.bank.Coin;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replies no enclave signs (Secret's plaintext {@code is_encrypted: false} replies, its {@code
 * msg_dispatcher.go}): a bank sub-message, or a wasm sub-call that ran out of its {@code
 * gas_limit}, still gets the reply the contract asked for. The echo contract ({@code
 * enclave/src/test/wat/echo.wat}) sends whatever sub-message its execute message spells out and
 * stores each reply.
 */
class PlaintextReplyTest {
  ComputeTestChain chain;
  byte[] echoHash;
  byte[] echo;
  byte[] callee;

  @BeforeEach
  void start() throws Exception {
    chain = new ComputeTestChain();
    byte[] wasm = ComputeTestChain.echoWasm();
    echoHash = CodeHash.of(wasm).bytes();
    chain.storeOk(wasm);
    echo = instantiate("echo", List.of(new io.arcanum.enclave.api.Coin("uscrt", "100")));
    callee = instantiate("callee", List.of());
    chain.nextBlock();
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  byte[] instantiate(String label, List<io.arcanum.enclave.api.Coin> funds) throws Exception {
    return Addresses.parse(
        chain
            .instantiate(A, 1, label, chain.encrypt(echoHash, "{}"), funds, "")
            .response(MsgInstantiateContractResponse.class)
            .getAddress(),
        label);
  }

  String execMsg;

  /** The echo contract sends {@code subMsg} in a tx signed by Bob. */
  ComputeTestChain.Result send(String subMsg) throws Exception {
    execMsg = "{\"messages\":[" + subMsg + "],\"attributes\":[],\"events\":[],\"data\":null}";
    return chain.execute(B, echo, chain.encrypt(echoHash, execMsg));
  }

  static String bankSend(String amount, String replyOn) {
    return "{\"id\":3,\"msg\":{\"bank\":{\"send\":{\"to_address\":\""
        + BOB_B32
        + "\",\"amount\":[{\"denom\":\"uscrt\",\"amount\":\""
        + amount
        + "\"}]}}},\"gas_limit\":null,\"reply_on\":\""
        + replyOn
        + "\"}";
  }

  /** What the echo contract stored under {@code key} ("reply" or "exec", quotes included). */
  String stored(byte[] contract, String key) throws Exception {
    return chain.smartQuery(contract, echoHash, key);
  }

  @Test
  void aBankSubMessageWithReplyOnSuccessDeliversItsReply() throws Exception {
    ComputeTestChain.Result result = send(bankSend("5", "success"));
    assertThat(result.ok()).as(() -> result.error().getMessage()).isTrue();
    assertThat(chain.bank.balance(chain.state, echo, "uscrt")).isEqualTo(Coin.of("uscrt", 95));
    assertThat(chain.bank.balance(chain.state, BOB, "uscrt"))
        .isEqualTo(Coin.of("uscrt", 1_000_005));
    assertThat(stored(echo, "\"reply\""))
        .isEqualTo("{\"id\":3,\"result\":{\"ok\":{\"events\":[],\"data\":null}}}");
    assertThat(result.events()).extracting(Event::type).contains("transfer", "reply");
    assertThat(result.events("reply"))
        .containsExactly(Event.of("reply", "contract_address", Addresses.bech32(echo)));
  }

  @Test
  void aFailedBankSubMessageWithReplyOnErrorDeliversARedactedErrorAndKeepsTheCallersState()
      throws Exception {
    ComputeTestChain.Result result = send(bankSend("1000", "error"));
    assertThat(result.ok()).as(() -> result.error().getMessage()).isTrue();
    assertThat(chain.bank.balance(chain.state, echo, "uscrt")).isEqualTo(Coin.of("uscrt", 100));
    assertThat(stored(echo, "\"reply\""))
        .isEqualTo(
            "{\"id\":3,\"result\":{\"error\":\"the error was redacted (codespace: sdk, code: 5)."
                + " For more info use latest localsecret and reproduce the issue\"}}");
    assertThat(stored(echo, "\"exec\"")).isEqualTo(execMsg);
  }

  @Test
  void aWasmSubCallOutOfItsGasLimitDeliversAnErrorReplyAndTheCallersStatePersists()
      throws Exception {
    long gasLimit = 60_000;
    String loop =
        "{\"id\":7,\"msg\":{\"wasm\":{\"execute\":{\"contract_addr\":\""
            + Addresses.bech32(callee)
            + "\",\"code_hash\":\""
            + new CodeHash(echoHash).hex()
            + "\",\"msg\":\""
            + Base64.getEncoder().encodeToString("\"loop\"".getBytes(StandardCharsets.UTF_8))
            + "\",\"send\":[]}}},\"gas_limit\":"
            + gasLimit
            + ",\"reply_on\":\"error\"}";
    ComputeTestChain.Result result = send(loop);
    assertThat(result.ok()).as(() -> result.error().getMessage()).isTrue();
    // The caller ran on: its own write is stored, its reply got the (redacted) out-of-gas error.
    assertThat(stored(echo, "\"exec\"")).isEqualTo(execMsg);
    assertThat(stored(echo, "\"reply\""))
        .isEqualTo(
            "{\"id\":7,\"result\":{\"error\":\"the error was redacted (codespace: sdk, code: 11)."
                + " For more info use latest localsecret and reproduce the issue\"}}");
    // The callee's write was dropped with its branch; the sub-call cost its whole limit.
    assertThat(stored(callee, "\"exec\"")).isEmpty();
    assertThat(result.gasUsed()).isGreaterThan(gasLimit);
    assertThat(result.events()).extracting(Event::type).containsSubsequence("execute", "reply");
  }

  @Test
  void aFailureNobodyAskedToHearAboutStillFailsTheWholeMessage() throws Exception {
    Map<String, String> before = chain.snapshot();
    ComputeTestChain.Result result = send(bankSend("1000", "success"));
    assertThat(result.error().codespace()).isEqualTo("sdk");
    assertThat(result.error().code()).isEqualTo(5);
    assertThat(result.error().getMessage()).startsWith("dispatch: submessages: ");
    assertThat(chain.snapshot()).isEqualTo(before);
  }
}
