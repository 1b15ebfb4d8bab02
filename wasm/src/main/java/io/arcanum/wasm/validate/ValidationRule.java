package io.arcanum.wasm.validate;

/**
 * Why an upload was refused. Each rule names one check of cosmwasm-abi.md §5 / §8 so that an error
 * message, a test and the spec line up.
 */
public enum ValidationRule {
  NOT_WASM("the bytes are not a wasm module"),
  MALFORMED_GZIP("the gzip stream is corrupt"),
  TOO_LARGE("the module is larger than allowed"),
  INVALID_MODULE("the module does not parse or validate as wasm"),
  NO_API_MARKER("no API marker export (interface_version_8 or cosmwasm_vm_version_3)"),
  MULTIPLE_API_MARKERS("more than one API marker export"),
  UNSUPPORTED_API_VERSION("an API generation Arcanum does not run"),
  MISSING_EXPORT("a required export is missing"),
  BAD_EXPORT_SIGNATURE("an export has the wrong kind or signature"),
  RESERVED_EXPORT("an export uses a name the VM reserves for metering"),
  UNKNOWN_IMPORT("an import is not in the profile's allow-list"),
  NON_FUNCTION_IMPORT("a memory, table or global is imported"),
  BAD_IMPORT_SIGNATURE("an import has the wrong signature"),
  START_FUNCTION("the module has a start function"),
  MEMORY_COUNT("the module does not define exactly one memory"),
  MEMORY_TOO_LARGE("initial memory above the limit"),
  MEMORY_MAXIMUM("the memory declares a maximum"),
  TABLE_COUNT("more than one table"),
  TABLE_TOO_LARGE("the table is larger than allowed"),
  TOO_MANY_FUNCTIONS("too many functions"),
  TOO_MANY_PARAMS("a function type has too many parameters"),
  TOO_MANY_RESULTS("a function type has more than one result"),
  TOO_MANY_IMPORTS("too many imports"),
  TOO_MANY_LOCALS("a function declares too many locals"),
  FLOAT_INSTRUCTION("a floating-point instruction"),
  FLOAT_TYPE("a floating-point parameter, result, local, global or block type"),
  SIMD_INSTRUCTION("a SIMD instruction"),
  UNSUPPORTED_INSTRUCTION("an instruction outside wasm MVP and sign-extension"),
  UNSUPPORTED_CAPABILITY("a requires_* capability the chain does not offer");

  private final String description;

  ValidationRule(String description) {
    this.description = description;
  }

  /** One line saying what the rule forbids. */
  public String description() {
    return description;
  }
}
