package io.arcanum.wasm.validate;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.arcanum.wasm.ApiProfile;
import io.arcanum.wasm.ApiProfile.Signature;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The kinds and signatures of the exports the host calls (cosmwasm-abi.md §2.1, §2.2). */
final class ExportSignatures {
  private ExportSignatures() {}

  static void check(WasmModule module, ApiProfile profile, Map<String, Export> exports) {
    expect(module, exports, profile.marker(), Signature.NONE_TO_NONE);
    expect(module, exports, "allocate", Signature.I32_TO_I32);
    expect(module, exports, "deallocate", Signature.I32_TO_NONE);
    if (profile == ApiProfile.V010) {
      expect(module, exports, "init", Signature.I32_I32_TO_I32);
      expect(module, exports, "handle", Signature.I32_I32_TO_I32);
      expect(module, exports, "query", Signature.I32_TO_I32);
      expect(module, exports, "migrate", Signature.I32_I32_TO_I32);
    } else {
      expect(module, exports, "instantiate", Signature.I32_I32_I32_TO_I32);
      expect(module, exports, "execute", Signature.I32_I32_I32_TO_I32);
      for (String name : List.of("query", "migrate", "reply", "sudo")) {
        expect(module, exports, name, Signature.I32_I32_TO_I32);
      }
    }
  }

  private static void expect(
      WasmModule module, Map<String, Export> exports, String name, Signature signature) {
    Export export = exports.get(name);
    if (export == null) {
      return; // optional export; required ones were checked before
    }
    if (export.exportType() != ExternalType.FUNCTION) {
      throw new WasmValidationException(
          ValidationRule.BAD_EXPORT_SIGNATURE,
          "'"
              + name
              + "' is a "
              + export.exportType().name().toLowerCase(java.util.Locale.ROOT)
              + ", expected a function "
              + signature);
    }
    FunctionType type = functionType(module, export.index());
    if (!matches(type, signature)) {
      throw new WasmValidationException(
          ValidationRule.BAD_EXPORT_SIGNATURE,
          "'" + name + "' is " + describe(type) + ", expected " + signature);
    }
  }

  static FunctionType functionType(WasmModule module, int functionIndex) {
    int imported = module.importSection().count(ExternalType.FUNCTION);
    if (functionIndex < imported) {
      int seen = 0;
      for (int i = 0; i < module.importSection().importCount(); i++) {
        if (module.importSection().getImport(i) instanceof FunctionImport f
            && seen++ == functionIndex) {
          return module.typeSection().getType(f.typeIndex());
        }
      }
    }
    int typeIndex = module.functionSection().getFunctionType(functionIndex - imported);
    return module.typeSection().getType(typeIndex);
  }

  static boolean matches(FunctionType type, Signature signature) {
    if (type.params().size() != signature.params()) {
      return false;
    }
    for (ValType param : type.params()) {
      if (!param.equals(ValType.I32)) {
        return false;
      }
    }
    return switch (signature.result()) {
      case "" -> type.returns().isEmpty();
      case "i32" -> type.returns().equals(List.of(ValType.I32));
      default -> type.returns().equals(List.of(ValType.I64));
    };
  }

  static String describe(FunctionType type) {
    String params =
        type.params().stream().map(ExportSignatures::name).collect(Collectors.joining(", "));
    String results =
        type.returns().stream().map(ExportSignatures::name).collect(Collectors.joining(", "));
    return "(" + params + ") -> " + (results.isEmpty() ? "()" : results);
  }

  private static String name(ValType type) {
    return type.name().toLowerCase(java.util.Locale.ROOT);
  }
}
