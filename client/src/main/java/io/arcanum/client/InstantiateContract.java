package io.arcanum.client;

import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /secret.compute.v1beta1.MsgInstantiateContract}: a new contract of a stored code, its init
 * message encrypted for the code's hash (secretjs-api.md §5).
 *
 * @param codeId the stored code (from 1)
 * @param codeHash the code's hash; when empty the client asks the node (E4) and caches it
 * @param initMsgJson the init message as JSON text (never shown by {@link #toString()})
 * @param label unique on the chain
 * @param funds coins sent to the new contract
 * @param admin the admin's bech32 address, or {@code ""} for none
 */
public record InstantiateContract(
    long codeId,
    Optional<CodeHash> codeHash,
    String initMsgJson,
    String label,
    List<Coin> funds,
    String admin)
    implements TxMsg {

  public InstantiateContract {
    if (codeId <= 0) {
      throw new IllegalArgumentException("code id must be 1 or more, got " + codeId);
    }
    Objects.requireNonNull(codeHash, "codeHash");
    Objects.requireNonNull(initMsgJson, "initMsgJson");
    Objects.requireNonNull(label, "label");
    if (label.isBlank()) {
      throw new IllegalArgumentException("a contract needs a label (unique on the chain)");
    }
    funds = List.copyOf(funds);
    Objects.requireNonNull(admin, "admin");
  }

  /**
   * Instantiates {@code codeId} with {@code initMsg} (a JsonNode, Map, record or JSON String).
   *
   * @throws IllegalArgumentException if {@code initMsg} is not JSON
   */
  public static InstantiateContract of(long codeId, Object initMsg, String label) {
    return new InstantiateContract(
        codeId, Optional.empty(), ContractJson.write(initMsg, "init msg"), label, List.of(), "");
  }

  /**
   * Encrypts for this code hash instead of asking the node; {@code null} asks the node.
   *
   * @throws io.arcanum.crypto.tx.InvalidCodeHashException unless 64 hex characters (optionally
   *     {@code 0x}-prefixed)
   */
  public InstantiateContract withCodeHash(String hash) {
    return new InstantiateContract(
        codeId,
        hash == null ? Optional.empty() : Optional.of(CodeHash.parse(hash)),
        initMsgJson,
        label,
        funds,
        admin);
  }

  public InstantiateContract withFunds(List<Coin> coins) {
    return new InstantiateContract(codeId, codeHash, initMsgJson, label, coins, admin);
  }

  /** Sets the admin, who may migrate the contract ({@code ""} for none). */
  public InstantiateContract withAdmin(String address) {
    return new InstantiateContract(codeId, codeHash, initMsgJson, label, funds, address);
  }

  @Override
  public String toString() {
    return "InstantiateContract[code "
        + codeId
        + ", label "
        + label
        + ", init msg "
        + initMsgJson.length()
        + " bytes, redacted]";
  }
}
