package io.arcanum.wasm.contracts;

import static io.arcanum.wasm.testing.ContractHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.Instruction;
import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.wasm.ApiProfile;
import io.arcanum.wasm.CallResult;
import io.arcanum.wasm.Engine;
import io.arcanum.wasm.EntryPoint;
import io.arcanum.wasm.testing.ContractHarness;
import io.arcanum.wasm.testing.TestEnv;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The committed example contracts (contracts/) on both engines. */
class ExampleContractsTest {
  static final String BOB = "secret1fc3fzy78ttp0lwuujw7e52rhspxn8uj52zfyne";

  @ParameterizedTest
  @ValueSource(strings = {"counter", "token", "caller"})
  void committedBinaryHasNoFloatInstructionOrType(String name) {
    WasmModule module = Parser.parse(ContractHarness.exampleContract(name));
    for (FunctionBody body : module.codeSection().functionBodies()) {
      assertThat(body.localTypes()).noneMatch(t -> t.isFloatingPoint());
      for (Instruction instruction : body.instructions()) {
        String op = instruction.opcode().name().toLowerCase(Locale.ROOT);
        assertThat(op).doesNotContain("f32").doesNotContain("f64");
      }
    }
    for (var type : module.typeSection().types()) {
      assertThat(type.params()).noneMatch(t -> t.isFloatingPoint());
      assertThat(type.returns()).noneMatch(t -> t.isFloatingPoint());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void counterCountsAndOnlyTheOwnerResets(Engine engine) {
    try (ContractHarness counter =
        new ContractHarness(engine, ContractHarness.exampleContract("counter"))) {
      assertThat(counter.code.profile()).isEqualTo(ApiProfile.V1);
      assertThat(counter.call(EntryPoint.INSTANTIATE, "{\"count\":5}").isOk()).isTrue();
      CallResult increment = counter.call(EntryPoint.EXECUTE, "{\"increment\":{}}");
      assertThat(increment.isOk()).as(increment.toString()).isTrue();
      assertThat(json(increment).get("attributes").toString()).contains("\"count\"", "\"6\"");
      assertThat(counter.call(EntryPoint.QUERY, "{\"get_count\":{}}").outputText())
          .isEqualTo("{\"count\":6}");

      var before = counter.storage.asHex();
      CallResult reset = counter.call(EntryPoint.EXECUTE, "{\"reset\":{\"count\":0}}", BOB);
      assertThat(reset.status()).isEqualTo(CallResult.Status.CONTRACT_ERROR);
      assertThat(reset.error()).isEqualTo("unauthorized");
      assertThat(counter.storage.asHex()).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void tokenTransfersPadsAnswersAndGuardsBalancesWithViewingKeys(Engine engine) {
    try (ContractHarness token =
        new ContractHarness(engine, ContractHarness.exampleContract("token"))) {
      String init =
          "{\"name\":\"Secret Test\",\"symbol\":\"STST\",\"decimals\":6,\"initial_balances\":"
              + "[{\"address\":\""
              + TestEnv.ACCOUNT_A
              + "\",\"amount\":\"1000\"}],"
              + "\"prng_seed\":\"c2VlZA==\"}";
      assertThat(token.call(EntryPoint.INSTANTIATE, init).isOk()).isTrue();

      CallResult transfer =
          token.call(
              EntryPoint.EXECUTE,
              "{\"transfer\":{\"recipient\":\"" + BOB + "\",\"amount\":\"400\"}}");
      assertThat(transfer.isOk()).as(transfer.toString()).isTrue();
      byte[] data = Base64.getDecoder().decode(json(transfer).get("data").asText());
      assertThat(data.length % 256).isZero();
      assertThat(new String(data, java.nio.charset.StandardCharsets.UTF_8).strip())
          .isEqualTo("{\"transfer\":{\"status\":\"success\"}}");

      assertThat(
              token
                  .call(EntryPoint.EXECUTE, "{\"set_viewing_key\":{\"key\":\"bob-key\"}}", BOB)
                  .isOk())
          .isTrue();
      String balance = "{\"balance\":{\"address\":\"" + BOB + "\",\"key\":\"bob-key\"}}";
      assertThat(
              json(token.call(EntryPoint.QUERY, balance).outputText())
                  .at("/balance/amount")
                  .asText())
          .isEqualTo("400");
      String wrongKey = "{\"balance\":{\"address\":\"" + BOB + "\",\"key\":\"guess\"}}";
      assertThat(token.call(EntryPoint.QUERY, wrongKey).outputText()).contains("viewing_key_error");

      var before = token.storage.asHex();
      CallResult tooMuch =
          token.call(
              EntryPoint.EXECUTE,
              "{\"transfer\":{\"recipient\":\"" + BOB + "\",\"amount\":\"601\"}}");
      assertThat(tooMuch.status()).isEqualTo(CallResult.Status.CONTRACT_ERROR);
      assertThat(tooMuch.error()).contains("insufficient funds");
      CallResult badRecipient =
          token.call(
              EntryPoint.EXECUTE, "{\"transfer\":{\"recipient\":\"cosmos1xyz\",\"amount\":\"1\"}}");
      assertThat(badRecipient.status()).isEqualTo(CallResult.Status.CONTRACT_ERROR);
      assertThat(badRecipient.error()).contains("invalid recipient");
      assertThat(token.storage.asHex()).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void callerEmitsASubMessageAndRecordsTheReply(Engine engine) {
    try (ContractHarness caller =
        new ContractHarness(engine, ContractHarness.exampleContract("caller"))) {
      assertThat(caller.call(EntryPoint.INSTANTIATE, "{}").isOk()).isTrue();
      String inner = Base64.getEncoder().encodeToString("{\"increment\":{}}".getBytes());
      CallResult call =
          caller.call(
              EntryPoint.EXECUTE,
              "{\"call\":{\"contract_addr\":\""
                  + TestEnv.CONTRACT
                  + "\",\"code_hash\":\""
                  + "ab".repeat(32)
                  + "\",\"msg\":\""
                  + inner
                  + "\",\"id\":7,\"reply_on\":\"success\"}}");
      assertThat(call.isOk()).as(call.toString()).isTrue();
      JsonNode subMsg = json(call).get("messages").get(0);
      assertThat(subMsg.get("id").asLong()).isEqualTo(7);
      assertThat(subMsg.get("reply_on").asText()).isEqualTo("success");
      assertThat(subMsg.at("/msg/wasm/execute/contract_addr").asText()).isEqualTo(TestEnv.CONTRACT);
      assertThat(subMsg.at("/msg/wasm/execute/msg").asText()).isEqualTo(inner);
      assertThat(subMsg.at("/msg/wasm/execute/send").isArray()).isTrue();

      assertThat(caller.call(EntryPoint.QUERY, "{\"last_reply\":{}}").outputText())
          .isEqualTo("null");
      CallResult reply =
          caller.call(
              EntryPoint.REPLY,
              "{\"id\":7,\"result\":{\"ok\":{\"events\":[],\"data\":\"aGk=\"}}}",
              "");
      assertThat(reply.isOk()).as(reply.toString()).isTrue();
      assertThat(json(reply).get("data").asText()).isEqualTo("aGk=");
      JsonNode record = json(caller.call(EntryPoint.QUERY, "{\"last_reply\":{}}").outputText());
      assertThat(record.get("id").asLong()).isEqualTo(7);
      assertThat(record.get("status").asText()).isEqualTo("ok");

      CallResult failed =
          caller.call(EntryPoint.REPLY, "{\"id\":8,\"result\":{\"error\":\"boom\"}}", "");
      assertThat(failed.isOk()).isTrue();
      record = json(caller.call(EntryPoint.QUERY, "{\"last_reply\":{}}").outputText());
      assertThat(record.get("status").asText()).isEqualTo("error");
      assertThat(record.get("error").asText()).isEqualTo("boom");
    }
  }
}
