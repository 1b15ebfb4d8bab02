package io.arcanum.chain.tx;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.proto.cosmos.tx.v1beta1.AuthInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.TxBody;
import java.util.HexFormat;
import java.util.List;

/**
 * A tx as decoded from its {@code TxRaw} bytes. The body and auth info bytes are kept exactly as
 * received: the DIRECT sign doc is rebuilt from them, never from a re-encoding (secretjs-api.md
 * §4.3).
 *
 * @param txBytes the exact TxRaw bytes
 * @param hash SHA-256 of {@code txBytes}
 */
public record DecodedTx(
    byte[] txBytes,
    byte[] hash,
    ByteString bodyBytes,
    ByteString authInfoBytes,
    TxBody body,
    AuthInfo authInfo,
    List<ByteString> signatures) {

  public DecodedTx {
    txBytes = txBytes.clone();
    hash = hash.clone();
    signatures = List.copyOf(signatures);
  }

  @Override
  public byte[] txBytes() {
    return txBytes.clone();
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  public int size() {
    return txBytes.length;
  }

  public List<Any> messages() {
    return body.getMessagesList();
  }

  /** The fee's gas limit, a uint64 (negative here when above 2^63-1). */
  public long gasLimit() {
    return authInfo.getFee().getGasLimit();
  }

  /** The upper-case hex hash clients use ({@code txhash}). */
  public String hashHex() {
    return HexFormat.of().withUpperCase().formatHex(hash);
  }
}
