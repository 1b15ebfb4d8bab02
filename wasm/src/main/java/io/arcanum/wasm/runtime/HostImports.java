package io.arcanum.wasm.runtime;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.arcanum.wasm.ApiProfile.Signature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links the imports a contract declared to their implementations for one call. Each group (storage,
 * addresses, crypto, chain) registers handlers by import name; only the names the module imports
 * are linked, with the signature of its profile (already checked at upload).
 */
final class HostImports {
  private HostImports() {}

  static ImportValues create(CallContext context, Set<String> importedNames) {
    Map<String, WasmFunctionHandle> handlers = new java.util.HashMap<>();
    StorageImports.register(context, handlers);
    AddressImports.register(context, handlers);
    CryptoImports.register(context, handlers);
    ChainImports.register(context, handlers);
    List<HostFunction> functions = new ArrayList<>();
    for (String name : importedNames) {
      Signature signature = context.profile.imports().get(name);
      WasmFunctionHandle handler = handlers.get(name);
      if (signature == null || handler == null) {
        throw new IllegalStateException("no host function for validated import " + name);
      }
      functions.add(new HostFunction("env", name, type(signature), handler));
    }
    return ImportValues.builder().withFunctions(Collections.unmodifiableList(functions)).build();
  }

  private static FunctionType type(Signature signature) {
    List<ValType> params = Collections.nCopies(signature.params(), ValType.I32);
    List<ValType> results =
        switch (signature.result()) {
          case "" -> List.of();
          case "i32" -> List.of(ValType.I32);
          default -> List.of(ValType.I64);
        };
    return FunctionType.of(params, results);
  }

  /** An i32 result. */
  static long[] i32(long value) {
    return new long[] {value & 0xFFFF_FFFFL};
  }

  /** An i64 result packing a code (high half) and a Region pointer (low half), §2.4. */
  static long[] packed(int code, long pointer) {
    return new long[] {((long) code << 32) | (pointer & 0xFFFF_FFFFL)};
  }
}
