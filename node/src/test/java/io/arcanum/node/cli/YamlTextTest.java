package io.arcanum.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --output text}: block YAML that reads back as the same strings. */
class YamlTextTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void nestedObjectsAndListsAreIndentedBlocks() throws Exception {
    String text =
        YamlText.render(
            JSON.readTree(
                """
                {"height":"12","code":0,"logs":[],"events":[{"type":"wasm",
                 "attributes":[{"key":"action","value":"transfer"}]}],"tx":{},"data":null,
                 "ok":true,"names":["a","b"]}
                """));
    assertThat(text)
        .isEqualTo(
            """
            height: '12'
            code: 0
            logs: []
            events:
              - type: wasm
                attributes:
                  - key: action
                    value: transfer
            tx: {}
            data: null
            ok: true
            names:
              - a
              - b
            """);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03|secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03",
        "@type|'@type'",
        "/cosmos.crypto.secp256k1.PubKey|/cosmos.crypto.secp256k1.PubKey",
        "12|'12'",
        "1.5|'1.5'",
        "true|'true'",
        "no|'no'",
        "-flag|'-flag'",
        "key: value|'key: value'",
        "it's|it's",
        "'quoted'|'''quoted'''",
        "m/44'/529'/0'/0/0|m/44'/529'/0'/0/0",
        "1000uscrt|1000uscrt",
        "1e5|'1e5'",
        "0x1F|'0x1F'",
        "12:30|'12:30'",
        "-7|'-7'",
        ".5|'.5'",
        "-.inf|'-.inf'",
        "1.2.3|1.2.3",
        "a #comment|'a #comment'",
        "{\"a\":1}|'{\"a\":1}'"
      })
  void stringsAreQuotedOnlyWhenPlainYamlWouldReadSomethingElse(String text, String yaml) {
    assertThat(YamlText.string(text)).isEqualTo(yaml);
  }

  @Test
  void emptyAndMultiLineStringsAreQuoted() {
    assertThat(YamlText.string("")).isEqualTo("''");
    assertThat(YamlText.string(" padded")).isEqualTo("' padded'");
    assertThat(YamlText.string("two\nlines")).isEqualTo("\"two\\nlines\"");
  }
}
