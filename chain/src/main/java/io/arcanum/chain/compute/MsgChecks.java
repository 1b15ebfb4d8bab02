package io.arcanum.chain.compute;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.module.TxInfo;
import io.arcanum.enclave.api.SigInfo;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.cosmos.crypto.secp256k1.PubKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Stateless checks of compute messages (Secret's {@code msg.go} ValidateBasic) and decoding. */
final class MsgChecks {
  private MsgChecks() {}

  /** Largest wasm a MsgStoreCode may carry as sent, raw or gzip (Secret: MaxWasmSize). */
  static final int MAX_WASM_SIZE = 2 * 1024 * 1024;

  /** Longest label (Secret: MaxLabelSize). */
  static final int MAX_LABEL_SIZE = 512;

  static final int MAX_BUILD_TAG_SIZE = 128;

  /** A docker image with at least one organisation and a tag (Secret's BuildTagRegexp). */
  private static final Pattern BUILD_TAG =
      Pattern.compile(
          "^[a-z0-9][a-z0-9._-]*[a-z0-9](/[a-z0-9][a-z0-9._-]*[a-z0-9])+:[a-zA-Z0-9_][a-zA-Z0-9_.-]*$");

  static <T extends Message> T unpack(Any any, Class<T> type) throws ChainException {
    try {
      return any.unpack(type);
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrors.TX_DECODE.wrap("cannot decode " + any.getTypeUrl() + ": " + e.getMessage());
    }
  }

  static void wasm(ByteString wasm) throws ChainException {
    if (wasm.isEmpty()) {
      throw SdkErrors.INVALID_REQUEST.wrap("code bytes are required: empty");
    }
    if (wasm.size() > MAX_WASM_SIZE) {
      throw SdkErrors.INVALID_REQUEST.wrap(
          "code bytes cannot be longer than " + MAX_WASM_SIZE + " bytes, got " + wasm.size());
    }
  }

  static void source(String source) throws ChainException {
    if (source.isEmpty()) {
      return;
    }
    try {
      URI uri = new URI(source);
      if (!uri.isAbsolute() || !"https".equals(uri.getScheme())) {
        throw SdkErrors.INVALID_REQUEST.wrap("source must be an absolute https url: " + source);
      }
    } catch (URISyntaxException e) {
      throw SdkErrors.INVALID_REQUEST.wrap("source is not an url: " + source);
    }
  }

  static void builder(String builder) throws ChainException {
    if (builder.length() > MAX_BUILD_TAG_SIZE) {
      throw SdkErrors.INVALID_REQUEST.wrap("builder is longer than 128 characters");
    }
    if (!builder.isEmpty() && !BUILD_TAG.matcher(builder).matches()) {
      throw SdkErrors.INVALID_REQUEST.wrap("builder is not a docker image tag: " + builder);
    }
  }

  static void label(String label) throws ChainException {
    if (label.isEmpty()) {
      throw ComputeErrors.EMPTY.wrap("label is required");
    }
    if (label.getBytes(StandardCharsets.UTF_8).length > MAX_LABEL_SIZE) {
      throw ComputeErrors.LIMIT.wrap("label cannot be longer than " + MAX_LABEL_SIZE + " bytes");
    }
  }

  static void codeId(long codeId) throws ChainException {
    if (codeId == 0) {
      throw SdkErrors.INVALID_REQUEST.wrap("code_id is required");
    }
  }

  /**
   * What proves the sender sent the message (protocol.md §10.1): the tx's signature, or a callback
   * signature if the message carries one (as Secret's keeper passes it on).
   */
  static SigInfo sigInfo(MsgContext context, ByteString callbackSig) {
    if (!callbackSig.isEmpty()) {
      return SigInfo.callback(callbackSig.toByteArray());
    }
    TxInfo tx = context.tx();
    if (tx == null) {
      return new SigInfo(null, null, 0, null, null, null);
    }
    byte[] publicKey =
        tx.publicKey() == null
            ? null
            : ProtoTypes.pack(
                    PubKey.newBuilder().setKey(ByteString.copyFrom(tx.publicKey())).build())
                .toByteArray();
    return new SigInfo(
        tx.txBytes(), tx.signBytes(), tx.signMode(), publicKey, tx.signature(), null);
  }
}
