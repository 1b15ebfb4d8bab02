package io.arcanum.enclave.auth;

import static io.arcanum.enclave.auth.DirectSignModeTest.assertCheck;
import static io.arcanum.enclave.auth.Txs.A;
import static io.arcanum.enclave.auth.Txs.B;
import static io.arcanum.enclave.auth.Txs.CONTRACT;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.seed.ConsensusSeed;
import io.arcanum.crypto.seed.DerivedSecret;
import io.arcanum.crypto.seed.KeySchedule;
import io.arcanum.crypto.seed.SeedList;
import io.arcanum.enclave.api.Coin;
import io.arcanum.enclave.api.SigInfo;
import io.arcanum.enclave.auth.SenderAuthenticationException.Check;
import io.arcanum.enclave.state.CallbackSignature;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MsgUpdateAdmin and MsgClearAdmin (secretjs-api.md §5, protocol.md §8, §10.1): the enclave
 * re-proves an admin only for a change the current admin signed — the same message type, sender,
 * contract and new admin — in every sign mode, or through the callback signature of a contract's
 * admin sub-message.
 */
class AdminMessageAuthTest {
  private static final SenderAuthenticator AUTH = Txs.authenticator();
  private static final byte[] SENDER = Txs.address(A);
  private static final String BOB = Txs.bech32(Txs.address(B));
  private static final String ALICE = Txs.bech32(SENDER);
  private static final byte[] OTHER_CONTRACT = Arrays.copyOf(Txs.address(B), 20);
  private static final DerivedSecret SECRET =
      KeySchedule.derive(
              SeedList.of(List.of(ConsensusSeed.of(new byte[32]), ConsensusSeed.of(filled(9)))))
          .callbackSecret();

  private static byte[] filled(int value) {
    byte[] out = new byte[32];
    Arrays.fill(out, (byte) value);
    return out;
  }

  @Test
  void acceptsDirectSignedUpdateAndClear() {
    SigInfo update = Txs.direct(A, Txs.body(Txs.updateAdminAny(SENDER, CONTRACT, BOB)));
    assertThatCode(() -> AUTH.verify(update, ExpectedMessage.updateAdmin(SENDER, CONTRACT, BOB)))
        .doesNotThrowAnyException();
    SigInfo clear = Txs.direct(A, Txs.body(Txs.clearAdminAny(SENDER, CONTRACT)));
    assertThatCode(() -> AUTH.verify(clear, ExpectedMessage.clearAdmin(SENDER, CONTRACT)))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsAminoSignedUpdateAndClearAsSecretJsWritesThem() {
    SigInfo update =
        Txs.amino(
            A,
            Txs.body(Txs.updateAdminAny(SENDER, CONTRACT, BOB)),
            List.of(Txs.aminoUpdateAdmin(SENDER, CONTRACT, BOB)));
    assertThatCode(() -> AUTH.verify(update, ExpectedMessage.updateAdmin(SENDER, CONTRACT, BOB)))
        .doesNotThrowAnyException();
    SigInfo clear =
        Txs.amino(
            A,
            Txs.body(Txs.clearAdminAny(SENDER, CONTRACT)),
            List.of(Txs.aminoClearAdmin(SENDER, CONTRACT)));
    assertThatCode(() -> AUTH.verify(clear, ExpectedMessage.clearAdmin(SENDER, CONTRACT)))
        .doesNotThrowAnyException();
  }

  @Test
  void picksTheChangeOfThisContractAmongSeveral() {
    byte[] body =
        Txs.body(
            Txs.updateAdminAny(SENDER, OTHER_CONTRACT, ALICE),
            Txs.updateAdminAny(SENDER, CONTRACT, BOB));
    assertThatCode(
            () ->
                AUTH.verify(
                    Txs.direct(A, body), ExpectedMessage.updateAdmin(SENDER, CONTRACT, BOB)))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAnotherNewAdminContractOrKindOfChange() {
    SigInfo update = Txs.direct(A, Txs.body(Txs.updateAdminAny(SENDER, CONTRACT, BOB)));
    assertCheck(update, ExpectedMessage.updateAdmin(SENDER, CONTRACT, ALICE), Check.ADMIN_MISMATCH);
    assertCheck(
        update, ExpectedMessage.updateAdmin(SENDER, OTHER_CONTRACT, BOB), Check.CONTRACT_MISMATCH);
    assertCheck(update, ExpectedMessage.clearAdmin(SENDER, CONTRACT), Check.NO_MATCHING_MESSAGE);
    SigInfo clear = Txs.direct(A, Txs.body(Txs.clearAdminAny(SENDER, CONTRACT)));
    assertCheck(
        clear, ExpectedMessage.updateAdmin(SENDER, CONTRACT, BOB), Check.NO_MATCHING_MESSAGE);
  }

  @Test
  void refusesAChangeSignedByAnotherAccount() {
    // B signs a tx claiming to come from A: the key does not hash to the sender.
    byte[] body = Txs.body(Txs.updateAdminAny(SENDER, CONTRACT, BOB));
    SigInfo byB = Txs.direct(B, body);
    assertCheck(byB, ExpectedMessage.updateAdmin(SENDER, CONTRACT, BOB), Check.SIGNER_NOT_FOUND);
  }

  @Test
  void refusesAminoThatDiffersFromTheBroadcastChange() {
    SigInfo sig =
        Txs.amino(
            A,
            Txs.body(Txs.updateAdminAny(SENDER, CONTRACT, ALICE)),
            List.of(Txs.aminoUpdateAdmin(SENDER, CONTRACT, BOB)));
    assertCheck(sig, ExpectedMessage.updateAdmin(SENDER, CONTRACT, BOB), Check.SIGNED_TX_MISMATCH);
    Map<String, Object> withExtra = Txs.aminoClearAdmin(SENDER, CONTRACT);
    @SuppressWarnings("unchecked")
    Map<String, Object> value = (Map<String, Object>) withExtra.get("value");
    value.put("new_admin", BOB);
    SigInfo extra = Txs.amino(A, Txs.body(Txs.clearAdminAny(SENDER, CONTRACT)), List.of(withExtra));
    assertCheck(extra, ExpectedMessage.clearAdmin(SENDER, CONTRACT), Check.MALFORMED);
  }

  @Test
  void aContractsChangeIsCheckedByACallbackSignatureNamingIt() {
    byte[] change =
        AdminChangeCallback.message(ContractMessageKind.UPDATE_ADMIN, CONTRACT, Txs.address(B));
    SigInfo sig = SigInfo.callback(CallbackSignature.sign(SECRET, change, "[]"));
    assertThatCode(
            () ->
                AUTH.verifyCallback(
                    sig, ExpectedMessage.updateAdmin(SENDER, CONTRACT, BOB), false, SECRET))
        .doesNotThrowAnyException();
    for (ExpectedMessage other :
        List.of(
            ExpectedMessage.updateAdmin(SENDER, CONTRACT, ALICE),
            ExpectedMessage.updateAdmin(SENDER, OTHER_CONTRACT, BOB),
            ExpectedMessage.clearAdmin(SENDER, CONTRACT))) {
      assertThatThrownBy(() -> AUTH.verifyCallback(sig, other, false, SECRET))
          .isInstanceOfSatisfying(
              SenderAuthenticationException.class,
              e ->
                  org.assertj.core.api.Assertions.assertThat(e.check())
                      .isEqualTo(Check.CALLBACK_SIGNATURE));
    }
    // Secret's form, an empty message, would fit every change; it is not accepted.
    SigInfo empty = SigInfo.callback(CallbackSignature.sign(SECRET, new byte[0], "[]"));
    assertThatThrownBy(
            () ->
                AUTH.verifyCallback(
                    empty, ExpectedMessage.updateAdmin(SENDER, CONTRACT, BOB), false, SECRET))
        .isInstanceOf(SenderAuthenticationException.class);
    ExpectedMessage withFunds =
        new ExpectedMessage(
            ContractMessageKind.UPDATE_ADMIN,
            SENDER,
            CONTRACT,
            new byte[0],
            List.of(new Coin("uscrt", "1")),
            BOB);
    assertThatThrownBy(() -> AUTH.verifyCallback(sig, withFunds, false, SECRET))
        .isInstanceOfSatisfying(
            SenderAuthenticationException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.check())
                    .isEqualTo(Check.FUNDS_MISMATCH));
  }
}
