package io.arcanum.chain.app;

import static io.arcanum.chain.app.TestTxs.A;
import static io.arcanum.chain.app.TestTxs.B;
import static io.arcanum.chain.app.TestTxs.C;
import static io.arcanum.chain.app.TestTxs.D;
import static io.arcanum.chain.app.TestTxs.bech32;
import static io.arcanum.chain.app.TestTxs.send;
import static io.arcanum.chain.app.TestTxs.tx;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.crypto.secp256k1.Secp256k1;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.cosmos.bank.v1beta1.MsgSend;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a tx can be refused before its messages run gets the Cosmos SDK's code, codespace and
 * log (secretjs-api.md §4.4), in checkTx and in a block, and changes nothing: the same app hash,
 * balances and sequences (the check state too: a valid tx with the old sequence still passes).
 */
class AnteRejectionTest {
  /** A fresh key with no account. */
  private static final Secp256k1PrivateKey E =
      Secp256k1PrivateKey.fromBytes(TestTxs.sha256("no account".getBytes()));

  @TempDir Path dir;

  /**
   * @param log the expected log, given the height the tx runs at (the check state's is the last
   *     committed one)
   */
  record Case(
      String name,
      Function<TestChain, byte[]> tx,
      int code,
      String codespace,
      LongFunction<String> log) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case sdk(String name, Function<TestChain, byte[]> tx, int code, String log) {
    return new Case(name, tx, code, "sdk", h -> log);
  }

  private static final String SIGNATURE_FAILED =
      "signature verification failed; please verify account number (0) and chain-id"
          + " (secretdev-1): unauthorized";

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    cases.add(
        sdk(
            "truncated bytes",
            c -> new byte[] {0x0a, 0x05, 0x01},
            2,
            "invalid length; proto: cannot parse invalid wire-format data: tx parse error"));
    cases.add(
        sdk(
            "not protobuf",
            c -> "hello".getBytes(),
            2,
            "expected 2 wire type, got 0: tx parse error"));
    cases.add(
        sdk(
            "TxRaw fields out of order",
            c -> {
              TxRaw raw = raw(tx(A, send(A, B, 1)).build());
              return concat(
                  field(2, raw.getAuthInfoBytes()),
                  field(1, raw.getBodyBytes()),
                  field(3, raw.getSignatures(0)));
            },
            2,
            "txRaw must follow ADR-027, got tagNum 1 after tagNum 2: tx parse error"));
    cases.add(
        sdk(
            "TxRaw length prefix not minimal",
            c -> {
              TxRaw raw = raw(tx(A, send(A, B, 1)).build());
              byte[] body = raw.getBodyBytes().toByteArray();
              // 0x0a, then the body length as a two-byte varint although it fits in one
              byte[] padded = {0x0a, (byte) (0x80 | body.length), 0x00};
              return concat(
                  padded, body, field(2, raw.getAuthInfoBytes()), field(3, raw.getSignatures(0)));
            },
            2,
            "length prefix varint for tagNum 1 is not as short as possible, read 2, only need 1: tx"
                + " parse error"));
    cases.add(
        sdk(
            "unknown critical field in the body",
            c ->
                signedWithBody(
                    A, concat(tx(A, send(A, B, 1)).body().toByteArray(), new byte[] {0x28, 0x01})),
            2,
            "errUnknownField \"cosmos.tx.v1beta1.TxBody\": {TagNum: 5, WireType:\"varint\"}: tx"
                + " parse error"));
    cases.add(
        sdk(
            "unknown field inside a message",
            c -> {
              Any message = send(A, B, 1);
              Any extended =
                  message.toBuilder()
                      .setValue(
                          message.getValue().concat(ByteString.copyFrom(new byte[] {0x48, 0x01})))
                      .build();
              return tx(A, extended).build();
            },
            2,
            "errUnknownField \"cosmos.bank.v1beta1.MsgSend\": {TagNum: 9, WireType:\"varint\"}: tx"
                + " parse error"));
    cases.add(
        sdk(
            "unknown message type",
            c -> tx(A, Any.newBuilder().setTypeUrl("/cosmos.gov.v1beta1.MsgVote").build()).build(),
            2,
            "unable to resolve type URL /cosmos.gov.v1beta1.MsgVote: tx parse error"));
    cases.add(
        sdk(
            "message type without a handler",
            c -> tx(A, ProtoTypes.pack(MsgStoreCode.getDefaultInstance())).build(),
            6,
            "no message handler found for /secret.compute.v1beta1.MsgStoreCode: unknown request"));
    cases.add(
        sdk(
            "no messages",
            c -> tx(A).build(),
            18,
            "must contain at least one message: invalid request"));
    cases.add(
        sdk(
            "oversized",
            c -> new byte[3 * 1024 * 1024 + 1],
            21,
            "tx is 3145729 bytes, the maximum is 3145728: tx too large"));
    cases.add(
        sdk(
            "wrong chain id",
            c -> tx(A, send(A, B, 1)).chainId("secretdev-2").build(),
            4,
            SIGNATURE_FAILED));
    cases.add(
        sdk(
            "wrong account number",
            c -> tx(A, send(A, B, 1)).accountNumber(1).build(),
            4,
            SIGNATURE_FAILED));
    cases.add(
        sdk(
            "bad signature",
            c -> {
              TestTxs.Tx t = tx(A, send(A, B, 1));
              byte[] sig = raw(t.build()).getSignatures(0).toByteArray();
              sig[10] ^= 1;
              return t.buildWithSignature(sig);
            },
            4,
            SIGNATURE_FAILED));
    cases.add(
        sdk(
            "high-S signature",
            c -> {
              TestTxs.Tx t = tx(A, send(A, B, 1));
              byte[] sig = raw(t.build()).getSignatures(0).toByteArray();
              BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
              byte[] high = Secp256k1.CURVE_ORDER.subtract(s).toByteArray();
              byte[] out = Arrays.copyOf(sig, 64);
              Arrays.fill(out, 32, 64, (byte) 0);
              System.arraycopy(
                  high,
                  Math.max(0, high.length - 32),
                  out,
                  64 - Math.min(32, high.length),
                  Math.min(32, high.length));
              return t.buildWithSignature(out);
            },
            4,
            SIGNATURE_FAILED));
    cases.add(
        sdk(
            "signature of 65 bytes",
            c -> tx(A, send(A, B, 1)).buildWithSignature(new byte[65]),
            4,
            SIGNATURE_FAILED));
    cases.add(
        sdk(
            "missing signature",
            c -> tx(A, send(A, B, 1)).buildUnsigned(),
            15,
            "no signatures supplied"));
    cases.add(
        sdk(
            "wrong sequence",
            c -> tx(A, send(A, B, 1)).sequence(5).build(),
            32,
            "account sequence mismatch, expected 0, got 5: incorrect account sequence"));
    cases.add(
        sdk(
            "gas limit above 2^63-1",
            c -> tx(A, send(A, B, 1)).gas(-1L).build(),
            18,
            "invalid gas supplied; 18446744073709551615 > 9223372036854775807: invalid request"));
    // As in the SDK, the params read before the size charge is the first thing to run out.
    cases.add(
        sdk(
            "zero gas",
            c -> tx(A, send(A, B, 1)).gas(0).build(),
            11,
            "out of gas in location: ReadFlat; gasWanted: 0, gasUsed: 1000: out of gas"));
    cases.add(
        sdk(
            "memo too long",
            c -> tx(A, send(A, B, 1)).memo("x".repeat(257)).build(),
            12,
            "maximum number of characters is 256 but received 257 characters: memo too large"));
    cases.add(
        new Case(
            "timeout height passed",
            c -> tx(A, send(A, B, 1)).timeoutHeight(1).build(),
            30,
            "sdk",
            h -> "block height: " + h + ", timeout height: 1: tx timeout height"));
    cases.add(
        sdk(
            "extension option",
            c -> tx(A, send(A, B, 1)).extensionOption(send(A, B, 1)).build(),
            31,
            "unknown extension options"));
    cases.add(
        sdk(
            "multisig public key",
            c ->
                tx(A, send(A, B, 1))
                    .publicKey(
                        Any.newBuilder()
                            .setTypeUrl("/cosmos.crypto.multisig.LegacyAminoPubKey")
                            .build())
                    .build(),
            8,
            "unsupported public key type /cosmos.crypto.multisig.LegacyAminoPubKey; only"
                + " /cosmos.crypto.secp256k1.PubKey is supported: invalid pubkey"));
    cases.add(
        sdk(
            "no public key on a new account",
            c -> tx(A, send(A, B, 1)).withoutPublicKey().build(),
            8,
            "pubkey on account is not set: invalid pubkey"));
    cases.add(
        sdk(
            "signer is not the sender",
            c -> tx(A, send(B, C, 1)).accountNumber(1).build(),
            8,
            "pubKey does not match signer address "
                + bech32(B)
                + " with signer index: 0: invalid pubkey"));
    cases.add(
        sdk(
            "two signers, one signature",
            c -> tx(A, send(A, B, 1), send(B, A, 1)).build(),
            4,
            "wrong number of signers; expected 2, got 1: unauthorized"));
    cases.add(
        sdk(
            "account does not exist",
            c -> tx(E, send(E, A, 1)).build(),
            9,
            "fee payer address: " + bech32(E) + " does not exist: unknown address"));
    cases.add(
        sdk(
            "fee above the balance",
            c -> tx(C, send(C, A, 1)).accountNumber(2).build(),
            5,
            "spendable balance 10uscrt is smaller than 5000uscrt: insufficient funds: insufficient"
                + " funds"));
    cases.add(
        sdk(
            "fee from an account without coins",
            c -> tx(D, send(D, A, 1)).accountNumber(3).build(),
            5,
            "spendable balance 0uscrt is smaller than 5000uscrt: insufficient funds: insufficient"
                + " funds"));
    return cases;
  }

  static Stream<Arguments> casesInBothModes() {
    return cases().stream()
        .flatMap(c -> Stream.of(Arguments.of(c, "checkTx"), Arguments.of(c, "finalizeBlock")));
  }

  /** Two empty blocks, so heights are past the timeout of 1 in both modes. */
  private TestChain chain() {
    TestChain chain = TestChain.create(dir);
    chain.block();
    chain.block();
    return chain;
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("casesInBothModes")
  void isRefusedWithTheSdkErrorAndChangesNothing(Case c, String mode) {
    try (TestChain chain = chain()) {
      byte[] before = chain.app.info().lastAppHash();
      long a = chain.balance(A);
      TxResult result;
      long height;
      if (mode.equals("checkTx")) {
        height = chain.height();
        result = chain.app.checkTx(c.tx().apply(chain));
      } else {
        height = chain.height() + 1;
        BlockResult block = chain.block(c.tx().apply(chain));
        result = block.txResults().get(0);
        assertThat(block.appHash()).isEqualTo(before);
      }
      assertThat(result.code()).as(result.log()).isEqualTo(c.code());
      assertThat(result.codespace()).isEqualTo(c.codespace());
      assertThat(result.log()).isEqualTo(c.log().apply(height));
      assertThat(result.data()).isEmpty();
      assertThat(result.events()).isEmpty();

      assertThat(chain.app.info().lastAppHash()).isEqualTo(before);
      assertThat(chain.balance(A)).isEqualTo(a);
      assertThat(chain.sequence(A)).isZero();
      assertThat(chain.account(A).publicKey()).isNull();
      // the check state did not move either: a's first tx is still the next one
      TxResult next = chain.app.checkTx(tx(A, send(A, B, 2)).build());
      assertThat(next.code()).as(next.log()).isZero();
    }
  }

  @Test
  void feeBelowTheMinimumGasPriceIsRefusedByCheckTxOnlyAsInTheSdk() {
    try (TestChain chain = TestChain.create(dir)) {
      byte[] cheap = tx(A, send(A, B, 1)).fee(1).build();
      TxResult checked = chain.app.checkTx(cheap);
      assertThat(checked.code()).isEqualTo(13);
      assertThat(checked.log())
          .isEqualTo("insufficient fees; got: 1uscrt required: 2500uscrt: insufficient fee");
      // 200000 × 0.0125 = 2500 exactly passes
      assertThat(chain.app.checkTx(tx(A, send(A, B, 2)).fee(2_500).build()).code()).isZero();
      // consensus does not depend on a node's minimum gas price
      TxResult delivered = chain.block(cheap).txResults().get(0);
      assertThat(delivered.code()).as(delivered.log()).isZero();
      assertThat(chain.balance(A)).isEqualTo(TestChain.RICH - 1 - 1);
    }
  }

  @Test
  void gasLimitAboveTheBlockMaxGasIsInvalid() {
    try (TestChain chain =
        TestChain.create(dir, ChainConfig.defaults(TestTxs.CHAIN_ID).withMaxBlockGas(1_000_000))) {
      TxResult result = chain.app.checkTx(tx(A, send(A, B, 1)).gas(1_000_001).fee(20_000).build());
      assertThat(result.code()).isEqualTo(41);
      assertThat(result.log())
          .isEqualTo("tx gas limit 1000001 exceeds block max gas 1000000: invalid gas limit");
      assertThat(chain.app.checkTx(tx(A, send(A, B, 1)).gas(1_000_000).fee(20_000).build()).code())
          .isZero();
    }
  }

  @Test
  void invalidBankMessagesFailAfterTheFeeIsPaid() {
    try (TestChain chain = TestChain.create(dir)) {
      Any badRecipient =
          ProtoTypes.pack(
              MsgSend.newBuilder()
                  .setFromAddress(bech32(A))
                  .setToAddress("secret1nothing")
                  .addAmount(TestTxs.coin(1))
                  .build());
      TxResult r1 = chain.block(tx(A, badRecipient).build()).txResults().get(0);
      assertThat(r1.code()).isEqualTo(7);
      assertThat(r1.log())
          .startsWith(
              "failed to execute message; message index: 0: invalid to address secret1nothing: ");
      assertThat(r1.log()).endsWith(": invalid address");

      Any zero = send(A, B, 0);
      TxResult r2 = chain.block(tx(A, zero).sequence(1).build()).txResults().get(0);
      assertThat(r2.code()).isEqualTo(10);
      assertThat(r2.log())
          .isEqualTo("failed to execute message; message index: 0: 0uscrt: invalid coins");

      Any toCollector =
          send(
              bech32(A),
              bech32(io.arcanum.chain.auth.AccountKeeper.moduleAddress("fee_collector")),
              1);
      TxResult r3 = chain.block(tx(A, toCollector).sequence(2).build()).txResults().get(0);
      assertThat(r3.code()).isEqualTo(4);
      assertThat(r3.log()).endsWith(" is not allowed to receive funds: unauthorized");

      Any badSender = send("secret1bad", bech32(B), 1);
      TxResult r4 = chain.app.checkTx(tx(A, badSender).sequence(3).build());
      assertThat(r4.code()).isEqualTo(7);
      assertThat(r4.log()).startsWith("invalid from address secret1bad: ");

      assertThat(chain.sequence(A)).isEqualTo(3);
      assertThat(chain.balance(A)).isEqualTo(TestChain.RICH - 3 * 5_000);
    }
  }

  private static TxRaw raw(byte[] bytes) {
    try {
      return TxRaw.parseFrom(bytes);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] field(int number, ByteString value) {
    ByteString.Output out = ByteString.newOutput();
    try {
      com.google.protobuf.CodedOutputStream coded =
          com.google.protobuf.CodedOutputStream.newInstance(out);
      coded.writeBytes(number, value);
      coded.flush();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteString().toByteArray().length == 0
        ? new byte[0]
        : out.toByteString().toByteArray();
  }

  private static byte[] field(int number, byte[] value) {
    return field(number, ByteString.copyFrom(value));
  }

  private static byte[] concat(byte[]... parts) {
    return io.arcanum.chain.state.KvKeys.concat(parts);
  }

  /** A DIRECT tx of {@code signer} whose body bytes are exactly {@code body}. */
  private static byte[] signedWithBody(Secp256k1PrivateKey signer, byte[] body) {
    TestTxs.Tx t = tx(signer, send(signer, B, 1));
    byte[] authInfo = t.authInfo().toByteArray();
    byte[] signature = signer.sign(TestTxs.sha256(t.signBytes(body, authInfo))).bytes();
    return TestTxs.raw(body, authInfo, signature);
  }
}
