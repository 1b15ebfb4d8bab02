package io.arcanum.enclave.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * The Cosmos SDK tx messages the enclave reads (secretjs-api.md §4.3), decoded from their exact
 * bytes with {@link ProtoMessage}. Only the fields the sender check needs are kept; the rest are
 * skipped like unknown fields.
 */
final class TxProto {
  private TxProto() {}

  /** {@code google.protobuf.Any{1 type_url, 2 value}}. */
  record ProtoAny(String typeUrl, byte[] value) {
    static ProtoAny decode(byte[] bytes, String what) throws SenderAuthenticationException {
      ProtoMessage any = ProtoMessage.parse(bytes, what);
      return new ProtoAny(any.string(1, "type_url"), any.bytes(2, "value"));
    }
  }

  /** {@code cosmos.tx.v1beta1.TxRaw{1 body_bytes, 2 auth_info_bytes, 3 signatures}}. */
  record TxRaw(byte[] bodyBytes, byte[] authInfoBytes, List<byte[]> signatures) {
    static TxRaw decode(byte[] bytes) throws SenderAuthenticationException {
      ProtoMessage raw = ProtoMessage.parse(bytes, "TxRaw");
      return new TxRaw(
          raw.bytes(1, "body_bytes"),
          raw.bytes(2, "auth_info_bytes"),
          raw.repeatedBytes(3, "signatures"));
    }
  }

  /**
   * {@code SignDoc{1 body_bytes, 2 auth_info_bytes, 3 chain_id, 4 account_number}}, the bytes a
   * SIGN_MODE_DIRECT signer signs. Chain id and account number are the node's concern (its ante
   * handler rebuilds the SignDoc from its own values); the enclave only needs the two byte fields.
   */
  record SignDoc(byte[] bodyBytes, byte[] authInfoBytes, String chainId, long accountNumber) {
    static SignDoc decode(byte[] bytes) throws SenderAuthenticationException {
      ProtoMessage doc = ProtoMessage.parse(bytes, "SignDoc");
      return new SignDoc(
          doc.bytes(1, "body_bytes"),
          doc.bytes(2, "auth_info_bytes"),
          doc.string(3, "chain_id"),
          doc.uint64(4, "account_number"));
    }
  }

  /** {@code TxBody{1 messages (repeated Any), …}}; memo, timeout and extensions are not used. */
  record TxBody(List<ProtoAny> messages) {
    static TxBody decode(byte[] bytes) throws SenderAuthenticationException {
      ProtoMessage body = ProtoMessage.parse(bytes, "TxBody");
      List<ProtoAny> messages = new ArrayList<>();
      List<byte[]> raw = body.repeatedBytes(1, "messages");
      for (int i = 0; i < raw.size(); i++) {
        messages.add(ProtoAny.decode(raw.get(i), "TxBody.messages[" + i + "]"));
      }
      return new TxBody(List.copyOf(messages));
    }
  }

  /**
   * One {@code SignerInfo{1 public_key Any, 2 mode_info, 3 sequence}}.
   *
   * @param publicKey the Any's bytes, or null when the signer gave no key
   * @param singleMode the sign mode of {@code ModeInfo.single}, or -1 for a multi (multisig) mode
   */
  record SignerInfo(byte[] publicKey, long singleMode) {}

  /** {@code AuthInfo{1 signer_infos, 2 fee, 3 tip}}; only the signers are used. */
  record AuthInfo(List<SignerInfo> signers) {
    static AuthInfo decode(byte[] bytes) throws SenderAuthenticationException {
      ProtoMessage authInfo = ProtoMessage.parse(bytes, "AuthInfo");
      List<SignerInfo> signers = new ArrayList<>();
      List<byte[]> raw = authInfo.repeatedBytes(1, "signer_infos");
      for (int i = 0; i < raw.size(); i++) {
        String what = "AuthInfo.signer_infos[" + i + "]";
        ProtoMessage signer = ProtoMessage.parse(raw.get(i), what);
        byte[] key = signer.has(1) ? signer.bytes(1, "public_key") : null;
        ProtoMessage modeInfo =
            ProtoMessage.parse(signer.bytes(2, "mode_info"), what + ".mode_info");
        long mode = -1;
        if (modeInfo.has(1)) {
          mode =
              ProtoMessage.parse(modeInfo.bytes(1, "single"), what + ".mode_info.single")
                  .uint64(1, "mode");
        }
        signers.add(new SignerInfo(key, mode));
      }
      if (signers.isEmpty()) {
        throw SenderAuthenticationException.malformed("AuthInfo has no signer_infos");
      }
      return new AuthInfo(List.copyOf(signers));
    }
  }
}
