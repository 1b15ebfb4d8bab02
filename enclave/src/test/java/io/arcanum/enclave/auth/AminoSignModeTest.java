package io.arcanum.enclave.auth;

import static io.arcanum.enclave.auth.DirectSignModeTest.assertCheck;
import static io.arcanum.enclave.auth.Txs.A;
import static io.arcanum.enclave.auth.Txs.B;
import static io.arcanum.enclave.auth.Txs.CONTRACT;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.arcanum.enclave.api.Coin;
import io.arcanum.enclave.api.SigInfo;
import io.arcanum.enclave.auth.SenderAuthenticationException.Check;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGN_MODE_LEGACY_AMINO_JSON (AminoWallet, Ledger) and SIGN_MODE_EIP_191 (MetaMaskWallet) txs: the
 * signature covers amino JSON, so the enclave compares its messages with the protobuf body field by
 * field (protocol.md §10.1 item 4).
 */
class AminoSignModeTest {
  private static final SenderAuthenticator AUTH = Txs.authenticator();
  private static final byte[] SENDER = Txs.address(A);
  private static final List<Coin> FUNDS = List.of(new Coin("uscrt", "250"));

  private final byte[] input = Txs.envelope(new Random(0xa31b0L));

  private byte[] executeBody(List<Coin> funds) {
    return Txs.body(Txs.executeAny(SENDER, CONTRACT, input, funds));
  }

  private ExpectedMessage expectedExecute() {
    return ExpectedMessage.execute(SENDER, CONTRACT, input, FUNDS);
  }

  @Test
  void acceptsAminoSignedExecute() {
    SigInfo sig =
        Txs.amino(A, executeBody(FUNDS), List.of(Txs.aminoExecute(SENDER, CONTRACT, input, FUNDS)));
    assertThatCode(() -> AUTH.verify(sig, expectedExecute())).doesNotThrowAnyException();
  }

  @Test
  void acceptsAminoSignedInstantiateWithAdmin() {
    String admin = Txs.bech32(Txs.address(B));
    byte[] body = Txs.body(Txs.instantiateAny(SENDER, 3, "my label", input, FUNDS, admin));
    SigInfo sig =
        Txs.amino(
            A, body, List.of(Txs.aminoInstantiate(SENDER, 3, "my label", input, FUNDS, admin)));
    assertThatCode(() -> AUTH.verify(sig, ExpectedMessage.instantiate(SENDER, input, FUNDS, admin)))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsAminoSignedMigrate() {
    byte[] body = Txs.body(Txs.migrateAny(SENDER, CONTRACT, 4, input));
    SigInfo sig = Txs.amino(A, body, List.of(Txs.aminoMigrate(SENDER, CONTRACT, 4, input)));
    assertThatCode(() -> AUTH.verify(sig, ExpectedMessage.migrate(SENDER, CONTRACT, input)))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsBech32AddressesInAminoExecute() {
    Map<String, Object> msg = Txs.aminoExecute(SENDER, CONTRACT, input, FUNDS);
    value(msg).put("sender", Txs.bech32(SENDER));
    value(msg).put("contract", Txs.bech32(CONTRACT));
    SigInfo sig = Txs.amino(A, executeBody(FUNDS), List.of(msg));
    assertThatCode(() -> AUTH.verify(sig, expectedExecute())).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "prefixed sign bytes: {0}")
  @ValueSource(booleans = {true, false})
  void acceptsEip191SignedExecute(boolean prefixed) {
    SigInfo sig =
        Txs.eip191(
            A,
            executeBody(FUNDS),
            List.of(Txs.aminoExecute(SENDER, CONTRACT, input, FUNDS)),
            prefixed);
    assertThatCode(() -> AUTH.verify(sig, expectedExecute())).doesNotThrowAnyException();
  }

  @Test
  void refusesEip191SignBytesWhoseStatedLengthIsWrong() {
    SigInfo good =
        Txs.eip191(
            A, executeBody(FUNDS), List.of(Txs.aminoExecute(SENDER, CONTRACT, input, FUNDS)), true);
    String text = new String(good.signBytes(), StandardCharsets.UTF_8);
    String json = text.substring(text.indexOf('{'));
    byte[] wrong =
        ("\u0019Ethereum Signed Message:\n" + (json.length() + 1) + json)
            .getBytes(StandardCharsets.UTF_8);
    SigInfo sig = new SigInfo(good.txBytes(), wrong, 191, good.publicKey(), good.signature(), null);
    assertCheck(sig, expectedExecute(), Check.MALFORMED);
  }

  @Test
  void refusesAnAminoSignatureUnderTheEip191Mode() {
    // Signed over SHA-256 of the JSON, presented as EIP-191 (Keccak of the personal message).
    SigInfo amino =
        Txs.amino(A, executeBody(FUNDS), List.of(Txs.aminoExecute(SENDER, CONTRACT, input, FUNDS)));
    SigInfo sig =
        new SigInfo(
            amino.txBytes(), amino.signBytes(), 191, amino.publicKey(), amino.signature(), null);
    assertCheck(sig, expectedExecute(), Check.BAD_SIGNATURE);
  }

  @Test
  void refusesAKeyWhoseAddressIsNotTheSender() {
    SigInfo sig =
        Txs.amino(B, executeBody(FUNDS), List.of(Txs.aminoExecute(SENDER, CONTRACT, input, FUNDS)));
    assertCheck(sig, expectedExecute(), Check.SENDER_MISMATCH);
  }

  @Test
  void refusesSignedFundsThatDifferFromTheTxBody() {
    // The signer agreed to send 250; the broadcast body sends 2500 and the node reports 2500.
    List<Coin> more = List.of(new Coin("uscrt", "2500"));
    SigInfo sig =
        Txs.amino(A, executeBody(more), List.of(Txs.aminoExecute(SENDER, CONTRACT, input, FUNDS)));
    assertCheck(
        sig, ExpectedMessage.execute(SENDER, CONTRACT, input, more), Check.SIGNED_TX_MISMATCH);
  }

  @Test
  void refusesSignedInputThatDiffersFromTheTxBody() {
    byte[] signedInput = input.clone();
    signedInput[70] ^= 1;
    SigInfo sig =
        Txs.amino(
            A, executeBody(FUNDS), List.of(Txs.aminoExecute(SENDER, CONTRACT, signedInput, FUNDS)));
    assertCheck(sig, expectedExecute(), Check.SIGNED_TX_MISMATCH);
  }

  @Test
  void refusesSignBytesWithMoreMessagesThanTheTxBody() {
    Map<String, Object> msg = Txs.aminoExecute(SENDER, CONTRACT, input, FUNDS);
    SigInfo sig = Txs.amino(A, executeBody(FUNDS), List.of(msg, msg));
    assertCheck(sig, expectedExecute(), Check.SIGNED_TX_MISMATCH);
  }

  @Test
  void refusesAComputeMessageSignedInPlaceOfAnotherType() {
    Map<String, Object> send = new LinkedHashMap<>();
    send.put("type", "cosmos-sdk/MsgSend");
    send.put("value", Map.of());
    SigInfo sig = Txs.amino(A, executeBody(FUNDS), List.of(send));
    assertCheck(sig, expectedExecute(), Check.SIGNED_TX_MISMATCH);
  }

  @Test
  void refusesAnAminoFieldTheTxCannotCarry() {
    Map<String, Object> msg = Txs.aminoExecute(SENDER, CONTRACT, input, FUNDS);
    value(msg).put("memo_for_contract", "x");
    SigInfo sig = Txs.amino(A, executeBody(FUNDS), List.of(msg));
    assertCheck(sig, expectedExecute(), Check.MALFORMED);
  }

  @Test
  void refusesDuplicateJsonKeys() {
    SigInfo good =
        Txs.amino(A, executeBody(FUNDS), List.of(Txs.aminoExecute(SENDER, CONTRACT, input, FUNDS)));
    String json = new String(good.signBytes(), StandardCharsets.UTF_8);
    byte[] duplicated =
        json.replaceFirst("\"memo\":\"\"", "\"memo\":\"\",\"memo\":\"x\"")
            .getBytes(StandardCharsets.UTF_8);
    byte[] signature = Txs.signSha256(A, duplicated);
    byte[] authInfo = Txs.authInfo(SigInfo.SIGN_MODE_LEGACY_AMINO_JSON, A.publicKey());
    SigInfo sig =
        new SigInfo(
            Txs.txRaw(executeBody(FUNDS), authInfo, signature),
            duplicated,
            127,
            good.publicKey(),
            signature,
            null);
    assertCheck(sig, expectedExecute(), Check.MALFORMED);
  }

  @Test
  void refusesAnAminoTxWithoutThePublicKey() {
    SigInfo good =
        Txs.amino(A, executeBody(FUNDS), List.of(Txs.aminoExecute(SENDER, CONTRACT, input, FUNDS)));
    SigInfo sig = new SigInfo(good.txBytes(), good.signBytes(), 127, null, good.signature(), null);
    assertCheck(sig, expectedExecute(), Check.MALFORMED);
  }

  @Test
  void refusesAnotherAdminInAminoInstantiate() {
    String admin = Txs.bech32(Txs.address(B));
    byte[] body = Txs.body(Txs.instantiateAny(SENDER, 3, "l", input, FUNDS, admin));
    SigInfo sig =
        Txs.amino(A, body, List.of(Txs.aminoInstantiate(SENDER, 3, "l", input, FUNDS, admin)));
    assertCheck(sig, ExpectedMessage.instantiate(SENDER, input, FUNDS, ""), Check.ADMIN_MISMATCH);
  }

  @Test
  void refusesAnAminoLabelThatDiffersFromTheTxBody() {
    byte[] body = Txs.body(Txs.instantiateAny(SENDER, 3, "label", input, FUNDS, ""));
    SigInfo sig =
        Txs.amino(A, body, List.of(Txs.aminoInstantiate(SENDER, 3, "other", input, FUNDS, "")));
    assertCheck(
        sig, ExpectedMessage.instantiate(SENDER, input, FUNDS, ""), Check.SIGNED_TX_MISMATCH);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> value(Map<String, Object> msg) {
    return (Map<String, Object>) msg.get("value");
  }
}
