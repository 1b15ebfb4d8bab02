package io.arcanum.chain.tx;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import io.arcanum.proto.cosmos.tx.v1beta1.Fee;
import io.arcanum.proto.cosmos.tx.v1beta1.SignDoc;

/** The bytes a signer signs, per sign mode (secretjs-api.md §4.2, §4.3). */
public final class SignDocs {
  /** {@code SignMode.SIGN_MODE_DIRECT}. */
  public static final int DIRECT = 1;

  /** {@code SignMode.SIGN_MODE_LEGACY_AMINO_JSON}. */
  public static final int LEGACY_AMINO_JSON = 127;

  private SignDocs() {}

  /**
   * SIGN_MODE_DIRECT: the {@code SignDoc} of the body and auth info bytes exactly as received, this
   * node's chain id and the signer's stored account number (absent on the wire when 0).
   */
  public static byte[] direct(DecodedTx tx, String chainId, long accountNumber) {
    return SignDoc.newBuilder()
        .setBodyBytes(tx.bodyBytes())
        .setAuthInfoBytes(tx.authInfoBytes())
        .setChainId(chainId)
        .setAccountNumber(accountNumber)
        .build()
        .toByteArray();
  }

  /**
   * SIGN_MODE_LEGACY_AMINO_JSON: the {@code StdSignDoc} {@code {"account_number", "chain_id",
   * "fee": {"amount", "gas"}, "memo", "msgs", "sequence"}} (plus {@code timeout_height}, {@code
   * fee.payer} and {@code fee.granter} when set) as sorted, compact JSON.
   *
   * @throws IllegalArgumentException if a message has no amino JSON form
   */
  public static byte[] aminoJson(
      DecodedTx tx, String chainId, long accountNumber, long sequence, String bech32Prefix) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode doc = json.objectNode();
    doc.put("account_number", Long.toUnsignedString(accountNumber));
    doc.put("chain_id", chainId);
    Fee fee = tx.authInfo().getFee();
    ObjectNode feeJson = doc.putObject("fee");
    feeJson.set("amount", AminoMessages.coins(fee.getAmountList()));
    feeJson.put("gas", Long.toUnsignedString(fee.getGasLimit()));
    if (!fee.getPayer().isEmpty()) {
      feeJson.put("payer", fee.getPayer());
    }
    if (!fee.getGranter().isEmpty()) {
      feeJson.put("granter", fee.getGranter());
    }
    doc.put("memo", tx.body().getMemo());
    ArrayNode msgs = doc.putArray("msgs");
    for (Any message : tx.messages()) {
      msgs.add(AminoMessages.toAmino(message, bech32Prefix));
    }
    doc.put("sequence", Long.toUnsignedString(sequence));
    if (tx.body().getTimeoutHeight() != 0) {
      doc.put("timeout_height", Long.toUnsignedString(tx.body().getTimeoutHeight()));
    }
    return AminoJson.write(doc);
  }
}
