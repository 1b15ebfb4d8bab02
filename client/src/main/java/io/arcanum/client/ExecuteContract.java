package io.arcanum.client;

import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /secret.compute.v1beta1.MsgExecuteContract}: calls a contract with a message encrypted for
 * its code hash (secretjs-api.md §5).
 *
 * @param contractAddress the contract's bech32 address
 * @param codeHash the contract's code hash; when empty the client asks the node (E5) and caches it
 * @param msgJson the message as JSON text (never shown by {@link #toString()})
 * @param funds coins sent along
 */
public record ExecuteContract(
    String contractAddress, Optional<CodeHash> codeHash, String msgJson, List<Coin> funds)
    implements TxMsg {

  public ExecuteContract {
    Objects.requireNonNull(contractAddress, "contractAddress");
    Objects.requireNonNull(codeHash, "codeHash");
    Objects.requireNonNull(msgJson, "msgJson");
    funds = List.copyOf(funds);
  }

  /**
   * Executes {@code msg} (a JsonNode, Map, record or JSON String) on {@code contractAddress}.
   *
   * @throws IllegalArgumentException if {@code msg} is not JSON
   */
  public static ExecuteContract of(String contractAddress, Object msg) {
    return new ExecuteContract(
        contractAddress, Optional.empty(), ContractJson.write(msg, "execute msg"), List.of());
  }

  /**
   * Encrypts for this code hash instead of asking the node; {@code null} asks the node.
   *
   * @throws io.arcanum.crypto.tx.InvalidCodeHashException unless 64 hex characters (optionally
   *     {@code 0x}-prefixed)
   */
  public ExecuteContract withCodeHash(String hash) {
    return new ExecuteContract(
        contractAddress,
        hash == null ? Optional.empty() : Optional.of(CodeHash.parse(hash)),
        msgJson,
        funds);
  }

  public ExecuteContract withFunds(List<Coin> coins) {
    return new ExecuteContract(contractAddress, codeHash, msgJson, coins);
  }

  @Override
  public String toString() {
    return "ExecuteContract[" + contractAddress + ", msg " + msgJson.length() + " bytes, redacted]";
  }
}
