package io.arcanum.chain.tx;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TypeRegistry;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.proto.cosmos.tx.v1beta1.AuthInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.TxBody;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * Decodes {@code TxRaw} bytes as the SDK's {@code DefaultTxDecoder}: the TxRaw must follow ADR-027
 * (fields in ascending order, shortest length prefixes), and no part of the tx may carry fields its
 * schema does not know ({@link UnknownFields}). Every failure is {@code sdk} 2 "tx parse error".
 */
public final class TxDecoder {
  private final UnknownFields unknownFields;

  /**
   * @param registry the message types a tx may contain anywhere (messages, keys, options)
   * @param handledTypeUrls message types some handler runs; one the registry lacks is passed to its
   *     handler without the unknown-field check
   */
  public TxDecoder(TypeRegistry registry, Set<String> handledTypeUrls) {
    this.unknownFields = new UnknownFields(registry, handledTypeUrls);
  }

  /**
   * @throws ChainException {@code sdk} 2 naming what could not be decoded
   */
  public DecodedTx decode(byte[] txBytes) throws ChainException {
    String adr027 = Adr027.violation(txBytes);
    if (adr027 != null) {
      throw SdkErrors.TX_DECODE.wrap(adr027);
    }
    try {
      TxRaw raw = TxRaw.parseFrom(txBytes);
      unknownFields.reject(raw, false);
      TxBody body = TxBody.parseFrom(raw.getBodyBytes());
      unknownFields.reject(body, true);
      AuthInfo authInfo = AuthInfo.parseFrom(raw.getAuthInfoBytes());
      unknownFields.reject(authInfo, false);
      return new DecodedTx(
          txBytes,
          hash(txBytes),
          raw.getBodyBytes(),
          raw.getAuthInfoBytes(),
          body,
          authInfo,
          raw.getSignaturesList());
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrors.TX_DECODE.wrap(e.getMessage());
    }
  }

  /** Whether {@code typeUrl} names a message type the registry knows. */
  public boolean isKnownType(String typeUrl) {
    return unknownFields.isKnown(typeUrl);
  }

  /**
   * The tx hash: SHA-256 of the exact TxRaw bytes, as CometBFT indexes txs and secret.js computes
   * the hash it polls for (secretjs-api.md §2).
   */
  public static byte[] hash(byte[] txBytes) {
    return sha256(txBytes);
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }

  /** The SDK's {@code rejectNonADR027TxRaw}. */
  static final class Adr027 {
    private Adr027() {}

    /** Why {@code bytes} is not an ADR-027 TxRaw, or null if it is. */
    static String violation(byte[] bytes) {
      int at = 0;
      int previous = 0;
      while (at < bytes.length) {
        long[] tag = varint(bytes, at);
        if (tag == null) {
          return "invalid length; proto: cannot parse invalid wire-format data";
        }
        at += (int) tag[1];
        int number = (int) (tag[0] >>> 3);
        int wireType = (int) (tag[0] & 7);
        if (wireType != 2) {
          return "expected 2 wire type, got " + wireType;
        }
        if (number < previous) {
          return "txRaw must follow ADR-027, got tagNum " + number + " after tagNum " + previous;
        }
        if (number == previous && number != 3) {
          return "txRaw must follow ADR-027, field " + number + " appears more than once";
        }
        previous = number;
        long[] length = varint(bytes, at);
        if (length == null) {
          return "invalid length; proto: cannot parse invalid wire-format data";
        }
        int minimal = minimalLength(length[0]);
        if (length[1] != minimal) {
          return "length prefix varint for tagNum "
              + number
              + " is not as short as possible, read "
              + length[1]
              + ", only need "
              + minimal;
        }
        at += (int) length[1];
        if (length[0] < 0 || length[0] > bytes.length - at) {
          return "invalid length; proto: cannot parse invalid wire-format data";
        }
        at += (int) length[0];
      }
      return null;
    }

    /** {value, bytes read}, or null if truncated or longer than 10 bytes. */
    private static long[] varint(byte[] bytes, int at) {
      long value = 0;
      for (int i = 0; i < 10; i++) {
        if (at + i >= bytes.length) {
          return null;
        }
        int b = bytes[at + i] & 0xff;
        value |= (long) (b & 0x7f) << (7 * i);
        if ((b & 0x80) == 0) {
          return new long[] {value, i + 1};
        }
      }
      return null;
    }

    private static int minimalLength(long value) {
      int n = 1;
      while (Long.compareUnsigned(value, 0x80) >= 0) {
        value >>>= 7;
        n++;
      }
      return n;
    }
  }
}
