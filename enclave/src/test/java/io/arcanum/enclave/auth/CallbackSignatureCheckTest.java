package io.arcanum.enclave.auth;

import static io.arcanum.crypto.SpecFiles.hex;
import static io.arcanum.enclave.auth.Txs.A;
import static io.arcanum.enclave.auth.Txs.CONTRACT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.crypto.SpecFiles;
import io.arcanum.crypto.seed.ConsensusSeed;
import io.arcanum.crypto.seed.DerivedSecret;
import io.arcanum.crypto.seed.KeySchedule;
import io.arcanum.crypto.seed.SeedList;
import io.arcanum.enclave.api.Coin;
import io.arcanum.enclave.api.SigInfo;
import io.arcanum.enclave.auth.SenderAuthenticationException.Check;
import io.arcanum.enclave.state.CallbackSignature;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Contract-to-contract calls (protocol.md §10.2): only {@code SHA256(callback_secret ‖ ct ‖
 * JSON(funds))} is checked, against the shared vector, and a signature does not carry over to other
 * funds or another ciphertext.
 */
class CallbackSignatureCheckTest {
  private static final SenderAuthenticator AUTH = Txs.authenticator();
  private static final JsonNode VECTORS = SpecFiles.vectors();
  private static final JsonNode V = VECTORS.get("callback_sig");
  private static final DerivedSecret SECRET =
      KeySchedule.derive(
              SeedList.of(
                  List.of(
                      ConsensusSeed.of(hex(VECTORS.get("keys_genesis"), "seed")),
                      ConsensusSeed.of(hex(VECTORS.get("keys_current"), "seed")))))
          .callbackSecret();
  private static final byte[] CIPHERTEXT = hex(V, "msg_ciphertext(without nonce/pk)");
  private static final List<Coin> FUNDS = List.of(new Coin("uscrt", "100"));
  private static final byte[] CALLER = Txs.address(A);

  /** nonce ‖ pk ‖ the vector's ciphertext. */
  private static byte[] envelope(byte[] ciphertext) {
    byte[] input = new byte[64 + ciphertext.length];
    new Random(5).nextBytes(input);
    System.arraycopy(ciphertext, 0, input, 64, ciphertext.length);
    return input;
  }

  @Test
  void fundsJsonIsTheCompactSerdeFormOfTheVector() {
    assertThat(Funds.callbackJson(FUNDS)).isEqualTo(V.get("sent_funds_json").asText());
    assertThat(Funds.callbackJson(List.of())).isEqualTo("[]");
    assertThat(Funds.canonicalAmount("0")).isEqualTo("0");
    assertThat(Funds.canonicalAmount("000")).isEqualTo("0");
    assertThat(Funds.canonicalAmount("340282366920938463463374607431768211455"))
        .isEqualTo("340282366920938463463374607431768211455");
    assertThatThrownBy(() -> Funds.canonicalAmount("340282366920938463463374607431768211456"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Funds.canonicalAmount("-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Funds.callbackJson(List.of(new Coin("a\"b", "007"))))
        .isEqualTo("[{\"denom\":\"a\\\"b\",\"amount\":\"7\"}]");
  }

  @Test
  void acceptsTheVectorsCallbackSignatureOverTheCiphertextAndFunds() {
    SigInfo sig = SigInfo.callback(hex(V, "callback_sig"));
    ExpectedMessage expected =
        ExpectedMessage.execute(CALLER, CONTRACT, envelope(CIPHERTEXT), FUNDS);
    assertThatCode(() -> AUTH.verifyCallback(sig, expected, true, SECRET))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsTheVectorsSignatureWithoutFunds() {
    SigInfo sig = SigInfo.callback(hex(V, "callback_sig_no_funds(funds='[]')"));
    ExpectedMessage expected = ExpectedMessage.migrate(CALLER, CONTRACT, envelope(CIPHERTEXT));
    assertThatCode(() -> AUTH.verifyCallback(sig, expected, true, SECRET))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsAPlaintextSubMessageSignedWhole() {
    byte[] plaintext = "{\"increment\":{}}".getBytes(StandardCharsets.UTF_8);
    SigInfo sig =
        SigInfo.callback(CallbackSignature.sign(SECRET, plaintext, Funds.callbackJson(FUNDS)));
    ExpectedMessage expected = ExpectedMessage.execute(CALLER, CONTRACT, plaintext, FUNDS);
    assertThatCode(() -> AUTH.verifyCallback(sig, expected, false, SECRET))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesTheSignatureReplayedWithOtherFunds() {
    SigInfo sig = SigInfo.callback(hex(V, "callback_sig"));
    for (List<Coin> funds :
        List.of(
            List.<Coin>of(),
            List.of(new Coin("uscrt", "1000")),
            List.of(new Coin("uscrt", "100"), new Coin("uscrt", "100")))) {
      ExpectedMessage expected =
          ExpectedMessage.execute(CALLER, CONTRACT, envelope(CIPHERTEXT), funds);
      assertRefused(sig, expected, true, Check.CALLBACK_SIGNATURE);
    }
  }

  @Test
  void refusesTheSignatureReplayedWithAnotherCiphertext() {
    SigInfo sig = SigInfo.callback(hex(V, "callback_sig"));
    Random random = new Random(0xcb);
    for (int i = 0; i < 16; i++) {
      byte[] other = CIPHERTEXT.clone();
      int bit = random.nextInt(other.length * 8);
      other[bit / 8] ^= (byte) (1 << (bit % 8));
      assertRefused(
          sig,
          ExpectedMessage.execute(CALLER, CONTRACT, envelope(other), FUNDS),
          true,
          Check.CALLBACK_SIGNATURE);
    }
  }

  @Test
  void refusesAnEncryptedInputTreatedAsPlaintext() {
    SigInfo sig = SigInfo.callback(hex(V, "callback_sig"));
    assertRefused(
        sig,
        ExpectedMessage.execute(CALLER, CONTRACT, envelope(CIPHERTEXT), FUNDS),
        false,
        Check.CALLBACK_SIGNATURE);
  }

  @Test
  void refusesAMessageWithoutCallbackSignature() {
    SigInfo sig = new SigInfo(new byte[1], new byte[1], 1, null, new byte[64], null);
    assertRefused(
        sig,
        ExpectedMessage.execute(CALLER, CONTRACT, envelope(CIPHERTEXT), FUNDS),
        true,
        Check.CALLBACK_SIGNATURE);
  }

  @Test
  void refusesAnEnvelopeShorterThanNonceAndKey() {
    SigInfo sig = SigInfo.callback(hex(V, "callback_sig"));
    assertRefused(
        sig, ExpectedMessage.execute(CALLER, CONTRACT, new byte[63], FUNDS), true, Check.MALFORMED);
  }

  @Test
  void refusesFundsOnAMigrate() {
    SigInfo sig = SigInfo.callback(hex(V, "callback_sig"));
    ExpectedMessage migrateWithFunds =
        new ExpectedMessage(
            ContractMessageKind.MIGRATE, CALLER, CONTRACT, envelope(CIPHERTEXT), FUNDS, "");
    assertRefused(sig, migrateWithFunds, true, Check.FUNDS_MISMATCH);
  }

  @Test
  void refusesACallbackSignatureOnTheTxPath() {
    SigInfo sig = SigInfo.callback(hex(V, "callback_sig"));
    assertThatThrownBy(
            () ->
                AUTH.verify(
                    sig, ExpectedMessage.execute(CALLER, CONTRACT, envelope(CIPHERTEXT), FUNDS)))
        .extracting(e -> ((SenderAuthenticationException) e).check())
        .isEqualTo(Check.CALLBACK_SIGNATURE);
  }

  private static void assertRefused(
      SigInfo sig, ExpectedMessage expected, boolean encrypted, Check check) {
    assertThatThrownBy(() -> AUTH.verifyCallback(sig, expected, encrypted, SECRET))
        .isInstanceOf(SenderAuthenticationException.class)
        .extracting(e -> ((SenderAuthenticationException) e).check())
        .isEqualTo(check);
  }
}
