package io.arcanum.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One message of a committed tx (secretjs-api.md §6.1 step 1).
 *
 * @param index its position in the tx
 * @param typeUrl its {@code @type}, e.g. {@code /secret.compute.v1beta1.MsgExecuteContract}
 * @param json the message as the node rendered it (contract input still encrypted)
 * @param contractMsg the contract input ({@code init_msg} or {@code msg}) decrypted and parsed, if
 *     this client encrypted it (same key pair or {@code encryptionSeed})
 */
public record TxMessage(int index, String typeUrl, JsonNode json, Optional<JsonNode> contractMsg) {
  @Override
  public String toString() {
    return "TxMessage["
        + index
        + ", "
        + typeUrl
        + (contractMsg.isPresent() ? ", decrypted input redacted]" : "]");
  }
}
