package io.arcanum.node;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.bip32.HdWallet;
import io.arcanum.crypto.bip39.Mnemonic;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.cosmos.bank.v1beta1.MsgSend;
import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import io.arcanum.proto.cosmos.crypto.secp256k1.PubKey;
import io.arcanum.proto.cosmos.tx.signing.v1beta1.SignMode;
import io.arcanum.proto.cosmos.tx.v1beta1.AuthInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.Fee;
import io.arcanum.proto.cosmos.tx.v1beta1.ModeInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.SignDoc;
import io.arcanum.proto.cosmos.tx.v1beta1.SignerInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.TxBody;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCode;
import java.security.MessageDigest;
import java.util.List;

/**
 * Signed txs for the node's tests, built on the proto and crypto modules only (not the chain's code
 * under test): SIGN_MODE_DIRECT, as secret.js signs by default, by LocalSecret's accounts
 * (secretjs-api.md §8) with the account numbers {@code arcanum dev}'s genesis gives them — a = 0, b
 * = 1, c = 2, d = 3, validator = 4.
 */
public final class SignedTxs {
  public static final String CHAIN_ID = "secretdev-1";
  public static final String DENOM = "uscrt";

  /** Gas and fee of a bank send: 0.025uscrt per gas, twice LocalSecret's minimum price. */
  public static final long SEND_GAS = 100_000;

  public static final long SEND_FEE = 2_500;

  /** Gas and fee of a contract tx. */
  public static final long CONTRACT_GAS = 4_000_000;

  public static final long CONTRACT_FEE = 50_000;

  static final List<Secp256k1PrivateKey> KEYS =
      LocalSecretAccounts.KNOWN.stream()
          .map(known -> HdWallet.secretAccountKey(Mnemonic.parse(known.mnemonic()), 0))
          .toList();

  private SignedTxs() {}

  /** The raw address of LocalSecret account {@code account} (0 = a … 4 = validator). */
  public static byte[] address(int account) {
    return CosmosAddress.fromPublicKey(KEYS.get(account).publicKey()).bytes();
  }

  public static String bech32(int account) {
    return LocalSecretAccounts.KNOWN.get(account).address();
  }

  /** {@code from} sends {@code amount} uscrt to {@code to}, with sequence {@code sequence}. */
  public static byte[] send(int from, long sequence, int to, long amount) {
    return send(from, sequence, to, amount, 0);
  }

  /** As {@link #send(int, long, int, long)}, valid only up to {@code timeoutHeight} if not 0. */
  public static byte[] send(int from, long sequence, int to, long amount, long timeoutHeight) {
    Any message =
        ProtoTypes.pack(
            MsgSend.newBuilder()
                .setFromAddress(bech32(from))
                .setToAddress(bech32(to))
                .addAmount(coin(amount))
                .build());
    return sign(from, sequence, message, SEND_GAS, SEND_FEE, timeoutHeight);
  }

  public static byte[] storeCode(int from, long sequence, byte[] wasm) {
    return sign(
        from,
        sequence,
        ProtoTypes.pack(
            MsgStoreCode.newBuilder()
                .setSender(ByteString.copyFrom(address(from)))
                .setWasmByteCode(ByteString.copyFrom(wasm))
                .build()),
        CONTRACT_GAS,
        CONTRACT_FEE,
        0);
  }

  /** {@code encryptedInit} is the init message encrypted for the network (TxEncryptor). */
  public static byte[] instantiate(
      int from, long sequence, long codeId, String label, byte[] encryptedInit) {
    return sign(
        from,
        sequence,
        ProtoTypes.pack(
            MsgInstantiateContract.newBuilder()
                .setSender(ByteString.copyFrom(address(from)))
                .setCodeId(codeId)
                .setLabel(label)
                .setInitMsg(ByteString.copyFrom(encryptedInit))
                .build()),
        CONTRACT_GAS,
        CONTRACT_FEE,
        0);
  }

  public static byte[] execute(int from, long sequence, byte[] contract, byte[] encryptedMsg) {
    return sign(
        from,
        sequence,
        ProtoTypes.pack(
            MsgExecuteContract.newBuilder()
                .setSender(ByteString.copyFrom(address(from)))
                .setContract(ByteString.copyFrom(contract))
                .setMsg(ByteString.copyFrom(encryptedMsg))
                .build()),
        CONTRACT_GAS,
        CONTRACT_FEE,
        0);
  }

  /** A one-message tx signed in SIGN_MODE_DIRECT with {@code fee} uscrt for {@code gas}. */
  public static byte[] sign(
      int from, long sequence, Any message, long gas, long fee, long timeoutHeight) {
    Secp256k1PrivateKey key = KEYS.get(from);
    byte[] body =
        TxBody.newBuilder()
            .addMessages(message)
            .setTimeoutHeight(timeoutHeight)
            .build()
            .toByteArray();
    Any publicKey =
        Any.newBuilder()
            .setTypeUrl("/cosmos.crypto.secp256k1.PubKey")
            .setValue(
                PubKey.newBuilder()
                    .setKey(ByteString.copyFrom(key.publicKey().compressed()))
                    .build()
                    .toByteString())
            .build();
    byte[] authInfo =
        AuthInfo.newBuilder()
            .addSignerInfos(
                SignerInfo.newBuilder()
                    .setPublicKey(publicKey)
                    .setModeInfo(
                        ModeInfo.newBuilder()
                            .setSingle(
                                ModeInfo.Single.newBuilder().setMode(SignMode.SIGN_MODE_DIRECT)))
                    .setSequence(sequence))
            .setFee(Fee.newBuilder().addAmount(coin(fee)).setGasLimit(gas))
            .build()
            .toByteArray();
    byte[] signDoc =
        SignDoc.newBuilder()
            .setBodyBytes(ByteString.copyFrom(body))
            .setAuthInfoBytes(ByteString.copyFrom(authInfo))
            .setChainId(CHAIN_ID)
            .setAccountNumber(from)
            .build()
            .toByteArray();
    byte[] signature = key.sign(sha256(signDoc)).bytes();
    return TxRaw.newBuilder()
        .setBodyBytes(ByteString.copyFrom(body))
        .setAuthInfoBytes(ByteString.copyFrom(authInfo))
        .addSignatures(ByteString.copyFrom(signature))
        .build()
        .toByteArray();
  }

  static Coin coin(long amount) {
    return Coin.newBuilder().setDenom(DENOM).setAmount(Long.toString(amount)).build();
  }

  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
