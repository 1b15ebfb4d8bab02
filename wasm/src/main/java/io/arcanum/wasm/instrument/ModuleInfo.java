package io.arcanum.wasm.instrument;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What the rewriter needs to know about the input module: its sections, the function types, how
 * many functions and globals are imported and defined, each defined function's type and body
 * location, and the export names. Parsing checks structure (counts, lengths, section order) and
 * rejects types outside MVP; it does not re-validate the module.
 */
final class ModuleInfo {
  static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

  final byte[] module;
  final List<Section> sections = new ArrayList<>();

  /** Each type's encoding after the 0x60 form byte (params vector, results vector). */
  final List<byte[]> types = new ArrayList<>();

  final List<Integer> typeParamCounts = new ArrayList<>();
  int importedFunctions;
  int importedGlobals;
  int tables;
  int definedGlobals;
  int exportCount;

  /** The type index of each defined function. */
  int[] definedFunctionTypes = new int[0];

  /** Offsets of each body's content (after its size) and its end, in the module bytes. */
  int[] bodyStarts = new int[0];

  int[] bodyEnds = new int[0];

  private ModuleInfo(byte[] module) {
    this.module = module;
  }

  static ModuleInfo parse(byte[] module, Set<String> reservedExports) {
    ModuleInfo info = new ModuleInfo(module);
    info.readSections();
    for (Section section : info.sections) {
      ByteCursor in = section.content(module);
      try {
        switch (section.id()) {
          case Section.TYPE -> info.readTypes(in);
          case Section.IMPORT -> info.readImports(in);
          case Section.FUNCTION -> info.readFunctions(in);
          case Section.TABLE -> info.readTables(in);
          case Section.GLOBAL -> info.definedGlobals = in.readIndex();
          case Section.EXPORT -> info.readExports(in, reservedExports);
          case Section.CODE -> info.readCode(in);
          default -> {}
        }
      } catch (UnsupportedInstructionException e) {
        throw e;
      } catch (InstrumentationException e) {
        throw new InstrumentationException(
            Section.name(section.id()) + " section: " + e.getMessage(), e);
      }
    }
    if (info.find(Section.CODE) == null && info.definedFunctionTypes.length != 0) {
      throw new InstrumentationException(
          "function section declares "
              + info.definedFunctionTypes.length
              + " bodies but there is no code section");
    }
    return info;
  }

  int definedFunctions() {
    return definedFunctionTypes.length;
  }

  Section find(int id) {
    for (Section section : sections) {
      if (section.id() == id) {
        return section;
      }
    }
    return null;
  }

  private void readSections() {
    if (module.length < HEADER.length
        || !Arrays.equals(module, 0, HEADER.length, HEADER, 0, HEADER.length)) {
      throw new InstrumentationException("not a wasm 1.0 binary (bad magic number or version)");
    }
    ByteCursor in = new ByteCursor(module, HEADER.length, module.length);
    int lastOrder = 0;
    while (!in.atEnd()) {
      int start = in.position();
      int id = in.readByte();
      if (id == Section.TAG) {
        throw new UnsupportedInstructionException(
            "section 13", "tag section", "exception handling", -1, start);
      }
      if (id > Section.TAG) {
        throw new InstrumentationException("unknown section id " + id + " at offset " + start);
      }
      long size = in.readU32();
      int contentStart = in.position();
      in.skip(size);
      int order = Section.order(id);
      if (order >= 0) {
        if (order <= lastOrder) {
          throw new InstrumentationException(
              "section " + id + " at offset " + start + " is duplicated or out of order");
        }
        lastOrder = order;
      }
      sections.add(new Section(id, start, contentStart, in.position()));
    }
  }

  private void readTypes(ByteCursor in) {
    int count = in.readIndex();
    for (int i = 0; i < count; i++) {
      int at = in.position();
      int form = in.readByte();
      if (form != 0x60) {
        if (form == 0x4E || form == 0x50 || form == 0x4F || form == 0x5E || form == 0x5F) {
          throw new UnsupportedInstructionException(
              InstructionReader.hex(form),
              "recursive or struct/array type",
              "garbage collection",
              -1,
              at);
        }
        throw new InstrumentationException(
            "type " + i + " at offset " + at + " is not a function type");
      }
      int bodyStart = in.position();
      int params = readValueTypes(in, "parameter");
      int results = readValueTypes(in, "result");
      if (results > 1) {
        throw new UnsupportedInstructionException(
            "0x60", "function type " + i + " with " + results + " results", "multi-value", -1, at);
      }
      types.add(Arrays.copyOfRange(module, bodyStart, in.position()));
      typeParamCounts.add(params);
    }
    expectEnd(in);
  }

  private int readValueTypes(ByteCursor in, String what) {
    int count = in.readIndex();
    for (int i = 0; i < count; i++) {
      checkValueType(in, what);
    }
    return count;
  }

  /** Reads one value type; MVP has i32, i64, f32, f64 only. */
  static void checkValueType(ByteCursor in, String what) {
    int at = in.position();
    int type = in.readByte();
    switch (type) {
      case 0x7F, 0x7E, 0x7D, 0x7C -> {}
      case 0x7B ->
          throw new UnsupportedInstructionException("0x7B", "v128 " + what, "SIMD", -1, at);
      case 0x70, 0x6F ->
          throw new UnsupportedInstructionException(
              InstructionReader.hex(type), "reference " + what, "reference types", -1, at);
      default ->
          throw new InstrumentationException(
              "invalid "
                  + what
                  + " value type "
                  + InstructionReader.hex(type)
                  + " at offset "
                  + at);
    }
  }

  private void readImports(ByteCursor in) {
    int count = in.readIndex();
    for (int i = 0; i < count; i++) {
      in.skip(in.readU32()); // module name
      in.skip(in.readU32()); // field name
      int at = in.position();
      int kind = in.readByte();
      switch (kind) {
        case 0 -> {
          checkTypeIndex(in.readIndex(), "imported function");
          importedFunctions++;
        }
        case 1 -> readTable(in);
        case 2 -> readLimits(in);
        case 3 -> {
          checkValueType(in, "global");
          in.readByte(); // mutability
          importedGlobals++;
        }
        case 4 ->
            throw new UnsupportedInstructionException(
                "0x04", "tag import", "exception handling", -1, at);
        default ->
            throw new InstrumentationException("invalid import kind " + kind + " at offset " + at);
      }
    }
    expectEnd(in);
  }

  private void readTables(ByteCursor in) {
    int count = in.readIndex();
    for (int i = 0; i < count; i++) {
      readTable(in);
    }
    expectEnd(in);
  }

  /** A table type: MVP allows only funcref tables, and only one of them (imported or defined). */
  private void readTable(ByteCursor in) {
    int at = in.position();
    int elementType = in.readByte();
    if (elementType != 0x70) {
      throw new UnsupportedInstructionException(
          InstructionReader.hex(elementType),
          "table of non-funcref type",
          "reference types",
          -1,
          at);
    }
    if (++tables > 1) {
      throw new UnsupportedInstructionException("0x70", "second table", "reference types", -1, at);
    }
    readLimits(in);
  }

  private static void readLimits(ByteCursor in) {
    int at = in.position();
    int flags = in.readByte();
    if (flags > 1) {
      throw new UnsupportedInstructionException(
          InstructionReader.hex(flags), "shared or 64-bit limits", "threads / memory64", -1, at);
    }
    in.readU32();
    if (flags == 1) {
      in.readU32();
    }
  }

  private void readFunctions(ByteCursor in) {
    int count = in.readIndex();
    if (count > in.remaining()) {
      throw new InstrumentationException("count " + count + " exceeds the section size");
    }
    definedFunctionTypes = new int[count];
    for (int i = 0; i < count; i++) {
      definedFunctionTypes[i] =
          checkTypeIndex(in.readIndex(), "function " + (importedFunctions + i));
    }
    expectEnd(in);
  }

  private void readExports(ByteCursor in, Set<String> reserved) {
    exportCount = in.readIndex();
    for (int i = 0; i < exportCount; i++) {
      int length = in.readIndex();
      int at = in.position();
      in.skip(length);
      String name = new String(module, at, length, StandardCharsets.UTF_8);
      if (reserved.contains(name)) {
        throw new InstrumentationException(
            "the module already exports \"" + name + "\", a name the gas instrumentation reserves");
      }
      in.readByte(); // kind
      in.readU32(); // index
    }
    expectEnd(in);
  }

  private void readCode(ByteCursor in) {
    int count = in.readIndex();
    if (count != definedFunctionTypes.length) {
      throw new InstrumentationException(
          count + " bodies but the function section declares " + definedFunctionTypes.length);
    }
    bodyStarts = new int[count];
    bodyEnds = new int[count];
    for (int i = 0; i < count; i++) {
      long size = in.readU32();
      bodyStarts[i] = in.position();
      in.skip(size);
      bodyEnds[i] = in.position();
    }
    expectEnd(in);
  }

  private int checkTypeIndex(int index, String what) {
    if (index >= types.size()) {
      throw new InstrumentationException(
          what + " uses type " + index + " but there are " + types.size() + " types");
    }
    return index;
  }

  static void expectEnd(ByteCursor in) {
    if (!in.atEnd()) {
      throw new InstrumentationException(
          in.remaining() + " unexpected bytes at offset " + in.position());
    }
  }
}
