package io.arcanum.wasm.instrument;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reassembles the module: every section is copied byte for byte except the type, function, global,
 * export and code sections, which get entries appended (and their counts and sizes re-encoded).
 * Global, export and type sections that do not exist are created in their place in section order.
 * Nothing already in the module changes index, so the name section, element segments, the start
 * function and all existing instructions stay valid.
 */
final class ModuleRewriter {
  private static final String[] EXPORT_NAMES = {
    GasCosts.GAS_LIMIT_EXPORT,
    GasCosts.GAS_EXHAUSTED_EXPORT,
    GasCosts.STACK_HEIGHT_EXPORT,
    GasCosts.STACK_EXHAUSTED_EXPORT,
  };

  private final ModuleInfo info;
  private final InjectedCode injected;
  private final CodeRewriter code;

  ModuleRewriter(ModuleInfo info, FrameWeights weights, InstrumentationOptions options) {
    this.info = info;
    int firstGlobal = info.importedGlobals + info.definedGlobals;
    int growFunction = info.importedFunctions + info.definedFunctions();
    this.injected = new InjectedCode(firstGlobal, growFunction, options.maxStackHeight());
    this.code = new CodeRewriter(info, weights, injected);
  }

  static String[] exportNames() {
    return EXPORT_NAMES.clone();
  }

  byte[] rewrite() {
    int defined = info.definedFunctions();
    byte[][] bodies = new byte[defined][];
    for (int i = 0; i < defined; i++) {
      bodies[i] = code.rewrite(i);
    }
    boolean grow = code.growsMemory();

    // New contents of the sections that change, by id; created if the module lacks them.
    Map<Integer, byte[]> replaced = new TreeMap<>();
    if (grow) {
      replaced.put(Section.TYPE, appendEntries(Section.TYPE, 1, InjectedCode.growFunctionType()));
      ByteArrayOutputStream typeIndex = new ByteArrayOutputStream();
      Leb128.writeUnsigned(typeIndex, info.types.size());
      replaced.put(Section.FUNCTION, appendEntries(Section.FUNCTION, 1, typeIndex.toByteArray()));
    }
    replaced.put(Section.GLOBAL, appendEntries(Section.GLOBAL, 4, InjectedCode.globalEntries()));
    replaced.put(Section.EXPORT, appendEntries(Section.EXPORT, 4, exportEntries()));
    if (defined > 0) {
      replaced.put(Section.CODE, codeSection(bodies, grow));
    }

    ByteArrayOutputStream out = new ByteArrayOutputStream(info.module.length * 2 + 128);
    out.write(ModuleInfo.HEADER, 0, ModuleInfo.HEADER.length);
    for (Section section : info.sections) {
      if (section.id() != Section.CUSTOM) {
        emitCreatedBefore(out, replaced, Section.order(section.id()));
      }
      byte[] content = replaced.remove(section.id());
      if (content == null || section.id() == Section.CUSTOM) {
        out.write(info.module, section.start(), section.end() - section.start());
      } else {
        writeSection(out, section.id(), content);
      }
    }
    emitCreatedBefore(out, replaced, Integer.MAX_VALUE);
    return out.toByteArray();
  }

  /** The gas cost of each sequence of each defined function; see {@link Instrumenter}. */
  long[][] sequenceCosts() {
    long[][] costs = new long[info.definedFunctions()][];
    for (int i = 0; i < costs.length; i++) {
      costs[i] = code.sequenceCosts(i);
    }
    return costs;
  }

  /** Writes the created sections (those the module lacked) that come before {@code order}. */
  private static void emitCreatedBefore(
      ByteArrayOutputStream out, Map<Integer, byte[]> created, int order) {
    var it = created.entrySet().iterator();
    while (it.hasNext()) {
      var entry = it.next();
      if (Section.order(entry.getKey()) < order) {
        writeSection(out, entry.getKey(), entry.getValue());
        it.remove();
      }
    }
  }

  /**
   * A vector section's content with {@code added} more entries appended after the existing ones.
   */
  private byte[] appendEntries(int id, int added, byte[] entries) {
    Section section = info.find(id);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (section == null) {
      Leb128.writeUnsigned(out, added);
    } else {
      ByteCursor in = section.content(info.module);
      long count = in.readU32();
      if (count + added > 0xFFFF_FFFFL) {
        throw new InstrumentationException("section " + id + " has too many entries");
      }
      Leb128.writeUnsigned(out, count + added);
      out.write(info.module, in.position(), section.end() - in.position());
    }
    out.write(entries, 0, entries.length);
    return out.toByteArray();
  }

  private byte[] exportEntries() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < EXPORT_NAMES.length; i++) {
      byte[] name = EXPORT_NAMES[i].getBytes(StandardCharsets.UTF_8);
      Leb128.writeUnsigned(out, name.length);
      out.write(name, 0, name.length);
      out.write(0x03); // global
      Leb128.writeUnsigned(out, injected.gasGlobal + i);
    }
    return out.toByteArray();
  }

  private byte[] codeSection(byte[][] bodies, boolean grow) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Leb128.writeUnsigned(out, bodies.length + (grow ? 1 : 0));
    for (byte[] body : bodies) {
      writeBody(out, body);
    }
    if (grow) {
      writeBody(out, injected.growFunctionBody());
    }
    return out.toByteArray();
  }

  private static void writeBody(ByteArrayOutputStream out, byte[] body) {
    Leb128.writeUnsigned(out, body.length);
    out.write(body, 0, body.length);
  }

  private static void writeSection(ByteArrayOutputStream out, int id, byte[] content) {
    out.write(id);
    Leb128.writeUnsigned(out, content.length);
    out.write(content, 0, content.length);
  }
}
