package io.arcanum.wasm.runtime;

import com.dylibso.chicory.runtime.WasmFunctionHandle;
import io.arcanum.wasm.FailureKind;
import io.arcanum.wasm.host.ChainQuerier;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** query_chain, debug output, abort and Secret's gas functions (cosmwasm-abi.md §2.2, §2.3). */
final class ChainImports {
  static final byte[] RECURSION_LIMIT_ANSWER =
      "{\"Err\":{\"exceeded_recursion_limit\":{}}}".getBytes(StandardCharsets.UTF_8);

  /** Upstream's bound on debug and abort messages. */
  static final int MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

  private ChainImports() {}

  static void register(CallContext c, Map<String, WasmFunctionHandle> handlers) {
    handlers.put(
        "query_chain",
        (instance, args) -> {
          byte[] request = c.read(args[0], "query_chain request");
          int depth = c.queryDepth + 1;
          if (depth > c.limits.maxQueryDepth()) {
            return HostImports.i32(c.allocate(RECURSION_LIMIT_ANSWER, "query_chain answer"));
          }
          long available = c.gas().remaining();
          ChainQuerier.Answer answer =
              c.callHost(() -> c.host.querier().query(request, depth, available));
          c.gas().charge(answer.gasUsed());
          return HostImports.i32(c.allocate(answer.systemResult(), "query_chain answer"));
        });
    WasmFunctionHandle debug =
        (instance, args) -> {
          String message = text(c, args[0], "debug message");
          c.callHost(() -> c.host.debug().accept(message));
          return null;
        };
    handlers.put("debug", debug);
    handlers.put("debug_print", debug);
    handlers.put(
        "abort",
        (instance, args) -> {
          String message = text(c, args[0], "abort message");
          throw new VmTrap(FailureKind.TRAP, "contract aborted: " + message);
        });
    handlers.put(
        "check_gas",
        (instance, args) -> {
          c.gas().charge(HostCosts.CHECK_GAS);
          return new long[] {c.gas().used() / HostCosts.GAS_MULTIPLIER};
        });
    handlers.put(
        "gas_evaporate",
        (instance, args) -> {
          long amount = args[0] & 0xFFFF_FFFFL;
          c.gas()
              .charge(
                  Math.max(amount * HostCosts.GAS_EVAPORATE_PER_UNIT, HostCosts.GAS_EVAPORATE_MIN));
          return HostImports.i32(0);
        });
  }

  private static String text(CallContext c, long pointer, String what) {
    byte[] bytes = c.read(pointer, what);
    if (bytes.length > MAX_MESSAGE_BYTES) {
      throw VmTrap.host(what + " of " + bytes.length + " bytes exceeds " + MAX_MESSAGE_BYTES);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
