package io.arcanum.wasm.instrument;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helper: a module's sections as raw bytes, independent of the code under test. */
record RawSections(List<Raw> sections) {
  /** One section: its id and all its bytes (id, size and content). */
  record Raw(int id, byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Raw r && r.id == id && Arrays.equals(r.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return 31 * id + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "section " + id + " (" + bytes.length + " bytes)";
    }
  }

  static RawSections of(byte[] wasm) {
    List<Raw> sections = new ArrayList<>();
    int pos = 8;
    while (pos < wasm.length) {
      int start = pos;
      int id = wasm[pos++];
      long size = 0;
      int shift = 0;
      int b;
      do {
        b = wasm[pos++] & 0xFF;
        size |= (long) (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      pos += (int) size;
      sections.add(new Raw(id, Arrays.copyOfRange(wasm, start, pos)));
    }
    return new RawSections(sections);
  }

  List<Integer> ids() {
    return sections.stream().map(Raw::id).toList();
  }

  /** A module made of the header and these sections. */
  static byte[] assemble(List<Raw> sections) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
    sections.forEach(s -> out.writeBytes(s.bytes()));
    return out.toByteArray();
  }

  /** A custom section named {@code name} holding {@code payload} (both short). */
  static Raw custom(String name, byte[] payload) {
    byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int size = 1 + n.length + payload.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(size);
    out.write(n.length);
    out.writeBytes(n);
    out.writeBytes(payload);
    return new Raw(0, out.toByteArray());
  }
}
