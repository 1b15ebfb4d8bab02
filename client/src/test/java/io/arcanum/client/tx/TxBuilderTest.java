package io.arcanum.client.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.client.LocalSecret;
import io.arcanum.client.wallet.Wallet;
import io.arcanum.client.wallet.WalletOptions;
import io.arcanum.crypto.secp256k1.Secp256k1Signature;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.cosmos.bank.v1beta1.MsgSend;
import io.arcanum.proto.cosmos.tx.signing.v1beta1.SignMode;
import io.arcanum.proto.cosmos.tx.v1beta1.AuthInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.Fee;
import io.arcanum.proto.cosmos.tx.v1beta1.ModeInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.SignDoc;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import io.arcanum.proto.signing.SignDocs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Txs in secret.js's exact bytes (secretjs-api.md §4.3) and both sign modes. */
class TxBuilderTest {
  static final HexFormat HEX = HexFormat.of();
  static final Wallet A = Wallet.fromMnemonic(LocalSecret.A.mnemonic());

  static Any send(String memoAmount) {
    return ProtoTypes.pack(
        MsgSend.newBuilder()
            .setFromAddress(LocalSecret.A.address())
            .setToAddress(LocalSecret.B.address())
            .addAmount(Coins.of(Long.parseLong(memoAmount), "uscrt"))
            .build());
  }

  @Test
  void feeAndModeInfoHaveTheBytesObservedFromSecretJs() {
    Fee fee = TxBuilder.fee(200_000, GasPrice.DEFAULT, "");
    assertThat(HEX.formatHex(fee.toByteArray()))
        .isEqualTo("0a0e0a0575736372741205323030303010c09a0c");
    AuthInfo authInfo = TxBuilder.authInfo(A.publicKeyAny(), 3, fee, SignMode.SIGN_MODE_DIRECT);
    ModeInfo modeInfo = authInfo.getSignerInfos(0).getModeInfo();
    assertThat(HEX.formatHex(modeInfo.toByteArray())).isEqualTo("0a020801");

    // AuthInfo{1 SignerInfo{1 PubKey Any, 2 ModeInfo, 3 sequence 3}, 2 Fee}
    String pubKey = "0a21" + "034ee8249f67e136139c3ed94ad63288f6c1de45ce66fa883247211a698f440cdf";
    String any =
        "0a1f"
            + HEX.formatHex("/cosmos.crypto.secp256k1.PubKey".getBytes(StandardCharsets.US_ASCII))
            + "1223"
            + pubKey;
    String signerInfo = "0a46" + any + "1204" + "0a020801" + "1803";
    assertThat(HEX.formatHex(authInfo.toByteArray()))
        .isEqualTo("0a50" + signerInfo + "1214" + "0a0e0a0575736372741205323030303010c09a0c");
  }

  @Test
  void thePublicKeyIsInTheSignerInfoAtEverySequence() {
    Fee fee = TxBuilder.fee(100_000, GasPrice.DEFAULT, "");
    for (long sequence : new long[] {0, 1, 12345}) {
      AuthInfo authInfo =
          TxBuilder.authInfo(A.publicKeyAny(), sequence, fee, SignMode.SIGN_MODE_DIRECT);
      assertThat(authInfo.getSignerInfos(0).hasPublicKey()).isTrue();
      assertThat(authInfo.getSignerInfos(0).getSequence()).isEqualTo(sequence);
    }
  }

  @Test
  void directSignsTheSignDocOfTheExactBytesItSends() throws Exception {
    for (long accountNumber : new long[] {0, 5}) {
      SignedTx tx =
          TxBuilder.sign(
              A,
              List.of(send("1")),
              TxBuilder.fee(200_000, GasPrice.DEFAULT, ""),
              "hello",
              new SignerData(accountNumber, 3, "secretdev-1"));
      TxRaw raw = tx.raw();
      byte[] signDoc =
          SignDocs.direct(raw.getBodyBytes(), raw.getAuthInfoBytes(), "secretdev-1", accountNumber);
      // SignDoc{1 body, 2 auth info, 3 chain id, 4 account number (absent when 0)}
      String tail =
          "1a0b"
              + HEX.formatHex("secretdev-1".getBytes(StandardCharsets.US_ASCII))
              + (accountNumber == 0 ? "" : "2005");
      assertThat(HEX.formatHex(signDoc)).endsWith(tail);
      assertThat(SignDoc.parseFrom(signDoc).getBodyBytes()).isEqualTo(raw.getBodyBytes());
      assertThat(verifies(signDoc, raw)).isTrue();
      assertThat(tx.body().getMemo()).isEqualTo("hello");
      assertThat(tx.body().getMessages(0)).isEqualTo(send("1"));
      assertThat(tx.authInfo().getSignerInfos(0).getModeInfo().getSingle().getMode())
          .isEqualTo(SignMode.SIGN_MODE_DIRECT);
      // another chain id or account number is another sign doc
      assertThat(
              verifies(
                  SignDocs.direct(
                      raw.getBodyBytes(), raw.getAuthInfoBytes(), "secret-4", accountNumber),
                  raw))
          .isFalse();
    }
  }

  @Test
  void aminoSignsTheSortedStdSignDoc() throws Exception {
    Wallet amino =
        Wallet.fromMnemonic(LocalSecret.A.mnemonic(), WalletOptions.defaults().withLegacyAmino());
    Fee fee = TxBuilder.fee(200_000, GasPrice.DEFAULT, "");
    SignedTx tx =
        TxBuilder.sign(amino, List.of(send("1")), fee, "hi", new SignerData(7, 3, "secretdev-1"));
    assertThat(tx.authInfo().getSignerInfos(0).getModeInfo().getSingle().getMode())
        .isEqualTo(SignMode.SIGN_MODE_LEGACY_AMINO_JSON);
    byte[] signBytes =
        SignDocs.aminoJson(
            tx.body(),
            fee,
            "secretdev-1",
            7,
            3,
            raw -> new io.arcanum.crypto.address.CosmosAddress(raw).toBech32("secret"));
    assertThat(new String(signBytes, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"account_number\":\"7\",\"chain_id\":\"secretdev-1\",\"fee\":{\"amount\":"
                + "[{\"amount\":\"20000\",\"denom\":\"uscrt\"}],\"gas\":\"200000\"},\"memo\":\"hi\","
                + "\"msgs\":[{\"type\":\"cosmos-sdk/MsgSend\",\"value\":{\"amount\":[{\"amount\":"
                + "\"1\",\"denom\":\"uscrt\"}],\"from_address\":\""
                + LocalSecret.A.address()
                + "\",\"to_address\":\""
                + LocalSecret.B.address()
                + "\"}}],\"sequence\":\"3\"}");
    assertThat(verifies(signBytes, tx.raw())).isTrue();
  }

  @Test
  void aMessageWithoutAnAminoFormCannotBeSignedInAminoMode() {
    Wallet amino =
        Wallet.fromMnemonic(LocalSecret.A.mnemonic(), WalletOptions.defaults().withLegacyAmino());
    Any vote = Any.newBuilder().setTypeUrl("/cosmos.gov.v1beta1.MsgVote").build();
    assertThatThrownBy(
            () ->
                TxBuilder.sign(
                    amino,
                    List.of(vote),
                    TxBuilder.fee(1, GasPrice.DEFAULT, ""),
                    "",
                    new SignerData(0, 0, "secretdev-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("message type /cosmos.gov.v1beta1.MsgVote has no amino JSON form");
  }

  @Test
  void theHashIsUpperHexSha256OfTheTxBytesAndParsingKeepsThem() throws Exception {
    SignedTx tx =
        TxBuilder.sign(
            A,
            List.of(send("2")),
            TxBuilder.fee(100_000, GasPrice.DEFAULT, ""),
            "",
            new SignerData(0, 0, "secretdev-1"));
    byte[] bytes = tx.txBytes();
    assertThat(tx.hash())
        .isEqualTo(
            HexFormat.of()
                .withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
        .matches("[0-9A-F]{64}");
    assertThat(SignedTx.parse(bytes).hash()).isEqualTo(tx.hash());
    assertThat(tx.raw().getSignaturesCount()).isEqualTo(1);
    assertThat(tx.raw().getSignatures(0).size()).isEqualTo(64);
    assertThatThrownBy(() -> SignedTx.parse(new byte[] {(byte) 0xff}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tx bytes are not a TxRaw");
  }

  @Test
  void aSimulationTxCarriesSixtyFourZeroBytes() {
    SignedTx tx =
        TxBuilder.forSimulation(
            A.publicKeyAny(),
            SignMode.SIGN_MODE_DIRECT,
            List.of(send("1")),
            TxBuilder.fee(25_000, GasPrice.DEFAULT, ""),
            "",
            4);
    assertThat(tx.raw().getSignatures(0)).isEqualTo(ByteString.copyFrom(new byte[64]));
    assertThat(tx.authInfo().getSignerInfos(0).getSequence()).isEqualTo(4);
  }

  @Test
  void aTxNeedsAMessage() {
    assertThatThrownBy(() -> TxBuilder.body(List.of(), ""))
        .hasMessage("a tx needs at least one message");
  }

  @Test
  void aFeeGranterGoesIntoTheFee() {
    Fee fee = TxBuilder.fee(10, GasPrice.DEFAULT, LocalSecret.B.address());
    assertThat(fee.getGranter()).isEqualTo(LocalSecret.B.address());
    assertThat(fee.getAmount(0).getAmount()).isEqualTo("1");
  }

  private static boolean verifies(byte[] signBytes, TxRaw raw) throws Exception {
    return A.publicKey()
        .isValid(
            MessageDigest.getInstance("SHA-256").digest(signBytes),
            new Secp256k1Signature(raw.getSignatures(0).toByteArray()));
  }
}
