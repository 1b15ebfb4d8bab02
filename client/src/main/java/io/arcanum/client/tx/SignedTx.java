package io.arcanum.client.tx;

import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.proto.cosmos.tx.v1beta1.AuthInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.TxBody;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed tx ready to broadcast: the exact {@code TxRaw} bytes and their hash, upper-case hex of
 * SHA-256 (the {@code txhash} the node indexes it under, secretjs-api.md §2).
 */
public final class SignedTx {
  private final TxRaw raw;
  private final byte[] txBytes;
  private final String hash;

  public SignedTx(TxRaw raw) {
    this(raw, raw.toByteArray());
  }

  private SignedTx(TxRaw raw, byte[] txBytes) {
    this.raw = raw;
    this.txBytes = txBytes;
    this.hash = hashOf(txBytes);
  }

  /**
   * Wraps TxRaw bytes signed elsewhere, keeping them exactly (the hash is over these bytes).
   *
   * @throws IllegalArgumentException if they are not a TxRaw
   */
  public static SignedTx parse(byte[] txBytes) {
    try {
      return new SignedTx(TxRaw.parseFrom(txBytes), txBytes.clone());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("tx bytes are not a TxRaw: " + e.getMessage(), e);
    }
  }

  /** Upper-case hex SHA-256 of {@code txBytes}. */
  public static String hashOf(byte[] txBytes) {
    try {
      return HexFormat.of()
          .withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(txBytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }

  public TxRaw raw() {
    return raw;
  }

  /** A copy of the TxRaw bytes. */
  public byte[] txBytes() {
    return txBytes.clone();
  }

  /** Standard base64 of the TxRaw bytes, as the broadcast body carries them. */
  public String txBytesBase64() {
    return Base64.getEncoder().encodeToString(txBytes);
  }

  /** The tx hash: upper-case hex SHA-256 of the TxRaw bytes. */
  public String hash() {
    return hash;
  }

  public TxBody body() {
    try {
      return TxBody.parseFrom(raw.getBodyBytes());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("body bytes do not decode", e);
    }
  }

  public AuthInfo authInfo() {
    try {
      return AuthInfo.parseFrom(raw.getAuthInfoBytes());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("auth info bytes do not decode", e);
    }
  }

  @Override
  public String toString() {
    return "SignedTx[" + hash + ", " + txBytes.length + " bytes]";
  }
}
