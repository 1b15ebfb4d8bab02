package io.arcanum.chain.tx;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.auth.Account;
import io.arcanum.chain.auth.AccountKeeper;
import io.arcanum.chain.auth.Addresses;
import io.arcanum.chain.auth.AuthParams;
import io.arcanum.chain.bank.BankKeeper;
import io.arcanum.chain.bank.Coin;
import io.arcanum.chain.bank.Coins;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.state.KvStore;
import io.arcanum.crypto.CryptoException;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.bech32.Bech32;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import io.arcanum.crypto.secp256k1.Secp256k1Signature;
import io.arcanum.proto.cosmos.crypto.secp256k1.PubKey;
import io.arcanum.proto.cosmos.tx.v1beta1.Fee;
import io.arcanum.proto.cosmos.tx.v1beta1.ModeInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.SignerInfo;
import io.arcanum.proto.signing.SignDocs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The ante handler: the checks and bookkeeping before a tx's messages run, in the order of Secret
 * Network's decorator chain (app/ante.go, SDK v0.50 {@code x/auth/ante}; secretjs-api.md §4.4):
 *
 * <ol>
 *   <li>SetUpContext: the gas limit must not exceed the block's max gas;
 *   <li>ExtensionOptions: none allowed;
 *   <li>ValidateBasic: gas limit ≤ 2^63-1, a signature per signer;
 *   <li>TxTimeoutHeight, ValidateMemo;
 *   <li>ConsumeGasForTxSize: {@code tx_size_cost_per_byte} × tx bytes;
 *   <li>DeductFee: the node's minimum gas price (check only), fee from the fee payer to the fee
 *       collector;
 *   <li>SetPubKey: the key must hash to the signer; stored on first use;
 *   <li>ValidateSigCount, SigGasConsume (1000 for secp256k1), SigVerification (sequence, then the
 *       signature over the sign doc of its mode), IncrementSequence.
 * </ol>
 *
 * It runs in its own {@link MsgContext}: the caller keeps its writes and events (fee, sequence)
 * even when the messages fail afterwards, and drops them when this throws.
 */
public final class AnteHandler {
  private static final String PUB_KEY_TYPE_URL = "/cosmos.crypto.secp256k1.PubKey";

  private final AccountKeeper accounts;
  private final BankKeeper bank;
  private final Addresses addresses;
  private final GasPrice minGasPrice;
  private final long maxBlockGas;

  /**
   * @param minGasPrice checked in {@link ExecMode#CHECK} only
   * @param maxBlockGas the consensus max block gas; 0 or less for none
   */
  public AnteHandler(
      AccountKeeper accounts, BankKeeper bank, GasPrice minGasPrice, long maxBlockGas) {
    this.accounts = accounts;
    this.bank = bank;
    this.addresses = accounts.addresses();
    this.minGasPrice = minGasPrice;
    this.maxBlockGas = maxBlockGas;
  }

  /**
   * Runs every ante check in {@code context}, whose gas meter is the tx's.
   *
   * @param messageSigners the signer of each message, in order
   * @throws ChainException the first check that fails, with the SDK's code and wording
   * @throws io.arcanum.chain.gas.OutOfGasException if the tx's gas runs out
   */
  public AnteResult run(
      MsgContext context, DecodedTx tx, List<byte[]> messageSigners, ExecMode mode)
      throws ChainException {
    boolean simulate = mode == ExecMode.SIMULATE;
    KvStore store = context.store();
    long height = context.block().height();
    long gas = tx.gasLimit();
    Fee fee = tx.authInfo().getFee();

    if (maxBlockGas > 0 && Long.compareUnsigned(gas, maxBlockGas) > 0) {
      throw SdkErrors.INVALID_GAS_LIMIT.wrapf(
          "tx gas limit %s exceeds block max gas %d", Long.toUnsignedString(gas), maxBlockGas);
    }
    if (tx.body().getExtensionOptionsCount() > 0) {
      throw SdkErrors.UNKNOWN_EXTENSION_OPTIONS.error();
    }

    // ValidateBasic
    if (gas < 0) {
      throw SdkErrors.INVALID_REQUEST.wrapf(
          "invalid gas supplied; %s > %d", Long.toUnsignedString(gas), Long.MAX_VALUE);
    }
    List<Coin> feeCoins = feeCoins(fee);
    List<byte[]> signers = signers(messageSigners, fee);
    List<ByteString> signatures = tx.signatures();
    if (signatures.isEmpty()) {
      throw SdkErrors.NO_SIGNATURES.error();
    }
    if (signatures.size() != signers.size()) {
      throw SdkErrors.UNAUTHORIZED.wrapf(
          "wrong number of signers; expected %d, got %d", signers.size(), signatures.size());
    }

    long timeout = tx.body().getTimeoutHeight();
    if (timeout != 0 && Long.compareUnsigned(height, timeout) > 0) {
      throw SdkErrors.TX_TIMEOUT_HEIGHT.wrapf(
          "block height: %d, timeout height: %s", height, Long.toUnsignedString(timeout));
    }
    // Each decorator reads the params itself, as in the SDK, so the gas charged matches.
    int memoLength = tx.body().getMemo().getBytes(StandardCharsets.UTF_8).length;
    if (memoLength > 0) {
      long max = accounts.params(store).maxMemoCharacters();
      if (memoLength > max) {
        throw SdkErrors.MEMO_TOO_LARGE.wrapf(
            "maximum number of characters is %d but received %d characters", max, memoLength);
      }
    }

    long perByte = accounts.params(store).txSizeCostPerByte();
    context.gas().consume(Math.multiplyExact(perByte, tx.size()), "txSize");

    deductFee(context, tx, feeCoins, signers, mode);

    List<SignerInfo> infos = tx.authInfo().getSignerInfosList();
    if (infos.size() != signers.size()) {
      throw SdkErrors.UNAUTHORIZED.wrapf(
          "invalid number of signer;  expected: %d, got %d", signers.size(), infos.size());
    }
    setPublicKeys(context, infos, signers, signatures, simulate);
    long sigLimit = accounts.params(store).txSigLimit();
    if (infos.size() > sigLimit) {
      throw SdkErrors.TOO_MANY_SIGNATURES.wrapf(
          "signatures: %d, limit: %d", infos.size(), sigLimit);
    }
    AuthParams params = accounts.params(store);
    for (int i = 0; i < signers.size(); i++) {
      Account account = signerAccount(store, signers.get(i));
      if (account.publicKey() == null && !simulate) {
        throw SdkErrors.INVALID_PUB_KEY.wrap("pubkey on account is not set");
      }
      context.gas().consume(params.sigVerifyCostSecp256k1(), "ante verify: secp256k1");
    }

    AnteResult result = null;
    for (int i = 0; i < signers.size(); i++) {
      Account account = signerAccount(store, signers.get(i));
      SignerInfo info = infos.get(i);
      if (info.getSequence() != account.sequence()) {
        throw SdkErrors.WRONG_SEQUENCE.wrapf(
            "account sequence mismatch, expected %s, got %s",
            Long.toUnsignedString(account.sequence()), Long.toUnsignedString(info.getSequence()));
      }
      result = verify(context, tx, account, info, signatures.get(i).toByteArray(), simulate);
    }
    for (byte[] signer : signers) {
      Account account = accounts.get(store, signer);
      accounts.set(store, account.withSequence(account.sequence() + 1));
    }
    return result;
  }

  private static List<Coin> feeCoins(Fee fee) throws ChainException {
    try {
      return Coins.fromProto(fee.getAmountList());
    } catch (IllegalArgumentException e) {
      throw SdkErrors.INSUFFICIENT_FEE.wrapf(
          "invalid fee provided: %s", Coins.formatProto(fee.getAmountList()));
    }
  }

  /** The tx's signers ({@code GetSigners}): each message's, then the fee payer, without repeats. */
  private List<byte[]> signers(List<byte[]> messageSigners, Fee fee) throws ChainException {
    List<byte[]> signers = new ArrayList<>();
    for (byte[] signer : messageSigners) {
      addOnce(signers, signer);
    }
    if (!fee.getPayer().isEmpty()) {
      addOnce(signers, parsePayer(fee));
    }
    return signers;
  }

  private byte[] parsePayer(Fee fee) throws ChainException {
    try {
      return CosmosAddress.parse(addresses.prefix(), fee.getPayer()).bytes();
    } catch (CryptoException e) {
      throw SdkErrors.INVALID_ADDRESS.wrapf("Invalid fee payer address (%s)", e.getMessage());
    }
  }

  /** The SDK's {@code GetSignerAcc}. */
  private Account signerAccount(KvStore store, byte[] signer) throws ChainException {
    Account account = accounts.get(store, signer);
    if (account == null) {
      throw SdkErrors.UNKNOWN_ADDRESS.wrapf("account %s does not exist", addresses.format(signer));
    }
    return account;
  }

  private static void addOnce(List<byte[]> list, byte[] address) {
    for (byte[] existing : list) {
      if (Arrays.equals(existing, address)) {
        return;
      }
    }
    list.add(address);
  }

  private void deductFee(
      MsgContext context, DecodedTx tx, List<Coin> fee, List<byte[]> signers, ExecMode mode)
      throws ChainException {
    long gas = tx.gasLimit();
    if (mode != ExecMode.SIMULATE && context.block().height() > 0 && gas == 0) {
      throw SdkErrors.INVALID_GAS_LIMIT.wrap("must provide positive gas");
    }
    if (mode == ExecMode.CHECK && !minGasPrice.isZero()) {
      Coin required = new Coin(minGasPrice.denom(), minGasPrice.requiredFee(gas));
      if (Coins.amountOf(fee, required.denom()).compareTo(required.amount()) < 0) {
        throw SdkErrors.INSUFFICIENT_FEE.wrapf(
            "insufficient fees; got: %s required: %s", Coins.format(fee), required);
      }
    }
    Fee wire = tx.authInfo().getFee();
    byte[] payer = wire.getPayer().isEmpty() ? signers.get(0) : parsePayer(wire);
    if (!wire.getGranter().isEmpty()) {
      throw SdkErrors.INVALID_REQUEST.wrap("fee grants are not enabled");
    }
    if (!accounts.exists(context.store(), payer)) {
      throw SdkErrors.UNKNOWN_ADDRESS.wrapf(
          "fee payer address: %s does not exist", addresses.format(payer));
    }
    if (!Coins.isZero(fee)) {
      if (!Coins.isValid(fee)) {
        throw SdkErrors.INSUFFICIENT_FEE.wrapf("invalid fee amount: %s", Coins.format(fee));
      }
      byte[] collector = AccountKeeper.moduleAddress(AccountKeeper.FEE_COLLECTOR);
      try {
        bank.send(context, payer, collector, fee);
      } catch (ChainException e) {
        throw SdkErrors.INSUFFICIENT_FUNDS.wrap(e.getMessage());
      }
    }
    context.emit(Event.of("tx", "fee", Coins.format(fee), "fee_payer", addresses.format(payer)));
  }

  private void setPublicKeys(
      MsgContext context,
      List<SignerInfo> infos,
      List<byte[]> signers,
      List<ByteString> signatures,
      boolean simulate)
      throws ChainException {
    KvStore store = context.store();
    for (int i = 0; i < infos.size(); i++) {
      byte[] key = publicKey(infos.get(i));
      if (key == null) {
        continue; // already on the account (checked by signature verification)
      }
      byte[] signer = signers.get(i);
      if (!simulate && !Arrays.equals(addressOf(key), signer)) {
        throw SdkErrors.INVALID_PUB_KEY.wrapf(
            "pubKey does not match signer address %s with signer index: %d",
            addresses.format(signer), i);
      }
      Account account = signerAccount(store, signer);
      if (account.publicKey() == null) {
        accounts.set(store, account.withPublicKey(key));
      }
    }
    // Indexed so txs can be found by `tx.acc_seq='secret1…/N'` and `tx.signature='…'`.
    for (int i = 0; i < infos.size(); i++) {
      context.emit(
          Event.of(
              "tx",
              "acc_seq",
              addresses.format(signers.get(i))
                  + "/"
                  + Long.toUnsignedString(infos.get(i).getSequence())));
      context.emit(
          Event.of(
              "tx",
              "signature",
              Base64.getEncoder().encodeToString(signatures.get(i).toByteArray())));
    }
  }

  /** The SignerInfo's secp256k1 key (33 bytes), or null when it carries none. */
  private static byte[] publicKey(SignerInfo info) throws ChainException {
    if (!info.hasPublicKey()) {
      return null;
    }
    Any any = info.getPublicKey();
    if (!any.getTypeUrl().equals(PUB_KEY_TYPE_URL)) {
      throw SdkErrors.INVALID_PUB_KEY.wrapf(
          "unsupported public key type %s; only %s is supported",
          any.getTypeUrl(), PUB_KEY_TYPE_URL);
    }
    try {
      byte[] key = PubKey.parseFrom(any.getValue()).getKey().toByteArray();
      if (key.length != Secp256k1PublicKey.COMPRESSED_LENGTH) {
        throw SdkErrors.INVALID_PUB_KEY.wrapf(
            "secp256k1 public key must be %d bytes, got %d",
            Secp256k1PublicKey.COMPRESSED_LENGTH, key.length);
      }
      return new Secp256k1PublicKey(key).compressed();
    } catch (InvalidProtocolBufferException | CryptoException e) {
      throw SdkErrors.INVALID_PUB_KEY.wrap("invalid secp256k1 public key: " + e.getMessage());
    }
  }

  /** The address of a key {@link #publicKey} already checked, without decoding it again. */
  private static byte[] addressOf(byte[] key) {
    return CosmosAddress.hashOf(key).bytes();
  }

  private AnteResult verify(
      MsgContext context,
      DecodedTx tx,
      Account account,
      SignerInfo info,
      byte[] signature,
      boolean simulate)
      throws ChainException {
    String chainId = context.block().chainId();
    ModeInfo modeInfo = info.getModeInfo();
    int mode = modeInfo.hasSingle() ? modeInfo.getSingle().getModeValue() : -1;
    boolean amino = mode == SignDocs.LEGACY_AMINO_JSON;
    ChainException failed =
        amino
            ? SdkErrors.UNAUTHORIZED.wrapf(
                "signature verification failed; please verify account number (%s), sequence (%s)"
                    + " and chain-id (%s)",
                Long.toUnsignedString(account.accountNumber()),
                Long.toUnsignedString(account.sequence()),
                chainId)
            : SdkErrors.UNAUTHORIZED.wrapf(
                "signature verification failed; please verify account number (%s) and chain-id"
                    + " (%s)",
                Long.toUnsignedString(account.accountNumber()), chainId);
    byte[] signBytes;
    try {
      signBytes =
          switch (mode) {
            case SignDocs.DIRECT ->
                SignDocs.direct(
                    tx.bodyBytes(), tx.authInfoBytes(), chainId, account.accountNumber());
            case SignDocs.LEGACY_AMINO_JSON ->
                SignDocs.aminoJson(
                    tx.body(),
                    tx.authInfo().getFee(),
                    chainId,
                    account.accountNumber(),
                    account.sequence(),
                    raw -> Bech32.encodeBytes(addresses.prefix(), raw));
            default -> null;
          };
    } catch (IllegalArgumentException e) {
      signBytes = null;
    }
    byte[] key = account.publicKey();
    if (!simulate) {
      if (signBytes == null || key == null || !isValid(key, signBytes, signature)) {
        throw failed;
      }
    }
    return new AnteResult(
        mode,
        signBytes == null ? new byte[0] : signBytes,
        key == null ? new byte[0] : key,
        signature,
        account.address());
  }

  /** A 64-byte low-S secp256k1 signature over SHA-256 of the sign bytes. */
  private static boolean isValid(byte[] key, byte[] signBytes, byte[] signature) {
    if (signature.length != Secp256k1Signature.LENGTH) {
      return false;
    }
    try {
      return new Secp256k1PublicKey(key)
          .isValid(TxDecoder.sha256(signBytes), Secp256k1Signature.fromBytes(signature));
    } catch (CryptoException e) {
      return false;
    }
  }
}
