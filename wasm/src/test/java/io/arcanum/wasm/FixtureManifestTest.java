package io.arcanum.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcanum.wasm.env.BlockInfo;
import io.arcanum.wasm.env.ContractEnv;
import io.arcanum.wasm.host.ChainQuerier;
import io.arcanum.wasm.host.HostEnvironment;
import io.arcanum.wasm.testing.InMemoryStorage;
import io.arcanum.wasm.testing.TestEnv;
import io.arcanum.wasm.validate.WasmValidationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every WAT fixture against the outcome {@code fixtures/fixtures.json} states for it
 * (wasm/src/test/wat/README.md): upload rules for validation fixtures; for the others, the call's
 * status, failure kind, exact gas and final storage, identical on the compiler and the interpreter.
 */
class FixtureManifestTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  private static WasmVm compiled;
  private static WasmVm interpreted;

  @BeforeAll
  static void startVms() {
    compiled = WasmVm.builder().engine(Engine.COMPILED).build();
    interpreted = WasmVm.builder().engine(Engine.INTERPRETED).build();
  }

  @AfterAll
  static void stopVms() {
    compiled.close();
    interpreted.close();
  }

  @TestFactory
  Stream<DynamicTest> everyFixtureBehavesAsTheManifestSays() throws IOException {
    JsonNode manifest = JSON.readTree(TestEnv.resource("fixtures/fixtures.json"));
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode fixture : manifest.get("fixtures")) {
      String name = fixture.get("category").asText() + "/" + fixture.get("name").asText();
      tests.add(DynamicTest.dynamicTest(name, () -> check(fixture)));
    }
    assertThat(tests).hasSizeGreaterThan(200);
    return tests.stream();
  }

  private static void check(JsonNode fixture) {
    byte[] wasm = TestEnv.resource("fixtures/" + fixture.get("file").asText());
    String expect = fixture.get("expect").asText();
    switch (expect) {
      case "reject" -> checkRejected(fixture, wasm);
      case "accept" -> checkAccepted(fixture, wasm);
      default -> checkCall(fixture, wasm, expect);
    }
  }

  private static void checkRejected(JsonNode fixture, byte[] wasm) {
    Throwable thrown = catchThrowable(() -> compiled.upload(wasm));
    assertThat(thrown).as(fixture.get("why").asText()).isInstanceOf(WasmValidationException.class);
    WasmValidationException e = (WasmValidationException) thrown;
    Set<String> allowed = new HashSet<>();
    allowed.add(fixture.get("rule").asText());
    fixture.path("alsoAccept").forEach(rule -> allowed.add(rule.asText()));
    assertThat(e.rule().name()).as(e.getMessage()).isIn(allowed);
    if (fixture.has("mentions") && e.rule().name().equals(fixture.get("rule").asText())) {
      assertThat(e.getMessage().toLowerCase(Locale.ROOT))
          .contains(fixture.get("mentions").asText().toLowerCase(Locale.ROOT));
    }
  }

  private static void checkAccepted(JsonNode fixture, byte[] wasm) {
    ContractCode code = compiled.upload(wasm);
    if (fixture.has("profile")) {
      assertThat(code.profile().name()).isEqualTo(fixture.get("profile").asText());
    }
  }

  private static void checkCall(JsonNode fixture, byte[] wasm, String expect) {
    Run onCompiler = run(compiled, fixture, wasm);
    Run onInterpreter = run(interpreted, fixture, wasm);
    assertThat(onInterpreter.result).isEqualTo(onCompiler.result);
    assertThat(onInterpreter.storage.asHex()).isEqualTo(onCompiler.storage.asHex());

    CallResult result = onCompiler.result;
    String why = fixture.get("why").asText() + " → " + result;
    switch (expect) {
      case "ok" -> assertThat(result.status()).as(why).isEqualTo(CallResult.Status.OK);
      case "contract_error" ->
          assertThat(result.status()).as(why).isEqualTo(CallResult.Status.CONTRACT_ERROR);
      case "out_of_gas" -> assertThat(result.failure()).as(why).isEqualTo(FailureKind.OUT_OF_GAS);
      case "call_depth_exceeded" -> {
        boolean trapAllowed = fixture.path("alsoAccept").toString().contains("trap");
        if (!trapAllowed || result.failure() != FailureKind.TRAP) {
          assertThat(result.failure()).as(why).isEqualTo(FailureKind.CALL_DEPTH_EXCEEDED);
        }
      }
      case "trap" ->
          assertThat(result.failure())
              .as(why)
              .isIn(FailureKind.TRAP, FailureKind.HOST_ERROR, FailureKind.MALFORMED_RESULT);
      default -> throw new AssertionError("unknown expectation " + expect);
    }
    if (fixture.has("errorContains")) {
      assertThat(result.error().toLowerCase(Locale.ROOT))
          .as(why)
          .contains(fixture.get("errorContains").asText().toLowerCase(Locale.ROOT));
    }
    if (fixture.has("gasUsed")) {
      assertThat(result.gasUsed())
          .as(why + " " + fixture.path("arithmetic").asText())
          .isEqualTo(fixture.get("gasUsed").asLong());
    }
    if (fixture.has("storageAfter")) {
      checkStorage(fixture, onCompiler.storage);
    }
    if (fixture.has("resultJson")) {
      JsonNode envelope = json(fixture.get("resultJson").asText());
      JsonNode ok = envelope.has("Ok") ? envelope.get("Ok") : envelope.get("ok");
      byte[] expected =
          ok.isTextual() ? Base64.getDecoder().decode(ok.asText()) : ok.toString().getBytes();
      assertThat(result.output()).isEqualTo(expected);
    }
  }

  private static void checkStorage(JsonNode fixture, InMemoryStorage storage) {
    Map<String, String> actual = new java.util.TreeMap<>(storage.asHex());
    for (JsonNode key : fixture.path("storageNonEmpty")) {
      assertThat(actual).containsKey(key.asText());
      assertThat(actual.remove(key.asText())).isNotEmpty();
    }
    Map<String, String> expected = new java.util.TreeMap<>();
    fixture
        .get("storageAfter")
        .fields()
        .forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asText()));
    assertThat(actual).isEqualTo(expected);
  }

  private record Run(CallResult result, InMemoryStorage storage) {}

  private static Run run(WasmVm vm, JsonNode fixture, byte[] wasm) {
    ContractCode code = vm.upload(wasm);
    InMemoryStorage storage = new InMemoryStorage();
    fixture
        .path("storageBefore")
        .fields()
        .forEachRemaining(
            e -> storage.set(HEX.parseHex(e.getKey()), HEX.parseHex(e.getValue().asText())));
    HostEnvironment host = HostEnvironment.of(storage, querier(fixture));
    Invocation invocation =
        Invocation.of(
            entry(fixture.get("entry").asText()),
            env(),
            HEX.parseHex(fixture.path("msgHex").asText("")),
            fixture.path("gasLimit").asLong(100_000_000L));
    return new Run(vm.call(code, invocation, host), storage);
  }

  private static ChainQuerier querier(JsonNode fixture) {
    if (!fixture.has("querier")) {
      return ChainQuerier.unsupported();
    }
    return (request, depth, gasLimit) -> {
      for (JsonNode exchange : fixture.get("querier")) {
        if (HEX.formatHex(request).equals(exchange.get("requestHex").asText())) {
          return new ChainQuerier.Answer(HEX.parseHex(exchange.get("answerHex").asText()), 0);
        }
      }
      throw new AssertionError("unexpected query " + HEX.formatHex(request));
    };
  }

  static EntryPoint entry(String export) {
    return switch (export) {
      case "instantiate", "init" -> EntryPoint.INSTANTIATE;
      case "execute", "handle" -> EntryPoint.EXECUTE;
      case "query" -> EntryPoint.QUERY;
      case "migrate" -> EntryPoint.MIGRATE;
      case "reply" -> EntryPoint.REPLY;
      case "sudo" -> EntryPoint.SUDO;
      default -> throw new IllegalArgumentException("unknown entry " + export);
    };
  }

  /** The harness env of the manifest ("harness" section). */
  static ContractEnv env() {
    return new ContractEnv(
        new BlockInfo(12_345, 1_571_797_419_879_305_533L, "secretdev-1", null),
        "secret18z2234vqq0zags4c3nynghx0ueam2y4sftfqq8",
        "0".repeat(64),
        null,
        TestEnv.ACCOUNT_A,
        List.of());
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
