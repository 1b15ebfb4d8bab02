package io.arcanum.wasm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.wasm.CallResult;
import io.arcanum.wasm.FailureKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResultEnvelopeTest {
  private static CallResult parse(String json, boolean query) {
    return ResultEnvelope.parse(
        json.getBytes(StandardCharsets.UTF_8), query, io.arcanum.wasm.ApiProfile.V1, 42);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ok", "ok"})
  void acceptsBothSuccessCasings(String key) {
    CallResult result = parse("{\"" + key + "\":{\"messages\":[],\"data\":null}}", false);
    assertThat(result.isOk()).isTrue();
    assertThat(result.outputText()).isEqualTo("{\"messages\":[],\"data\":null}");
    assertThat(result.gasUsed()).isEqualTo(42);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"Err\":\"insufficient funds\"}|insufficient funds",
        "{\"error\":\"insufficient funds\"}|insufficient funds",
        "{\"Err\":{\"generic_err\":{\"msg\":\"no\"}}}|{\"generic_err\":{\"msg\":\"no\"}}"
      })
  void contractErrorsKeepTheirMessageOrStdError(String json, String expected) {
    CallResult result = parse(json, false);
    assertThat(result.status()).isEqualTo(CallResult.Status.CONTRACT_ERROR);
    assertThat(result.error()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ok", "ok"})
  void queryAnswersAreBase64Decoded(String key) {
    assertThat(parse("{\"" + key + "\":\"eyJhIjoxfQ==\"}", true).outputText())
        .isEqualTo("{\"a\":1}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json|not JSON",
        "[]|exactly one",
        "{}|exactly one",
        "{\"Ok\":{},\"Err\":\"x\"}|exactly one",
        "{\"Ok\":{},\"Ok\":{}}|not JSON",
        "{\"Success\":{}}|unknown result variant 'Success'",
        "{\"Ok\":\"text\"}|response object",
        "{\"Ok\":{}} trailing|not JSON"
      })
  void malformedEnvelopesAreNamed(String json, String message) {
    CallResult result = parse(json, false);
    assertThat(result.failure()).isEqualTo(FailureKind.MALFORMED_RESULT);
    assertThat(result.error()).contains(message);
    assertThat(result.gasUsed()).isEqualTo(42);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"Ok\":{}}", "{\"Ok\":\"***\"}", "{\"Ok\":5}"})
  void malformedQueryAnswersAreRefused(String json) {
    assertThat(parse(json, true).failure()).isEqualTo(FailureKind.MALFORMED_RESULT);
  }

  @org.junit.jupiter.api.Test
  void sectionsDecodeFromTheEndAndRefuseLyingLengths() {
    byte[] encoded = {1, 2, 0, 0, 0, 2, 0, 0, 0, 0, 9, 0, 0, 0, 1};
    var sections = CryptoImports.sections(encoded);
    assertThat(sections).hasSize(3);
    assertThat(sections.get(0)).containsExactly(1, 2);
    assertThat(sections.get(1)).isEmpty();
    assertThat(sections.get(2)).containsExactly(9);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CryptoImports.sections(new byte[] {1, 0, 0, 0, 5}))
        .isInstanceOf(VmTrap.class)
        .hasMessageContaining("claims 5 bytes");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CryptoImports.sections(new byte[] {0, 0}))
        .isInstanceOf(VmTrap.class)
        .hasMessageContaining("stray bytes");
  }
}
