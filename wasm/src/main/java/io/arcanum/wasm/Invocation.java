package io.arcanum.wasm;

import io.arcanum.wasm.env.ContractEnv;
import java.util.Objects;

/**
 * One call of a contract entry point.
 *
 * @param entry which entry point
 * @param env block, contract, tx and sender (rendered per generation by the VM)
 * @param msg the (already decrypted) message bytes
 * @param gasLimit wasm gas available
 * @param queryDepth 0 for a top-level call, n for a query nested n deep via query_chain
 */
public record Invocation(
    EntryPoint entry, ContractEnv env, byte[] msg, long gasLimit, int queryDepth) {
  public Invocation {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(env, "env");
    msg = msg.clone();
    if (gasLimit < 0) {
      throw new IllegalArgumentException("gas limit must not be negative: " + gasLimit);
    }
    if (queryDepth < 0) {
      throw new IllegalArgumentException("query depth must not be negative: " + queryDepth);
    }
  }

  public static Invocation of(EntryPoint entry, ContractEnv env, byte[] msg, long gasLimit) {
    return new Invocation(entry, env, msg, gasLimit, 0);
  }

  @Override
  public byte[] msg() {
    return msg.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Invocation that
        && entry == that.entry
        && env.equals(that.env)
        && java.util.Arrays.equals(msg, that.msg)
        && gasLimit == that.gasLimit
        && queryDepth == that.queryDepth;
  }

  @Override
  public int hashCode() {
    return Objects.hash(entry, env, java.util.Arrays.hashCode(msg), gasLimit, queryDepth);
  }

  @Override
  public String toString() {
    return "Invocation[" + entry + ", " + msg.length + " bytes, gasLimit=" + gasLimit + "]";
  }
}
