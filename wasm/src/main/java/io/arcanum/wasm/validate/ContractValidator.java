package io.arcanum.wasm.validate;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.wasm.ApiProfile;
import io.arcanum.wasm.ContractCode;
import io.arcanum.wasm.VmLimits;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upload validation (cosmwasm-abi.md §5, §8): decides the API profile and refuses, with a {@link
 * WasmValidationException} naming the rule and the item, anything Arcanum will not run. Runs once
 * per code hash; the checks are ordered as upstream's (tables, memories, marker, exports, imports,
 * capabilities, function limits) with the instruction gate last.
 */
public final class ContractValidator {
  /** Exports the instrumentation adds; a module may not define them itself. */
  public static final Set<String> RESERVED_EXPORTS =
      Set.of("gas_limit", "gas_limit_exhausted", "arcanum_stack_height", "arcanum_stack_exhausted");

  private static final String REQUIRES_PREFIX = "requires_";

  private final VmLimits limits;

  public ContractValidator(VmLimits limits) {
    this.limits = limits;
  }

  /** Validates an upload (raw or gzipped) and returns the accepted code. */
  public ContractCode validate(byte[] upload) {
    byte[] wasm = UploadDecoder.decode(upload, limits.maxWasmBytes(), limits.maxGzipBytes());
    WasmModule module = parse(wasm);
    if (module.startSection().isPresent()) {
      throw new WasmValidationException(
          ValidationRule.START_FUNCTION,
          "start function " + module.startSection().get().startIndex());
    }
    checkTables(module);
    checkMemory(module, wasm);
    Map<String, Export> exports = exportsByName(module);
    ApiProfile profile = profileOf(exports);
    checkExports(module, profile, exports);
    checkImports(module, profile);
    Set<String> capabilities = capabilities(exports);
    new FunctionChecks(module, limits).run();
    Set<String> functionExports = new HashSet<>();
    exports.forEach(
        (name, export) -> {
          if (export.exportType() == ExternalType.FUNCTION) {
            functionExports.add(name);
          }
        });
    return new ContractCode(CodeHash.of(wasm).hex(), profile, wasm, capabilities, functionExports);
  }

  private static WasmModule parse(byte[] wasm) {
    try {
      return Parser.parse(wasm);
    } catch (ChicoryException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new WasmValidationException(ValidationRule.INVALID_MODULE, String.valueOf(e), e);
    }
  }

  private void checkTables(WasmModule module) {
    int tables = module.tableSection().tableCount();
    if (tables > 1) {
      throw new WasmValidationException(ValidationRule.TABLE_COUNT, tables + " tables");
    }
    if (tables == 1
        && module.tableSection().getTable(0).limits().min() > limits.maxTableElements()) {
      throw new WasmValidationException(
          ValidationRule.TABLE_TOO_LARGE,
          module.tableSection().getTable(0).limits().min()
              + " initial elements, limit "
              + limits.maxTableElements());
    }
  }

  private void checkMemory(WasmModule module, byte[] wasm) {
    int memories = module.memorySection().map(s -> s.memoryCount()).orElse(0);
    if (memories != 1) {
      throw new WasmValidationException(
          ValidationRule.MEMORY_COUNT, memories + " memories defined, exactly 1 required");
    }
    int initial = module.memorySection().get().getMemory(0).limits().initialPages();
    if (initial > limits.maxMemoryPages()) {
      throw new WasmValidationException(
          ValidationRule.MEMORY_TOO_LARGE,
          initial + " initial pages, limit " + limits.maxMemoryPages());
    }
    if (MemoryFlags.declaresMaximum(wasm)) {
      throw new WasmValidationException(
          ValidationRule.MEMORY_MAXIMUM, "memory 0 declares a maximum; the VM sets it");
    }
  }

  private static Map<String, Export> exportsByName(WasmModule module) {
    Map<String, Export> exports = new HashMap<>();
    for (int i = 0; i < module.exportSection().exportCount(); i++) {
      Export export = module.exportSection().getExport(i);
      if (exports.put(export.name(), export) != null) {
        throw new WasmValidationException(
            ValidationRule.INVALID_MODULE, "duplicate export '" + export.name() + "'");
      }
    }
    return exports;
  }

  private static ApiProfile profileOf(Map<String, Export> exports) {
    ApiProfile found = null;
    for (String name : exports.keySet().stream().sorted().toList()) {
      ApiProfile profile = ApiProfile.byMarker(name);
      boolean otherMarker =
          profile == null
              && (name.startsWith("interface_version_")
                  || ApiProfile.LEGACY_MARKERS.contains(name));
      if (otherMarker) {
        throw new WasmValidationException(
            ValidationRule.UNSUPPORTED_API_VERSION,
            "export '" + name + "'; Arcanum runs interface_version_8 and cosmwasm_vm_version_3");
      }
      if (profile != null) {
        if (found != null) {
          throw new WasmValidationException(
              ValidationRule.MULTIPLE_API_MARKERS, found.marker() + " and " + profile.marker());
        }
        found = profile;
      }
    }
    if (found == null) {
      throw new WasmValidationException(
          ValidationRule.NO_API_MARKER, "exports " + exports.keySet().stream().sorted().toList());
    }
    return found;
  }

  private static void checkExports(
      WasmModule module, ApiProfile profile, Map<String, Export> exports) {
    for (String reserved : RESERVED_EXPORTS) {
      if (exports.containsKey(reserved)) {
        throw new WasmValidationException(
            ValidationRule.RESERVED_EXPORT, "export '" + reserved + "'");
      }
    }
    for (String required : profile.requiredExports()) {
      if (!exports.containsKey(required)) {
        throw new WasmValidationException(
            ValidationRule.MISSING_EXPORT, "'" + required + "' (" + profile + ")");
      }
    }
    ExportSignatures.check(module, profile, exports);
  }

  private void checkImports(WasmModule module, ApiProfile profile) {
    int count = module.importSection().importCount();
    if (count > limits.maxImports()) {
      throw new WasmValidationException(
          ValidationRule.TOO_MANY_IMPORTS, count + " imports, limit " + limits.maxImports());
    }
    for (int i = 0; i < count; i++) {
      Import anImport = module.importSection().getImport(i);
      String name = anImport.module() + "." + anImport.name();
      if (!(anImport instanceof FunctionImport function)) {
        throw new WasmValidationException(
            ValidationRule.NON_FUNCTION_IMPORT,
            anImport.importType().name().toLowerCase(java.util.Locale.ROOT)
                + " import '"
                + name
                + "'");
      }
      ApiProfile.Signature expected =
          anImport.module().equals("env") ? profile.imports().get(anImport.name()) : null;
      if (expected == null) {
        throw new WasmValidationException(
            ValidationRule.UNKNOWN_IMPORT, "'" + name + "' is not provided to " + profile);
      }
      FunctionType type = module.typeSection().getType(function.typeIndex());
      if (!ExportSignatures.matches(type, expected)) {
        throw new WasmValidationException(
            ValidationRule.BAD_IMPORT_SIGNATURE,
            "'" + name + "' is " + ExportSignatures.describe(type) + ", expected " + expected);
      }
    }
  }

  private Set<String> capabilities(Map<String, Export> exports) {
    Set<String> required = new HashSet<>();
    for (String name : exports.keySet()) {
      if (name.startsWith(REQUIRES_PREFIX)) {
        String capability = name.substring(REQUIRES_PREFIX.length());
        if (!limits.capabilities().contains(capability)) {
          throw new WasmValidationException(
              ValidationRule.UNSUPPORTED_CAPABILITY,
              "'" + name + "'; the chain offers " + List.copyOf(limits.capabilities()));
        }
        required.add(capability);
      }
    }
    return required;
  }

  static boolean isFloat(ValType type) {
    return type.equals(ValType.F32) || type.equals(ValType.F64);
  }
}
