package io.arcanum.chain.app;

import static io.arcanum.chain.app.TestTxs.A;
import static io.arcanum.chain.app.TestTxs.B;
import static io.arcanum.chain.app.TestTxs.C;
import static io.arcanum.chain.app.TestTxs.bech32;
import static io.arcanum.chain.app.TestTxs.send;
import static io.arcanum.chain.app.TestTxs.tx;
import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.chain.abci.Event;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.auth.AccountKeeper;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.cosmos.bank.v1beta1.Input;
import io.arcanum.proto.cosmos.bank.v1beta1.MsgMultiSend;
import io.arcanum.proto.cosmos.bank.v1beta1.Output;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bank send through the whole state machine: the result's data and events in the shapes secretjs
 * reads (secretjs-api.md §6), fees, sequences, the check state, and out-of-gas.
 */
class BankSendTest {
  private static final String FEE_COLLECTOR =
      bech32(AccountKeeper.moduleAddress(AccountKeeper.FEE_COLLECTOR));

  @TempDir Path dir;

  private static String e(Event event) {
    StringBuilder s = new StringBuilder(event.type()).append('{');
    event.attributes().forEach(a -> s.append(a.key()).append('=').append(a.value()).append(';'));
    return s.append('}').toString();
  }

  @Test
  void sendMovesCoinsAndReportsSdkShapedEventsAndData() {
    try (TestChain chain = TestChain.create(dir)) {
      byte[] txBytes = tx(A, send(A, B, 7)).build();
      TxResult result = chain.block(txBytes).txResults().get(0);

      assertThat(result.code()).as(result.log()).isZero();
      assertThat(result.log()).isEmpty();
      assertThat(HexFormat.of().withUpperCase().formatHex(result.data()))
          .isEqualTo(
              "12260A242F636F736D6F732E62616E6B2E763162657461312E4D736753656E64526573706F6E7365");
      assertThat(result.gasWanted()).isEqualTo(200_000);
      assertThat(result.gasUsed()).isBetween(10_000L, 200_000L);

      String a = bech32(A);
      String b = bech32(B);
      String signature =
          Base64.getEncoder()
              .encodeToString(
                  io.arcanum.proto.cosmos.tx.v1beta1.TxRaw.parseFrom(txBytes)
                      .getSignatures(0)
                      .toByteArray());
      assertThat(result.events().stream().map(BankSendTest::e))
          .containsExactly(
              "coin_spent{spender=" + a + ";amount=5000uscrt;}",
              "coin_received{receiver=" + FEE_COLLECTOR + ";amount=5000uscrt;}",
              "transfer{recipient=" + FEE_COLLECTOR + ";sender=" + a + ";amount=5000uscrt;}",
              "message{sender=" + a + ";}",
              "tx{fee=5000uscrt;fee_payer=" + a + ";}",
              "tx{acc_seq=" + a + "/0;}",
              "tx{signature=" + signature + ";}",
              "message{action=/cosmos.bank.v1beta1.MsgSend;sender="
                  + a
                  + ";module=bank;msg_index=0;}",
              "coin_spent{spender=" + a + ";amount=7uscrt;msg_index=0;}",
              "coin_received{receiver=" + b + ";amount=7uscrt;msg_index=0;}",
              "transfer{recipient=" + b + ";sender=" + a + ";amount=7uscrt;msg_index=0;}",
              "message{sender=" + a + ";msg_index=0;}");
      assertThat(result.events()).allMatch(ev -> ev.attributes().stream().allMatch(x -> x.index()));

      assertThat(chain.balance(A)).isEqualTo(TestChain.RICH - 7 - 5_000);
      assertThat(chain.balance(B)).isEqualTo(TestChain.RICH + 7);
      assertThat(chain.balance(FEE_COLLECTOR, 0)).isEqualTo(5_000);
      assertThat(chain.sequence(A)).isEqualTo(1);
      assertThat(chain.account(A).publicKey()).isEqualTo(A.publicKey().compressed());
    } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
      throw new AssertionError(ex);
    }
  }

  @Test
  void aminoJsonSignaturesAndNonCriticalUnknownBodyFieldsAreAccepted() {
    try (TestChain chain = TestChain.create(dir)) {
      byte[] amino = tx(A, send(A, B, 5)).amino().memo("amino").build();
      // field 1025 has the non-critical bit (ADR-020): a newer client may send it
      TestTxs.Tx direct = tx(A, send(A, B, 6)).sequence(1);
      byte[] body =
          io.arcanum.chain.state.KvKeys.concat(
              direct.body().toByteArray(), new byte[] {(byte) 0x88, 0x40, 0x01});
      byte[] authInfo = direct.authInfo().toByteArray();
      byte[] nonCritical =
          TestTxs.raw(
              body, authInfo, A.sign(TestTxs.sha256(direct.signBytes(body, authInfo))).bytes());
      List<TxResult> results = chain.block(amino, nonCritical).txResults();
      assertThat(results.get(0).code()).as(results.get(0).log()).isZero();
      assertThat(results.get(1).code()).as(results.get(1).log()).isZero();
      assertThat(chain.balance(B)).isEqualTo(TestChain.RICH + 11);
    }
  }

  @Test
  void multiSendPaysEveryOutputWithTheSdksEvents() {
    try (TestChain chain = TestChain.create(dir)) {
      String fresh = bech32(new byte[20]);
      MsgMultiSend msg =
          MsgMultiSend.newBuilder()
              .addInputs(Input.newBuilder().setAddress(bech32(A)).addCoins(TestTxs.coin(30)))
              .addOutputs(Output.newBuilder().setAddress(bech32(B)).addCoins(TestTxs.coin(10)))
              .addOutputs(Output.newBuilder().setAddress(fresh).addCoins(TestTxs.coin(20)))
              .build();
      TxResult result = chain.block(tx(A, ProtoTypes.pack(msg)).build()).txResults().get(0);

      assertThat(result.code()).as(result.log()).isZero();
      assertThat(result.events().subList(7, result.events().size()).stream().map(BankSendTest::e))
          .containsExactly(
              "message{action=/cosmos.bank.v1beta1.MsgMultiSend;sender="
                  + bech32(A)
                  + ";module=bank;msg_index=0;}",
              "coin_spent{spender=" + bech32(A) + ";amount=30uscrt;msg_index=0;}",
              "message{sender=" + bech32(A) + ";msg_index=0;}",
              "coin_received{receiver=" + bech32(B) + ";amount=10uscrt;msg_index=0;}",
              "transfer{recipient=" + bech32(B) + ";amount=10uscrt;msg_index=0;}",
              "coin_received{receiver=" + fresh + ";amount=20uscrt;msg_index=0;}",
              "transfer{recipient=" + fresh + ";amount=20uscrt;msg_index=0;}");
      assertThat(chain.balance(fresh, 0)).isEqualTo(20);
      // the new recipient got the next account number: after a, b, c, d and the fee collector
      assertThat(chain.account(fresh).accountNumber()).isEqualTo(5);
    }
  }

  @Test
  void eachMessageGetsItsOwnIndexAndAllRevertWhenOneFails() {
    try (TestChain chain = TestChain.create(dir)) {
      TxResult ok = chain.block(tx(A, send(A, B, 1), send(A, C, 2)).build()).txResults().get(0);
      assertThat(
              ok.events().stream().filter(ev -> ev.type().equals("message")).map(BankSendTest::e))
          .contains(
              "message{action=/cosmos.bank.v1beta1.MsgSend;sender="
                  + bech32(A)
                  + ";module=bank;msg_index=1;}");
      assertThat(ok.data()).hasSize(2 * 40);

      long a = chain.balance(A);
      long b = chain.balance(B);
      TxResult failed =
          chain
              .block(tx(A, send(A, B, 1), send(A, B, TestChain.RICH * 2)).sequence(1).build())
              .txResults()
              .get(0);
      assertThat(failed.code()).isEqualTo(5);
      assertThat(failed.codespace()).isEqualTo("sdk");
      assertThat(failed.log())
          .isEqualTo(
              "failed to execute message; message index: 1: spendable balance "
                  + (a - 5_000 - 1)
                  + "uscrt is smaller than "
                  + TestChain.RICH * 2
                  + "uscrt: insufficient funds");
      assertThat(failed.data()).isEmpty();
      assertThat(failed.events()).hasSize(7).noneMatch(ev -> ev.attribute("msg_index") != null);
      // the fee and the sequence stay; the first message's transfer is reverted
      assertThat(chain.balance(A)).isEqualTo(a - 5_000);
      assertThat(chain.balance(B)).isEqualTo(b);
      assertThat(chain.sequence(A)).isEqualTo(2);
    }
  }

  @Test
  void outOfGasInAMessageKeepsFeeAndSequenceAndRevertsTheMessages() {
    try (TestChain chain = TestChain.create(dir)) {
      // checkTx runs the ante handler only: its gas plus a little is too little for three sends
      long anteGas = chain.app.checkTx(tx(A, send(A, B, 1)).build()).gasUsed();
      long limit = anteGas + 5_000;
      byte[] txBytes = tx(A, send(A, B, 1), send(A, B, 1), send(A, B, 1)).gas(limit).build();
      TxResult result = chain.block(txBytes).txResults().get(0);

      assertThat(result.code()).as(result.log()).isEqualTo(11);
      assertThat(result.codespace()).isEqualTo("sdk");
      assertThat(result.log())
          .matches(
              "out of gas in location: \\w+; gasWanted: " + limit + ", gasUsed: \\d+: out of gas");
      assertThat(result.gasWanted()).isEqualTo(limit);
      assertThat(result.gasUsed()).isEqualTo(limit);
      assertThat(result.events()).hasSize(7);
      assertThat(chain.balance(A)).isEqualTo(TestChain.RICH - 5_000);
      assertThat(chain.balance(B)).isEqualTo(TestChain.RICH);
      assertThat(chain.sequence(A)).isEqualTo(1);
    }
  }

  @Test
  void checkStateAdvancesSequencesUntilTheNextCommit() {
    try (TestChain chain = TestChain.create(dir)) {
      byte[] first = tx(A, send(A, B, 1)).sequence(0).build();
      byte[] second = tx(A, send(A, B, 2)).sequence(1).build();
      assertThat(chain.app.checkTx(first).code()).isZero();
      TxResult next = chain.app.checkTx(second);
      assertThat(next.code()).as(next.log()).isZero();
      assertThat(next.events()).isEmpty();
      assertThat(next.gasUsed()).isPositive();

      TxResult again = chain.app.checkTx(first);
      assertThat(again.code()).isEqualTo(19);
      assertThat(again.log()).isEqualTo("tx already in mempool");
      TxResult replay = chain.app.checkTx(tx(A, send(A, B, 3)).sequence(0).build());
      assertThat(replay.log())
          .isEqualTo("account sequence mismatch, expected 2, got 0: incorrect account sequence");
      // nothing committed yet
      assertThat(chain.sequence(A)).isZero();
      assertThat(chain.balance(A)).isEqualTo(TestChain.RICH);

      chain.block(first);
      // the check state is the committed state again: the mempool's second tx re-checks fine
      assertThat(chain.app.checkTx(second).code()).isZero();
      assertThat(chain.app.checkTx(first).log())
          .isEqualTo("account sequence mismatch, expected 2, got 0: incorrect account sequence");
    }
  }
}
