package io.arcanum.client.tx;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.client.wallet.Wallet;
import io.arcanum.crypto.bech32.Bech32;
import io.arcanum.proto.cosmos.tx.signing.v1beta1.SignMode;
import io.arcanum.proto.cosmos.tx.v1beta1.AuthInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.Fee;
import io.arcanum.proto.cosmos.tx.v1beta1.ModeInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.SignDoc;
import io.arcanum.proto.cosmos.tx.v1beta1.SignerInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.TxBody;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import io.arcanum.proto.signing.SignDocs;
import java.util.List;
import java.util.Objects;

/**
 * Builds and signs txs as secret.js 1.22.1 does (secretjs-api.md §4.3): a {@code TxBody} with the
 * messages and memo, an {@code AuthInfo} with exactly one signer whose public key is always present
 * and one fee, and one signature over the {@code SignDoc} (DIRECT) or the amino {@code StdSignDoc}
 * (LEGACY_AMINO_JSON), whichever the wallet uses. The sign docs come from {@code proto}'s {@link
 * SignDocs}, the same code the chain verifies with.
 */
public final class TxBuilder {
  /** secret.js's default gas limit (too low for store and instantiate on a real chain). */
  public static final long DEFAULT_GAS_LIMIT = 25_000;

  private static final ByteString SIMULATION_SIGNATURE = ByteString.copyFrom(new byte[64]);

  private TxBuilder() {}

  /** The body: messages in order and a memo; no timeout height or extension options. */
  public static TxBody body(List<Any> messages, String memo) {
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a tx needs at least one message");
    }
    return TxBody.newBuilder().addAllMessages(messages).setMemo(memo).build();
  }

  /**
   * The fee {@code ceil(gasLimit × price)} for {@code gasLimit}, with an optional fee granter
   * ({@code ""} for none).
   */
  public static Fee fee(long gasLimit, GasPrice price, String granter) {
    return Fee.newBuilder()
        .addAmount(price.feeFor(gasLimit))
        .setGasLimit(gasLimit)
        .setGranter(granter)
        .build();
  }

  /** One signer (public key, single sign mode, sequence) and the fee. */
  public static AuthInfo authInfo(Any publicKey, long sequence, Fee fee, SignMode mode) {
    return AuthInfo.newBuilder()
        .addSignerInfos(
            SignerInfo.newBuilder()
                .setPublicKey(publicKey)
                .setModeInfo(
                    ModeInfo.newBuilder().setSingle(ModeInfo.Single.newBuilder().setMode(mode)))
                .setSequence(sequence))
        .setFee(fee)
        .build();
  }

  /** The DIRECT sign doc of exactly these body and auth info bytes. */
  public static SignDoc signDoc(
      ByteString bodyBytes, ByteString authInfoBytes, String chainId, long accountNumber) {
    return SignDoc.newBuilder()
        .setBodyBytes(bodyBytes)
        .setAuthInfoBytes(authInfoBytes)
        .setChainId(chainId)
        .setAccountNumber(accountNumber)
        .build();
  }

  /**
   * Signs {@code messages} with {@code wallet} in its sign mode.
   *
   * @throws IllegalArgumentException in amino mode, if a message type has no amino JSON form
   */
  public static SignedTx sign(
      Wallet wallet, List<Any> messages, Fee fee, String memo, SignerData signer) {
    Objects.requireNonNull(signer, "signer");
    TxBody body = body(messages, memo);
    AuthInfo authInfo = authInfo(wallet.publicKeyAny(), signer.sequence(), fee, wallet.signMode());
    ByteString bodyBytes = body.toByteString();
    ByteString authInfoBytes = authInfo.toByteString();
    byte[] signature =
        switch (wallet.signMode()) {
          case SIGN_MODE_DIRECT ->
              wallet
                  .sign(
                      SignDocs.direct(
                          bodyBytes, authInfoBytes, signer.chainId(), signer.accountNumber()))
                  .bytes();
          case SIGN_MODE_LEGACY_AMINO_JSON ->
              wallet
                  .signAmino(
                      SignDocs.stdSignDoc(
                          body,
                          fee,
                          signer.chainId(),
                          signer.accountNumber(),
                          signer.sequence(),
                          raw -> Bech32.encodeBytes(wallet.options().bech32Prefix(), raw)))
                  .bytes();
          default -> throw new IllegalStateException("wallet sign mode " + wallet.signMode());
        };
    return new SignedTx(
        TxRaw.newBuilder()
            .setBodyBytes(bodyBytes)
            .setAuthInfoBytes(authInfoBytes)
            .addSignatures(ByteString.copyFrom(signature))
            .build());
  }

  /**
   * The tx secret.js simulates: signed with 64 zero bytes, which the node does not verify in
   * simulation (secretjs-api.md §3, simulate).
   */
  public static SignedTx forSimulation(
      Any publicKey, SignMode mode, List<Any> messages, Fee fee, String memo, long sequence) {
    return new SignedTx(
        TxRaw.newBuilder()
            .setBodyBytes(body(messages, memo).toByteString())
            .setAuthInfoBytes(authInfo(publicKey, sequence, fee, mode).toByteString())
            .addSignatures(SIMULATION_SIGNATURE)
            .build());
  }
}
