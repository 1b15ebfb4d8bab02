package io.arcanum.enclave.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.compute.TestChain.Contract;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The confidentiality proof: the example token runs with marker strings in its inputs and
 * state, and no marker — raw, base64 or hex — appears in anything the host sees: OCALL bytes, ECALL
 * results, sealed files, log records.
 */
class ConfidentialityTest extends ComputeTestBase {
  static final String NAME = "MarkerTokenName";
  static final String KEY = "marker-viewing-key-0451";
  static final String MEMO = "marker-memo-8812";
  static final String AMOUNT = "777";

  @Test
  void markersInInputsAndStateNeverReachTheHost() throws Exception {
    List<String> logs = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logs.add(String.valueOf(record.getMessage()) + " " + record.getThrown());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    Level level = root.getLevel();
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    ByteArrayOutputStream results = new ByteArrayOutputStream();
    try {
      Contract contract = instantiateToken(NAME);
      for (ContractResult result :
          List.of(
              execute(
                  contract,
                  ALICE,
                  "{\"transfer\":{\"recipient\":\""
                      + BOB_B32
                      + "\",\"amount\":\""
                      + AMOUNT
                      + "\",\"memo\":\""
                      + MEMO
                      + "\"}}"),
              execute(contract, BOB, "{\"set_viewing_key\":{\"key\":\"" + KEY + "\"}}"),
              execute(
                  contract,
                  ALICE,
                  "{\"transfer\":{\"recipient\":\"" + BOB_B32 + "\",\"amount\":\"99999999\"}}"),
              chain.query(
                  contract,
                  encrypt(
                      token,
                      "{\"balance\":{\"address\":\"" + BOB_B32 + "\",\"key\":\"" + KEY + "\"}}")),
              chain.query(contract, encrypt(token, "{\"token_info\":{}}")))) {
        results.writeBytes(result.output());
        results.writeBytes(result.error().getBytes(StandardCharsets.UTF_8));
      }
      // The transfers really happened: the sender reads the secrets back.
      assertThat(balance(contract, BOB_B32, KEY)).contains("\"amount\":\"777\"");
    } finally {
      root.removeHandler(capture);
      root.setLevel(level);
    }

    byte[] ocalls = chain.seen.toByteArray();
    byte[] sealed = concat(chain.sealedFiles.values());
    String logText = String.join("\n", logs);
    for (String marker : List.of(NAME, KEY, MEMO, "\"223\"", "\"" + AMOUNT + "\"")) {
      for (byte[] form : forms(marker)) {
        assertThat(indexOf(ocalls, form)).as("%s in OCALL bytes", marker).isEqualTo(-1);
        assertThat(indexOf(results.toByteArray(), form)).as("%s in results", marker).isEqualTo(-1);
        assertThat(indexOf(sealed, form)).as("%s in sealed files", marker).isEqualTo(-1);
        assertThat(logText)
            .as("%s in logs", marker)
            .doesNotContain(new String(form, StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(ocalls.length).as("the host did see encrypted state").isGreaterThan(1000);
  }

  static List<byte[]> forms(String marker) {
    byte[] raw = marker.getBytes(StandardCharsets.UTF_8);
    return List.of(
        raw,
        Base64.getEncoder()
            .withoutPadding()
            .encodeToString(raw)
            .getBytes(StandardCharsets.US_ASCII),
        HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] concat(Iterable<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
