package io.arcanum.enclave.auth;

import static io.arcanum.enclave.auth.Txs.A;
import static io.arcanum.enclave.auth.Txs.B;
import static io.arcanum.enclave.auth.Txs.CONTRACT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.secp256k1.Secp256k1;
import io.arcanum.crypto.secp256k1.Secp256k1Signature;
import io.arcanum.enclave.api.Coin;
import io.arcanum.enclave.api.SigInfo;
import io.arcanum.enclave.auth.SenderAuthenticationException.Check;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SIGN_MODE_DIRECT txs (the secretjs Wallet default): protocol.md §10.1 items 1–5. */
class DirectSignModeTest {
  private static final SenderAuthenticator AUTH = Txs.authenticator();
  private static final byte[] SENDER = Txs.address(A);
  private static final List<Coin> FUNDS =
      List.of(new Coin("uscrt", "1000"), new Coin("ibc/27", "5"));

  private final Random random = new Random(0x5ec7e7L);
  private final byte[] input = Txs.envelope(random);

  private SigInfo signedExecute(List<Coin> funds) {
    return Txs.direct(A, Txs.body(Txs.executeAny(SENDER, CONTRACT, input, funds)));
  }

  @Test
  void usesLocalSecretAccountA() {
    assertThat(java.util.Base64.getEncoder().encodeToString(A.publicKey().compressed()))
        .isEqualTo("A07oJJ9n4TYTnD7ZStYyiPbB3kXOZvqIMkchGmmPRAzf");
    assertThat(Txs.bech32(SENDER)).isEqualTo("secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03");
  }

  @Test
  void acceptsDirectSignedExecute() {
    SigInfo sig = signedExecute(FUNDS);
    assertThatCode(() -> AUTH.verify(sig, ExpectedMessage.execute(SENDER, CONTRACT, input, FUNDS)))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsDirectSignedInstantiateWithAdmin() {
    String admin = Txs.bech32(Txs.address(B));
    SigInfo sig =
        Txs.direct(A, Txs.body(Txs.instantiateAny(SENDER, 1, "counter", input, FUNDS, admin)));
    assertThatCode(() -> AUTH.verify(sig, ExpectedMessage.instantiate(SENDER, input, FUNDS, admin)))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsDirectSignedMigrate() {
    SigInfo sig = Txs.direct(A, Txs.body(Txs.migrateAny(SENDER, CONTRACT, 2, input)));
    assertThatCode(() -> AUTH.verify(sig, ExpectedMessage.migrate(SENDER, CONTRACT, input)))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsTheMatchingMessageWhenItIsSecondOfSeveral() {
    byte[] other = Txs.envelope(random);
    byte[] body =
        Txs.body(
            Txs.any("/cosmos.bank.v1beta1.MsgSend", new byte[] {0x0a, 0x01, 0x41}),
            Txs.executeAny(SENDER, CONTRACT, other, List.of()),
            Txs.executeAny(SENDER, CONTRACT, input, FUNDS));
    assertThatCode(
            () ->
                AUTH.verify(
                    Txs.direct(A, body), ExpectedMessage.execute(SENDER, CONTRACT, input, FUNDS)))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsAnAmountWrittenWithLeadingZerosAsTheSameAmount() {
    // Secret's enclave reads amounts as u128, so "01000" in the tx is the 1000 the node reports.
    SigInfo sig = signedExecute(List.of(new Coin("uscrt", "01000")));
    assertThatCode(
            () ->
                AUTH.verify(
                    sig,
                    ExpectedMessage.execute(
                        SENDER, CONTRACT, input, List.of(new Coin("uscrt", "1000")))))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesASignatureMadeByAnotherKey() {
    byte[] body = Txs.body(Txs.executeAny(SENDER, CONTRACT, input, FUNDS));
    byte[] authInfo = Txs.authInfo(SigInfo.SIGN_MODE_DIRECT, A.publicKey());
    byte[] doc = Txs.signDoc(body, authInfo);
    byte[] forged = Txs.signSha256(B, doc);
    SigInfo sig = new SigInfo(Txs.txRaw(body, authInfo, forged), doc, 1, null, forged, null);
    assertCheck(sig, ExpectedMessage.execute(SENDER, CONTRACT, input, FUNDS), Check.BAD_SIGNATURE);
  }

  static IntStream signatureBits() {
    return new Random(42).ints(8, 0, 512);
  }

  @ParameterizedTest
  @MethodSource("signatureBits")
  void refusesASignatureWithOneBitFlipped(int bit) {
    SigInfo good = signedExecute(FUNDS);
    byte[] bad = good.signature();
    bad[bit / 8] ^= (byte) (1 << (bit % 8));
    // The tx carries the same altered signature, so only the signature check can catch it.
    byte[] body = Txs.body(Txs.executeAny(SENDER, CONTRACT, input, FUNDS));
    byte[] authInfo = Txs.authInfo(SigInfo.SIGN_MODE_DIRECT, A.publicKey());
    SigInfo sig = new SigInfo(Txs.txRaw(body, authInfo, bad), good.signBytes(), 1, null, bad, null);
    assertCheck(sig, ExpectedMessage.execute(SENDER, CONTRACT, input, FUNDS), Check.BAD_SIGNATURE);
  }

  @Test
  void refusesTheHighSFormOfAValidSignature() {
    SigInfo good = signedExecute(FUNDS);
    Secp256k1Signature low = new Secp256k1Signature(good.signature());
    byte[] high = Secp256k1Signature.of(low.r(), Secp256k1.CURVE_ORDER.subtract(low.s())).bytes();
    byte[] body = Txs.body(Txs.executeAny(SENDER, CONTRACT, input, FUNDS));
    byte[] authInfo = Txs.authInfo(SigInfo.SIGN_MODE_DIRECT, A.publicKey());
    SigInfo sig =
        new SigInfo(Txs.txRaw(body, authInfo, high), good.signBytes(), 1, null, high, null);
    assertThatThrownBy(
            () -> AUTH.verify(sig, ExpectedMessage.execute(SENDER, CONTRACT, input, FUNDS)))
        .isInstanceOf(SenderAuthenticationException.class)
        .hasMessageContaining("high-S")
        .extracting(e -> ((SenderAuthenticationException) e).check())
        .isEqualTo(Check.BAD_SIGNATURE);
  }

  @Test
  void refusesATxSignedByAnAccountOtherThanTheSender() {
    // b signs a message that names a as sender; a never signed anything.
    SigInfo sig = Txs.direct(B, Txs.body(Txs.executeAny(SENDER, CONTRACT, input, FUNDS)));
    assertCheck(
        sig, ExpectedMessage.execute(SENDER, CONTRACT, input, FUNDS), Check.SIGNER_NOT_FOUND);
  }

  @Test
  void refusesWhenTheNodeNamesAnotherSenderThanTheSignedMessage() {
    // b signs its own message; the node claims a sent it.
    byte[] bAddress = Txs.address(B);
    SigInfo sig = Txs.direct(B, Txs.body(Txs.executeAny(bAddress, CONTRACT, input, FUNDS)));
    assertCheck(
        sig, ExpectedMessage.execute(SENDER, CONTRACT, input, FUNDS), Check.SIGNER_NOT_FOUND);
  }

  static IntStream inputBits() {
    return new Random(7).ints(10, 0, 82 * 8);
  }

  @ParameterizedTest
  @MethodSource("inputBits")
  void refusesInputBytesThatDifferByOneBit(int bit) {
    SigInfo sig = signedExecute(FUNDS);
    byte[] altered = input.clone();
    altered[bit / 8] ^= (byte) (1 << (bit % 8));
    assertCheck(
        sig, ExpectedMessage.execute(SENDER, CONTRACT, altered, FUNDS), Check.NO_MATCHING_MESSAGE);
  }

  static Stream<Arguments> otherFunds() {
    return Stream.of(
        Arguments.of("amount", List.of(new Coin("uscrt", "1001"), new Coin("ibc/27", "5"))),
        Arguments.of("denom", List.of(new Coin("uscrt", "1000"), new Coin("ibc/28", "5"))),
        Arguments.of("order", List.of(new Coin("ibc/27", "5"), new Coin("uscrt", "1000"))),
        Arguments.of("missing", List.of(new Coin("uscrt", "1000"))),
        Arguments.of("none", List.of()),
        Arguments.of(
            "extra",
            List.of(new Coin("uscrt", "1000"), new Coin("ibc/27", "5"), new Coin("a", "1"))),
        Arguments.of("not a number", List.of(new Coin("uscrt", "1e3"), new Coin("ibc/27", "5"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherFunds")
  void refusesFundsThatDifferFromTheSignedOnes(String how, List<Coin> funds) {
    assertCheck(
        signedExecute(FUNDS),
        ExpectedMessage.execute(SENDER, CONTRACT, input, funds),
        Check.FUNDS_MISMATCH);
  }

  @Test
  void refusesAnotherContract() {
    byte[] other = CONTRACT.clone();
    other[19] ^= 1;
    assertCheck(
        signedExecute(FUNDS),
        ExpectedMessage.execute(SENDER, other, input, FUNDS),
        Check.CONTRACT_MISMATCH);
  }

  @Test
  void refusesAnotherContractForMigrate() {
    byte[] other = CONTRACT.clone();
    other[0] ^= 1;
    SigInfo sig = Txs.direct(A, Txs.body(Txs.migrateAny(SENDER, CONTRACT, 2, input)));
    assertCheck(sig, ExpectedMessage.migrate(SENDER, other, input), Check.CONTRACT_MISMATCH);
  }

  @Test
  void refusesAnotherAdmin() {
    String admin = Txs.bech32(Txs.address(B));
    SigInfo sig = Txs.direct(A, Txs.body(Txs.instantiateAny(SENDER, 1, "c", input, FUNDS, admin)));
    assertCheck(sig, ExpectedMessage.instantiate(SENDER, input, FUNDS, ""), Check.ADMIN_MISMATCH);
    assertCheck(
        sig,
        ExpectedMessage.instantiate(SENDER, input, FUNDS, Txs.bech32(SENDER)),
        Check.ADMIN_MISMATCH);
  }

  @Test
  void refusesAnAdminTheSignedInstantiateDidNotSet() {
    SigInfo sig = Txs.direct(A, Txs.body(Txs.instantiateAny(SENDER, 1, "c", input, FUNDS, "")));
    assertCheck(
        sig,
        ExpectedMessage.instantiate(SENDER, input, FUNDS, Txs.bech32(SENDER)),
        Check.ADMIN_MISMATCH);
  }

  @Test
  void refusesWhenOnlyAMessageOfAnotherTypeCarriesTheInput() {
    SigInfo sig = signedExecute(FUNDS);
    assertCheck(
        sig, ExpectedMessage.instantiate(SENDER, input, FUNDS, ""), Check.NO_MATCHING_MESSAGE);
    assertCheck(sig, ExpectedMessage.migrate(SENDER, CONTRACT, input), Check.NO_MATCHING_MESSAGE);
  }

  @Test
  void refusesASignDocWhoseBodyIsNotTheTxBody() {
    byte[] signedBody = Txs.body(Txs.executeAny(SENDER, CONTRACT, input, FUNDS));
    byte[] txBody = Txs.body(Txs.executeAny(SENDER, CONTRACT, input, List.of()));
    byte[] authInfo = Txs.authInfo(SigInfo.SIGN_MODE_DIRECT, A.publicKey());
    byte[] doc = Txs.signDoc(signedBody, authInfo);
    byte[] signature = Txs.signSha256(A, doc);
    SigInfo sig =
        new SigInfo(Txs.txRaw(txBody, authInfo, signature), doc, 1, null, signature, null);
    assertCheck(
        sig, ExpectedMessage.execute(SENDER, CONTRACT, input, FUNDS), Check.SIGNED_TX_MISMATCH);
  }

  @Test
  void refusesASignDocWhoseAuthInfoIsNotTheTxAuthInfo() {
    byte[] body = Txs.body(Txs.executeAny(SENDER, CONTRACT, input, FUNDS));
    byte[] authInfo = Txs.authInfo(SigInfo.SIGN_MODE_DIRECT, A.publicKey());
    byte[] otherAuthInfo = Txs.authInfo(SigInfo.SIGN_MODE_DIRECT, A.publicKey(), B.publicKey());
    byte[] doc = Txs.signDoc(body, authInfo);
    byte[] signature = Txs.signSha256(A, doc);
    SigInfo sig =
        new SigInfo(Txs.txRaw(body, otherAuthInfo, signature), doc, 1, null, signature, null);
    assertCheck(
        sig, ExpectedMessage.execute(SENDER, CONTRACT, input, FUNDS), Check.SIGNED_TX_MISMATCH);
  }

  @Test
  void refusesASignatureTheTxDoesNotCarry() {
    SigInfo good = signedExecute(FUNDS);
    SigInfo other = signedExecute(List.of());
    SigInfo sig = new SigInfo(other.txBytes(), good.signBytes(), 1, null, good.signature(), null);
    assertCheck(
        sig, ExpectedMessage.execute(SENDER, CONTRACT, input, FUNDS), Check.SIGNED_TX_MISMATCH);
  }

  @Test
  void findsTheSenderAmongSeveralSigners() {
    byte[] body = Txs.body(Txs.executeAny(SENDER, CONTRACT, input, FUNDS));
    byte[] authInfo = Txs.authInfo(SigInfo.SIGN_MODE_DIRECT, B.publicKey(), A.publicKey());
    byte[] doc = Txs.signDoc(body, authInfo);
    byte[] bSignature = Txs.signSha256(B, doc);
    byte[] aSignature = Txs.signSha256(A, doc);
    SigInfo sig =
        new SigInfo(
            Txs.txRaw(body, authInfo, bSignature, aSignature), doc, 1, null, aSignature, null);
    assertThatCode(() -> AUTH.verify(sig, ExpectedMessage.execute(SENDER, CONTRACT, input, FUNDS)))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAMultisigSignerAsUnsupported() {
    byte[] multisigKey =
        Txs.any(
            "/cosmos.crypto.multisig.LegacyAminoPubKey",
            new ProtoWriter().varint(1, 1).bytes(2, Txs.pubKeyAny(A.publicKey())).toByteArray());
    byte[] body = Txs.body(Txs.executeAny(SENDER, CONTRACT, input, FUNDS));
    byte[] authInfo =
        new ProtoWriter()
            .message(
                1,
                new ProtoWriter()
                    .bytes(1, multisigKey)
                    .message(2, new ProtoWriter().message(2, new ProtoWriter())))
            .toByteArray();
    byte[] doc = Txs.signDoc(body, authInfo);
    SigInfo sig =
        new SigInfo(Txs.txRaw(body, authInfo, new byte[64]), doc, 1, null, new byte[64], null);
    assertThatThrownBy(
            () -> AUTH.verify(sig, ExpectedMessage.execute(SENDER, CONTRACT, input, FUNDS)))
        .hasMessageContaining("multisig")
        .extracting(e -> ((SenderAuthenticationException) e).check())
        .isEqualTo(Check.UNSUPPORTED);
  }

  @Test
  void refusesASignModeItDoesNotKnow() {
    SigInfo good = signedExecute(FUNDS);
    SigInfo sig = new SigInfo(good.txBytes(), good.signBytes(), 2, null, good.signature(), null);
    assertCheck(sig, ExpectedMessage.execute(SENDER, CONTRACT, input, FUNDS), Check.UNSUPPORTED);
  }

  @Test
  void refusesASignerInfoThatDeclaresAnotherSignMode() {
    byte[] body = Txs.body(Txs.executeAny(SENDER, CONTRACT, input, FUNDS));
    byte[] authInfo = Txs.authInfo(SigInfo.SIGN_MODE_LEGACY_AMINO_JSON, A.publicKey());
    byte[] doc = Txs.signDoc(body, authInfo);
    byte[] signature = Txs.signSha256(A, doc);
    SigInfo sig = new SigInfo(Txs.txRaw(body, authInfo, signature), doc, 1, null, signature, null);
    assertCheck(
        sig, ExpectedMessage.execute(SENDER, CONTRACT, input, FUNDS), Check.SIGNED_TX_MISMATCH);
  }

  @Test
  void refusesACallbackSignatureOnTheTxPath() {
    SigInfo good = signedExecute(FUNDS);
    SigInfo sig =
        new SigInfo(good.txBytes(), good.signBytes(), 1, null, good.signature(), new byte[32]);
    assertCheck(
        sig, ExpectedMessage.execute(SENDER, CONTRACT, input, FUNDS), Check.CALLBACK_SIGNATURE);
  }

  static void assertCheck(SigInfo sig, ExpectedMessage expected, Check check) {
    assertThatThrownBy(() -> AUTH.verify(sig, expected))
        .isInstanceOf(SenderAuthenticationException.class)
        .extracting(e -> ((SenderAuthenticationException) e).check())
        .isEqualTo(check);
  }
}
