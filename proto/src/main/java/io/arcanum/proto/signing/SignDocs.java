package io.arcanum.proto.signing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.proto.cosmos.tx.v1beta1.Fee;
import io.arcanum.proto.cosmos.tx.v1beta1.SignDoc;
import io.arcanum.proto.cosmos.tx.v1beta1.TxBody;
import java.util.function.Function;

/**
 * The bytes a signer signs, per sign mode (secretjs-api.md §4.2, §4.3). The chain rebuilds them
 * from a received tx to verify its signature; the Java SDK builds them to sign.
 */
public final class SignDocs {
  /** {@code SignMode.SIGN_MODE_DIRECT}. */
  public static final int DIRECT = 1;

  /** {@code SignMode.SIGN_MODE_LEGACY_AMINO_JSON}. */
  public static final int LEGACY_AMINO_JSON = 127;

  private SignDocs() {}

  /**
   * SIGN_MODE_DIRECT: the encoded {@code SignDoc} of the body and auth info bytes exactly as they
   * travel in the {@code TxRaw}, the chain id and the signer's account number (absent on the wire
   * when 0).
   */
  public static byte[] direct(
      ByteString bodyBytes, ByteString authInfoBytes, String chainId, long accountNumber) {
    return SignDoc.newBuilder()
        .setBodyBytes(bodyBytes)
        .setAuthInfoBytes(authInfoBytes)
        .setChainId(chainId)
        .setAccountNumber(accountNumber)
        .build()
        .toByteArray();
  }

  /**
   * SIGN_MODE_LEGACY_AMINO_JSON: the bytes of {@link #stdSignDoc} as sorted, compact JSON.
   *
   * @throws IllegalArgumentException if a message has no amino JSON form
   */
  public static byte[] aminoJson(
      TxBody body,
      Fee fee,
      String chainId,
      long accountNumber,
      long sequence,
      Function<byte[], String> bech32) {
    return AminoJson.write(stdSignDoc(body, fee, chainId, accountNumber, sequence, bech32));
  }

  /**
   * The {@code StdSignDoc} {@code {"account_number", "chain_id", "fee": {"amount", "gas"}, "memo",
   * "msgs", "sequence"}} (plus {@code timeout_height}, {@code fee.payer} and {@code fee.granter}
   * when set).
   *
   * @param bech32 renders raw account bytes as bech32 ({@link AminoMessages#toAmino})
   * @throws IllegalArgumentException if a message has no amino JSON form
   */
  public static ObjectNode stdSignDoc(
      TxBody body,
      Fee fee,
      String chainId,
      long accountNumber,
      long sequence,
      Function<byte[], String> bech32) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode doc = json.objectNode();
    doc.put("account_number", Long.toUnsignedString(accountNumber));
    doc.put("chain_id", chainId);
    ObjectNode feeJson = doc.putObject("fee");
    feeJson.set("amount", AminoMessages.coins(fee.getAmountList()));
    feeJson.put("gas", Long.toUnsignedString(fee.getGasLimit()));
    if (!fee.getPayer().isEmpty()) {
      feeJson.put("payer", fee.getPayer());
    }
    if (!fee.getGranter().isEmpty()) {
      feeJson.put("granter", fee.getGranter());
    }
    doc.put("memo", body.getMemo());
    ArrayNode msgs = doc.putArray("msgs");
    for (Any message : body.getMessagesList()) {
      msgs.add(AminoMessages.toAmino(message, bech32));
    }
    doc.put("sequence", Long.toUnsignedString(sequence));
    if (body.getTimeoutHeight() != 0) {
      doc.put("timeout_height", Long.toUnsignedString(body.getTimeoutHeight()));
    }
    return doc;
  }
}
