package io.arcanum.client;

import com.google.protobuf.ByteString;

/**
 * A successful contract call.
 *
 * @param data what {@code execute} returned, decrypted (secret.js: {@code
 *     MsgExecuteContractResponse.decode(tx.data[0]).data})
 * @param response the whole tx result
 */
public record ExecuteResult(ByteString data, TxResponse response) implements ContractResult {
  @Override
  public String toString() {
    return "ExecuteResult[" + data.size() + " bytes of data, redacted, " + response + "]";
  }
}
