package io.arcanum.enclave.auth;

import io.arcanum.crypto.CryptoException;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import io.arcanum.crypto.seed.DerivedSecret;
import io.arcanum.enclave.api.SigInfo;
import io.arcanum.enclave.auth.SenderAuthenticationException.Check;
import io.arcanum.enclave.state.CallbackSignature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The enclave's own check that the message it is about to run is the one its sender signed
 * (protocol.md §10.1 items 1–5), or, for a contract-to-contract call, that the calling contract's
 * enclave produced it (§10.2). The node is untrusted: it could hand the enclave a message, sender
 * or funds that differ from the signed tx, so nothing it says is taken without this check. The
 * light-client check (§10.1 item 6: that the tx is in the current block) is not done here.
 *
 * <p>Sign modes: SIGN_MODE_DIRECT, SIGN_MODE_LEGACY_AMINO_JSON and SIGN_MODE_EIP_191, each with a
 * single secp256k1 key. Legacy-amino multisig keys are refused as unsupported.
 */
public final class SenderAuthenticator {
  private final String bech32Prefix;
  private final ProtoContractMessages protoMessages;
  private final AminoSignDoc aminoSignDoc;

  /**
   * @param bech32Prefix the chain's account prefix ("secret"), used to read the bech32 addresses of
   *     migrate messages and amino JSON
   */
  public SenderAuthenticator(String bech32Prefix) {
    this.bech32Prefix = Objects.requireNonNull(bech32Prefix, "bech32Prefix");
    this.protoMessages = new ProtoContractMessages(bech32Prefix);
    this.aminoSignDoc = new AminoSignDoc(bech32Prefix);
  }

  /**
   * Accepts only if {@code sig} proves that {@code expected.sender()} signed a tx containing a
   * message of {@code expected.kind()} with exactly {@code expected}'s contract, input bytes, funds
   * and admin.
   *
   * @throws SenderAuthenticationException naming the failed check; a callback signature is refused
   *     here (it needs the callback secret: {@link #verifyCallback})
   */
  public void verify(SigInfo sig, ExpectedMessage expected) throws SenderAuthenticationException {
    Objects.requireNonNull(sig, "sig");
    Objects.requireNonNull(expected, "expected");
    if (sig.isCallback()) {
      throw new SenderAuthenticationException(
          Check.CALLBACK_SIGNATURE,
          "the message carries a callback signature; only verifyCallback can accept it");
    }
    if (sig.txBytes().length == 0) {
      throw SenderAuthenticationException.malformed("tx_bytes are empty");
    }
    TxProto.TxRaw tx = TxProto.TxRaw.decode(sig.txBytes());
    List<SignedContractMessage> signed =
        switch (sig.signMode()) {
          case SigInfo.SIGN_MODE_DIRECT -> verifyDirect(sig, tx, expected.sender());
          case SigInfo.SIGN_MODE_LEGACY_AMINO_JSON, SigInfo.SIGN_MODE_EIP_191 ->
              verifyAmino(sig, tx, expected.sender());
          default ->
              throw new SenderAuthenticationException(
                  Check.UNSUPPORTED, "sign mode " + sig.signMode() + " is not supported");
        };
    MessageMatcher.match(signed, expected);
  }

  /**
   * The contract-to-contract path (protocol.md §10.2): accepts only if {@code sig}'s callback
   * signature is {@code SHA256(callback_secret ‖ msg ‖ JSON(funds))}. No tx signature is checked.
   * The signature is not bound to the calling contract, as on Secret (§10.2 NOTE).
   *
   * @param inputEncrypted whether {@code expected.message()} is an envelope {@code nonce ‖ pk ‖ ct}
   *     (then only {@code ct}, bytes 64.., is signed) or a plaintext message (signed whole); an
   *     admin change is signed over {@link AdminChangeCallback#message} instead
   * @param callbackSecret the network's current callback secret
   * @throws SenderAuthenticationException {@link Check#CALLBACK_SIGNATURE} if there is no callback
   *     signature or it does not match
   */
  public void verifyCallback(
      SigInfo sig, ExpectedMessage expected, boolean inputEncrypted, DerivedSecret callbackSecret)
      throws SenderAuthenticationException {
    Objects.requireNonNull(sig, "sig");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(callbackSecret, "callbackSecret");
    if (!sig.isCallback()) {
      throw new SenderAuthenticationException(
          Check.CALLBACK_SIGNATURE, "the message has no callback signature");
    }
    byte[] input = expected.message();
    byte[] signedPart;
    if (expected.kind().changesAdmin()) {
      signedPart = adminChange(expected);
    } else if (inputEncrypted) {
      if (input.length < 64) {
        throw SenderAuthenticationException.malformed(
            "encrypted input is " + input.length + " bytes, shorter than nonce ‖ pk (64)");
      }
      signedPart = Arrays.copyOfRange(input, 64, input.length);
    } else {
      signedPart = input;
    }
    // Migrate and admin changes are signed over "[]" (§10.2); funds given with them cannot have
    // been signed.
    if ((expected.kind() == ContractMessageKind.MIGRATE || expected.kind().changesAdmin())
        && !expected.funds().isEmpty()) {
      throw new SenderAuthenticationException(
          Check.FUNDS_MISMATCH,
          "a " + expected.kind() + " carries no funds, got " + expected.funds());
    }
    String fundsJson;
    try {
      fundsJson = Funds.callbackJson(expected.funds());
    } catch (IllegalArgumentException e) {
      throw new SenderAuthenticationException(Check.FUNDS_MISMATCH, e.getMessage());
    }
    if (!CallbackSignature.verify(callbackSecret, signedPart, fundsJson, sig.callbackSignature())) {
      throw new SenderAuthenticationException(
          Check.CALLBACK_SIGNATURE,
          "callback signature does not match this message and funds " + fundsJson);
    }
  }

  /** The bytes an admin change's callback signature covers ({@link AdminChangeCallback}). */
  private byte[] adminChange(ExpectedMessage expected) throws SenderAuthenticationException {
    byte[] newAdmin = new byte[0];
    if (expected.kind() == ContractMessageKind.UPDATE_ADMIN) {
      try {
        newAdmin = CosmosAddress.parse(bech32Prefix, expected.admin()).bytes();
      } catch (CryptoException e) {
        throw SenderAuthenticationException.malformed(
            "new admin '" + expected.admin() + "': " + e.getMessage());
      }
    }
    return AdminChangeCallback.message(expected.kind(), expected.contract(), newAdmin);
  }

  /** SIGN_MODE_DIRECT: the sign bytes are a SignDoc, which names its signers' keys itself. */
  private List<SignedContractMessage> verifyDirect(SigInfo sig, TxProto.TxRaw tx, byte[] sender)
      throws SenderAuthenticationException {
    TxProto.SignDoc doc = TxProto.SignDoc.decode(sig.signBytes());
    // Item 1: the signer is whichever SignerInfo of the signed AuthInfo has the sender's address.
    TxProto.AuthInfo authInfo = TxProto.AuthInfo.decode(doc.authInfoBytes());
    int index = signerIndex(authInfo, sender);
    if (index < 0) {
      throw new SenderAuthenticationException(
          Check.SIGNER_NOT_FOUND,
          "no signer of the SignDoc has the sender's address " + hex(sender));
    }
    Secp256k1PublicKey key =
        SignerKeys.secp256k1(
            authInfo.signers().get(index).publicKey(), "AuthInfo.signer_infos[" + index + "]");
    // Item 2.
    SignatureCheck.verify(key, SignatureCheck.sha256(sig.signBytes()), sig.signature());
    // Item 3 holds by the choice of signer; checked again so it never rests on that lookup alone.
    checkSender(key, sender);
    // Item 4: the SignDoc holds the tx's body and auth info byte for byte, never re-encoded.
    if (!Arrays.equals(doc.bodyBytes(), tx.bodyBytes())) {
      throw new SenderAuthenticationException(
          Check.SIGNED_TX_MISMATCH, "SignDoc.body_bytes differ from TxRaw.body_bytes");
    }
    if (!Arrays.equals(doc.authInfoBytes(), tx.authInfoBytes())) {
      throw new SenderAuthenticationException(
          Check.SIGNED_TX_MISMATCH, "SignDoc.auth_info_bytes differ from TxRaw.auth_info_bytes");
    }
    checkSignerEntry(authInfo, tx, index, SigInfo.SIGN_MODE_DIRECT, sig.signature());
    List<SignedContractMessage> signed = new ArrayList<>();
    for (TxMessage message : txMessages(doc.bodyBytes())) {
      if (message.contract() != null) {
        signed.add(message.contract());
      }
    }
    return signed;
  }

  /** LEGACY_AMINO_JSON and EIP-191: the sign bytes are amino JSON; the key comes with SigInfo. */
  private List<SignedContractMessage> verifyAmino(SigInfo sig, TxProto.TxRaw tx, byte[] sender)
      throws SenderAuthenticationException {
    // Item 1.
    Secp256k1PublicKey key = SignerKeys.secp256k1(sig.publicKey(), "SigInfo.public_key");
    // Item 2.
    byte[] json;
    byte[] hash;
    if (sig.signMode() == SigInfo.SIGN_MODE_EIP_191) {
      SignatureCheck.Eip191 eip191 = SignatureCheck.eip191(sig.signBytes());
      json = eip191.json();
      hash = SignatureCheck.keccak256(eip191.personalMessage());
    } else {
      json = sig.signBytes();
      hash = SignatureCheck.sha256(json);
    }
    SignatureCheck.verify(key, hash, sig.signature());
    // Item 3.
    checkSender(key, sender);
    // Item 4: amino JSON cannot be compared as bytes, so compare message by message.
    List<AminoSignDoc.AminoMsg> aminoMsgs = aminoSignDoc.messages(json);
    List<TxMessage> txMsgs = txMessages(tx.bodyBytes());
    if (aminoMsgs.size() != txMsgs.size()) {
      throw new SenderAuthenticationException(
          Check.SIGNED_TX_MISMATCH,
          "amino sign bytes hold " + aminoMsgs.size() + " messages, the tx body " + txMsgs.size());
    }
    List<SignedContractMessage> signed = new ArrayList<>();
    for (int i = 0; i < txMsgs.size(); i++) {
      SignedContractMessage fromAmino = aminoMsgs.get(i).contract();
      SignedContractMessage fromTx = txMsgs.get(i).contract();
      if (fromAmino == null && fromTx == null) {
        continue; // neither is a compute message; the enclave never runs it
      }
      if (fromAmino == null || fromTx == null) {
        throw new SenderAuthenticationException(
            Check.SIGNED_TX_MISMATCH,
            "message "
                + i
                + " is '"
                + aminoMsgs.get(i).type()
                + "' in the sign bytes but '"
                + txMsgs.get(i).typeUrl()
                + "' in the tx");
      }
      String difference = fromAmino.firstDifference(fromTx);
      if (difference != null) {
        throw new SenderAuthenticationException(
            Check.SIGNED_TX_MISMATCH,
            "message " + i + " differs between the sign bytes and the tx in " + difference);
      }
      signed.add(fromTx);
    }
    TxProto.AuthInfo authInfo = TxProto.AuthInfo.decode(tx.authInfoBytes());
    int index = signerIndex(authInfo, sender);
    if (index < 0) {
      throw new SenderAuthenticationException(
          Check.SIGNED_TX_MISMATCH, "the tx has no signer with the sender's address");
    }
    checkSignerEntry(authInfo, tx, index, sig.signMode(), sig.signature());
    return signed;
  }

  /**
   * Binds the checked signature to the tx: the sender's SignerInfo declares this sign mode, and the
   * tx carries this very signature for it. Otherwise a signature from another tx could stand in.
   */
  private static void checkSignerEntry(
      TxProto.AuthInfo authInfo, TxProto.TxRaw tx, int index, int signMode, byte[] signature)
      throws SenderAuthenticationException {
    long declared = authInfo.signers().get(index).singleMode();
    if (declared != signMode) {
      throw new SenderAuthenticationException(
          Check.SIGNED_TX_MISMATCH,
          "the sender's SignerInfo declares sign mode " + declared + ", not " + signMode);
    }
    if (index >= tx.signatures().size() || !Arrays.equals(tx.signatures().get(index), signature)) {
      throw new SenderAuthenticationException(
          Check.SIGNED_TX_MISMATCH, "the tx does not carry this signature for the sender");
    }
  }

  /** The index of the signer whose secp256k1 key hashes to {@code sender}, or -1. */
  private static int signerIndex(TxProto.AuthInfo authInfo, byte[] sender)
      throws SenderAuthenticationException {
    List<TxProto.SignerInfo> signers = authInfo.signers();
    for (int i = 0; i < signers.size(); i++) {
      Secp256k1PublicKey key =
          SignerKeys.secp256k1(signers.get(i).publicKey(), "AuthInfo.signer_infos[" + i + "]");
      if (Arrays.equals(CosmosAddress.fromPublicKey(key).bytes(), sender)) {
        return i;
      }
    }
    return -1;
  }

  private void checkSender(Secp256k1PublicKey key, byte[] sender)
      throws SenderAuthenticationException {
    byte[] address = CosmosAddress.fromPublicKey(key).bytes();
    if (!Arrays.equals(address, sender)) {
      throw new SenderAuthenticationException(
          Check.SENDER_MISMATCH,
          "the signing key's address "
              + new CosmosAddress(address).toBech32(bech32Prefix)
              + " is not the sender "
              + hex(sender));
    }
  }

  /** One message of a TxBody: its type URL and, for compute messages, its content. */
  private record TxMessage(String typeUrl, SignedContractMessage contract) {}

  private List<TxMessage> txMessages(byte[] bodyBytes) throws SenderAuthenticationException {
    List<TxProto.ProtoAny> anys = TxProto.TxBody.decode(bodyBytes).messages();
    List<TxMessage> out = new ArrayList<>(anys.size());
    for (int i = 0; i < anys.size(); i++) {
      TxProto.ProtoAny any = anys.get(i);
      out.add(
          new TxMessage(any.typeUrl(), protoMessages.decode(any, "TxBody.messages[" + i + "]")));
    }
    return out;
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
