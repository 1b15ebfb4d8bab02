package io.arcanum.wasm.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.wasm.CallResult;
import io.arcanum.wasm.Engine;
import io.arcanum.wasm.EntryPoint;
import io.arcanum.wasm.FailureKind;
import io.arcanum.wasm.testing.ContractHarness;
import io.arcanum.wasm.testing.TestEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same calls on the same inputs give the same results, gas and state writes in every engine: a
 * seeded random mix of token transfers (some overdrawn), viewing keys, queries and calls with gas
 * limits around what they need, run on the compiler and the interpreter.
 */
class DeterminismTest {
  private static final String[] ACCOUNTS = {
    TestEnv.ACCOUNT_A,
    "secret1fc3fzy78ttp0lwuujw7e52rhspxn8uj52zfyne",
    "secret1ajz54hz8azwuy34qwy9fkjnfcrvf0dzswy0lqq",
    "secret1ldjxljw7v4vk6zhyduywh04hpj0jdwxsmrlatf"
  };

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void compilerAndInterpreterAgreeOnEveryResultGasAndWrite(long seed) {
    List<String[]> calls = randomCalls(new Random(seed));
    List<long[]> gasLimits = new ArrayList<>();
    Random gasRandom = new Random(seed * 31);
    for (int i = 0; i < calls.size(); i++) {
      // Mostly ample gas; sometimes a limit that lands inside the call.
      gasLimits.add(
          new long[] {
            gasRandom.nextInt(4) == 0 ? 200_000 + gasRandom.nextInt(900_000) : ContractHarness.GAS
          });
    }
    List<CallResult> compiled = run(Engine.COMPILED, calls, gasLimits);
    List<CallResult> interpreted = run(Engine.INTERPRETED, calls, gasLimits);
    assertThat(interpreted).containsExactlyElementsOf(compiled);
    assertThat(compiled).anyMatch(r -> r.failure() == FailureKind.OUT_OF_GAS);
    assertThat(compiled).anyMatch(r -> r.status() == CallResult.Status.CONTRACT_ERROR);
    assertThat(compiled).anyMatch(CallResult::isOk);
  }

  private static List<CallResult> run(Engine engine, List<String[]> calls, List<long[]> gasLimits) {
    List<CallResult> results = new ArrayList<>();
    try (ContractHarness token =
        new ContractHarness(engine, ContractHarness.exampleContract("token"))) {
      for (int i = 0; i < calls.size(); i++) {
        String[] call = calls.get(i);
        results.add(token.call(EntryPoint.valueOf(call[0]), call[1], call[2], gasLimits.get(i)[0]));
      }
      // Final state is part of the result: compare it through a synthetic entry.
      results.add(CallResult.ok(token.storage.asHex().toString().getBytes(), 0));
    }
    return results;
  }

  private static List<String[]> randomCalls(Random random) {
    List<String[]> calls = new ArrayList<>();
    StringBuilder balances = new StringBuilder();
    for (int i = 0; i < 2; i++) {
      if (i > 0) {
        balances.append(',');
      }
      balances.append("{\"address\":\"").append(ACCOUNTS[i]).append("\",\"amount\":\"500\"}");
    }
    calls.add(
        new String[] {
          "INSTANTIATE",
          "{\"name\":\"Determinism\",\"symbol\":\"DTRM\",\"decimals\":2,\"initial_balances\":["
              + balances
              + "],\"prng_seed\":\"c2VlZA==\"}",
          ACCOUNTS[0]
        });
    for (int i = 0; i < 30; i++) {
      String from = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
      String to = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
      switch (random.nextInt(4)) {
        case 0, 1 ->
            calls.add(
                new String[] {
                  "EXECUTE",
                  "{\"transfer\":{\"recipient\":\""
                      + to
                      + "\",\"amount\":\""
                      + random.nextInt(400)
                      + "\"}}",
                  from
                });
        case 2 ->
            calls.add(
                new String[] {
                  "EXECUTE", "{\"set_viewing_key\":{\"key\":\"k" + random.nextInt(3) + "\"}}", from
                });
        default ->
            calls.add(
                new String[] {
                  "QUERY",
                  "{\"balance\":{\"address\":\""
                      + from
                      + "\",\"key\":\"k"
                      + random.nextInt(3)
                      + "\"}}",
                  ""
                });
      }
    }
    return calls;
  }
}
