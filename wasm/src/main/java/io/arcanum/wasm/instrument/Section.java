package io.arcanum.wasm.instrument;

/** One section of the input module: its id and where its content lies in the module bytes. */
record Section(int id, int start, int contentStart, int end) {
  static final int CUSTOM = 0;
  static final int TYPE = 1;
  static final int IMPORT = 2;
  static final int FUNCTION = 3;
  static final int TABLE = 4;
  static final int MEMORY = 5;
  static final int GLOBAL = 6;
  static final int EXPORT = 7;
  static final int START = 8;
  static final int ELEMENT = 9;
  static final int CODE = 10;
  static final int DATA = 11;
  static final int DATA_COUNT = 12;
  static final int TAG = 13;

  /**
   * Where a known section id must appear relative to the others (the data count section sits
   * between element and code); -1 for custom sections, which may appear anywhere.
   */
  static int order(int id) {
    return switch (id) {
      case CUSTOM -> -1;
      case TYPE -> 1;
      case IMPORT -> 2;
      case FUNCTION -> 3;
      case TABLE -> 4;
      case MEMORY -> 5;
      case GLOBAL -> 6;
      case EXPORT -> 7;
      case START -> 8;
      case ELEMENT -> 9;
      case DATA_COUNT -> 10;
      case CODE -> 11;
      case DATA -> 12;
      default -> throw new IllegalArgumentException("unknown section id " + id);
    };
  }

  static String name(int id) {
    return switch (id) {
      case CUSTOM -> "custom";
      case TYPE -> "type";
      case IMPORT -> "import";
      case FUNCTION -> "function";
      case TABLE -> "table";
      case MEMORY -> "memory";
      case GLOBAL -> "global";
      case EXPORT -> "export";
      case START -> "start";
      case ELEMENT -> "element";
      case CODE -> "code";
      case DATA -> "data";
      case DATA_COUNT -> "data count";
      default -> "section " + id;
    };
  }

  ByteCursor content(byte[] module) {
    return new ByteCursor(module, contentStart, end);
  }
}
