package io.arcanum.wasm.env;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.wasm.ApiProfile;
import io.arcanum.wasm.EntryPoint;
import java.util.Base64;
import java.util.List;

/**
 * The Env and MessageInfo JSON of cosmwasm-abi.md §4.1, per generation:
 *
 * <ul>
 *   <li>Secret 0.10: {@code {"block":{"height","time"(seconds),"chain_id"},"message":{"sender",
 *       "sent_funds"},"contract":{"address"},"contract_key":null,"contract_code_hash",
 *       "transaction":null}}; no MessageInfo.
 *   <li>Secret v1: {@code {"block":{"height","time"(ns string),"chain_id","random"?},
 *       "transaction":{"index","hash"}|null,"contract":{"address","code_hash"}}} and MessageInfo
 *       {@code {"sender","funds"}}. Upstream 1.x contracts read the same object (extra fields are
 *       ignored by cosmwasm-std).
 * </ul>
 */
public final class EnvJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private EnvJson() {}

  /** The env argument, or {@code null} where the entry point takes none (0.10 query). */
  public static byte[] env(ApiProfile profile, EntryPoint entry, ContractEnv env, boolean random) {
    if (profile == ApiProfile.V010) {
      return entry == EntryPoint.QUERY ? null : write(v010(env));
    }
    return write(v1(env, random));
  }

  /** The MessageInfo argument of v1 instantiate/execute, or {@code null}. */
  public static byte[] info(ApiProfile profile, EntryPoint entry, ContractEnv env) {
    if (entry.arity(profile) != 3) {
      return null;
    }
    ObjectNode info = NODES.objectNode();
    info.put("sender", env.sender() == null ? "" : env.sender());
    info.set("funds", coins(env.funds()));
    return write(info);
  }

  private static ObjectNode v010(ContractEnv env) {
    ObjectNode root = NODES.objectNode();
    ObjectNode block = root.putObject("block");
    block.put("height", env.block().height());
    block.put("time", env.block().timeNanos() / NANOS_PER_SECOND);
    block.put("chain_id", env.block().chainId());
    ObjectNode message = root.putObject("message");
    message.put("sender", env.sender() == null ? "" : env.sender());
    message.set("sent_funds", coins(env.funds()));
    root.putObject("contract").put("address", env.contractAddress());
    root.putNull("contract_key");
    root.put("contract_code_hash", env.codeHash());
    root.putNull("transaction");
    return root;
  }

  private static ObjectNode v1(ContractEnv env, boolean random) {
    ObjectNode root = NODES.objectNode();
    ObjectNode block = root.putObject("block");
    block.put("height", env.block().height());
    block.put("time", Long.toUnsignedString(env.block().timeNanos()));
    block.put("chain_id", env.block().chainId());
    if (random && env.block().random() != null) {
      block.put("random", Base64.getEncoder().encodeToString(env.block().random()));
    }
    if (env.transaction() == null) {
      root.putNull("transaction");
    } else {
      ObjectNode tx = root.putObject("transaction");
      tx.put("index", env.transaction().index());
      tx.put("hash", env.transaction().hash());
    }
    ObjectNode contract = root.putObject("contract");
    contract.put("address", env.contractAddress());
    contract.put("code_hash", env.codeHash());
    return root;
  }

  private static ArrayNode coins(List<Coin> coins) {
    ArrayNode array = NODES.arrayNode();
    for (Coin coin : coins) {
      array.addObject().put("denom", coin.denom()).put("amount", coin.amount().toString());
    }
    return array;
  }

  private static byte[] write(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }
}
