package io.arcanum.wasm.validate;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.ValType;
import io.arcanum.wasm.VmLimits;

/**
 * Function limits, float types and the instruction gate (cosmwasm-abi.md §5.2, §5.3, §8 rule 1):
 * counts, parameters, results, locals, then every instruction of every body.
 */
final class FunctionChecks {
  // Block type immediates as Chicory decodes them: 0x40 = empty, else a value type or type index.
  private static final long BLOCK_EMPTY = 0x40;
  private static final long BLOCK_I32 = 0x7F;
  private static final long BLOCK_I64 = 0x7E;
  private static final long BLOCK_F32 = 0x7D;
  private static final long BLOCK_F64 = 0x7C;

  private final WasmModule module;
  private final VmLimits limits;
  private final int imported;

  FunctionChecks(WasmModule module, VmLimits limits) {
    this.module = module;
    this.limits = limits;
    this.imported = module.importSection().count(ExternalType.FUNCTION);
  }

  void run() {
    int defined = module.functionSection().functionCount();
    int total = imported + defined;
    if (total > limits.maxFunctions()) {
      throw new WasmValidationException(
          ValidationRule.TOO_MANY_FUNCTIONS, total + " functions, limit " + limits.maxFunctions());
    }
    for (int i = 0; i < module.importSection().importCount(); i++) {
      if (module.importSection().getImport(i) instanceof FunctionImport f) {
        checkType(module.typeSection().getType(f.typeIndex()), "import '" + f.name() + "'");
      }
    }
    for (int g = 0; g < module.globalSection().globalCount(); g++) {
      var type = module.globalSection().getGlobal(g).valueType();
      if (ContractValidator.isFloat(type)) {
        throw new WasmValidationException(
            ValidationRule.FLOAT_TYPE,
            "global " + g + " is " + type.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    for (int i = 0; i < defined; i++) {
      int index = imported + i;
      checkType(
          module.typeSection().getType(module.functionSection().getFunctionType(i)),
          "function " + index);
      checkBody(module.codeSection().getFunctionBody(i), index);
    }
  }

  private void checkType(FunctionType type, String where) {
    if (type.params().size() > limits.maxParams()) {
      throw new WasmValidationException(
          ValidationRule.TOO_MANY_PARAMS,
          where + " has " + type.params().size() + " parameters, limit " + limits.maxParams());
    }
    if (type.returns().size() > 1) {
      throw new WasmValidationException(
          ValidationRule.TOO_MANY_RESULTS, where + " has " + type.returns().size() + " results");
    }
    for (ValType t : type.params()) {
      if (ContractValidator.isFloat(t)) {
        throw new WasmValidationException(
            ValidationRule.FLOAT_TYPE, where + " has a " + t + " parameter");
      }
    }
    for (ValType t : type.returns()) {
      if (ContractValidator.isFloat(t)) {
        throw new WasmValidationException(ValidationRule.FLOAT_TYPE, where + " returns " + t);
      }
    }
  }

  private void checkBody(FunctionBody body, int index) {
    int params = ExportSignatures.functionType(module, index).params().size();
    int locals = body.localTypes().size() - params;
    if (locals > limits.maxLocalsPerFunction()) {
      throw new WasmValidationException(
          ValidationRule.TOO_MANY_LOCALS,
          "function "
              + index
              + " declares "
              + locals
              + " locals, limit "
              + limits.maxLocalsPerFunction());
    }
    for (ValType t : body.localTypes()) {
      if (ContractValidator.isFloat(t)) {
        throw new WasmValidationException(
            ValidationRule.FLOAT_TYPE, "function " + index + " has a " + t + " local");
      }
    }
    for (Instruction instruction : body.instructions()) {
      OpCode opcode = instruction.opcode();
      ValidationRule broken = InstructionPolicy.check(opcode);
      if (broken != null) {
        throw new WasmValidationException(
            broken, InstructionPolicy.textName(opcode) + " in function " + index);
      }
      if (opcode == OpCode.BLOCK || opcode == OpCode.LOOP || opcode == OpCode.IF) {
        checkBlockType(instruction.operand(0), opcode, index);
      } else if (opcode == OpCode.CALL_INDIRECT) {
        checkType(
            module.typeSection().getType((int) instruction.operand(0)),
            "call_indirect in function " + index);
      }
    }
  }

  private static void checkBlockType(long blockType, OpCode opcode, int index) {
    if (blockType == BLOCK_EMPTY || blockType == BLOCK_I32 || blockType == BLOCK_I64) {
      return;
    }
    String where = InstructionPolicy.textName(opcode) + " in function " + index;
    if (blockType == BLOCK_F32 || blockType == BLOCK_F64) {
      throw new WasmValidationException(ValidationRule.FLOAT_TYPE, where + " yields a float");
    }
    throw new WasmValidationException(
        ValidationRule.UNSUPPORTED_INSTRUCTION,
        where + " has a multi-value or reference block type (" + blockType + ")");
  }
}
