package io.arcanum.proto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads field numbers, names and wire kinds out of a ts-proto generated file (secretjs's {@code
 * src/protobuf/**.ts}) from the statements of each message's {@code encode} function, e.g. {@code
 * writer.uint32(24).uint64(message.code_id)} = field 3, uint64. Only the forms ts-proto 1.178 emits
 * for the types of this module are understood; {@link #messageFields} fails on anything else rather
 * than silently skipping a field.
 */
final class TsProtoSource {
  /** A field as the encoder writes it; kind is the writer method or {@code message:Type}. */
  record TsField(int number, String name, boolean repeated, String kind) {}

  private static final Pattern PACKAGE = Pattern.compile("protobufPackage = \"([^\"]+)\"");
  private static final Pattern WRITE = Pattern.compile("writer\\.uint32\\((\\d+)\\)");
  private static final List<Pattern> FORMS =
      List.of(
          // singular scalar or enum: if (message.x ...) { writer.uint32(T).m(message.x); }
          Pattern.compile(
              "if \\(message\\.(\\w+)[^{]*\\{\\s*writer\\.uint32\\((\\d+)\\)\\.(\\w+)\\(message\\.\\1\\);"),
          // singular message: if (message.x !== undefined) { T.encode(message.x, writer.uint32(T)
          Pattern.compile(
              "if \\(message\\.(\\w+) !== undefined\\) \\{\\s*(\\w+)\\.encode\\(message\\.\\1,"
                  + " writer\\.uint32\\((\\d+)\\)\\.fork\\(\\)\\)"),
          // repeated message: for (const v of message.x) { T.encode(v!, writer.uint32(T).fork())
          Pattern.compile(
              "for \\(const v of message\\.(\\w+)\\) \\{\\s*(\\w+)\\.encode\\(v!,"
                  + " writer\\.uint32\\((\\d+)\\)\\.fork\\(\\)\\)"),
          // repeated string/bytes: for (const v of message.x) { writer.uint32(T).m(v!); }
          Pattern.compile(
              "for \\(const v of message\\.(\\w+)\\) \\{\\s*writer\\.uint32\\((\\d+)\\)\\.(\\w+)\\(v!\\);"),
          // packed numbers: writer.uint32(T).fork(); for (const v of message.x) { writer.m(v); }
          Pattern.compile(
              "writer\\.uint32\\((\\d+)\\)\\.fork\\(\\);\\s*for \\(const v of message\\.(\\w+)\\)"
                  + " \\{\\s*writer\\.(\\w+)\\(v\\);"));

  private final String text;
  private final String protoPackage;

  private TsProtoSource(String text) {
    this.text = text;
    Matcher m = PACKAGE.matcher(text);
    this.protoPackage = m.find() ? m.group(1) : "";
  }

  static TsProtoSource read(Path file) throws IOException {
    return new TsProtoSource(Files.readString(file));
  }

  /** The proto package the file declares ({@code protobufPackage}). */
  String protoPackage() {
    return protoPackage;
  }

  /** The fields of a message (ts-proto name: nested names joined by '_'), empty if absent. */
  Optional<List<TsField>> messageFields(String tsName) {
    int start = text.indexOf("\nexport const " + tsName + " = {");
    if (start < 0) {
      return Optional.empty();
    }
    int encode = text.indexOf("encode(", start);
    int end = text.indexOf("return writer;", encode);
    String body = text.substring(encode, end);

    List<TsField> fields = new ArrayList<>();
    for (int form = 0; form < FORMS.size(); form++) {
      Matcher m = FORMS.get(form).matcher(body);
      while (m.find()) {
        fields.add(
            switch (form) {
              case 0 -> field(m.group(2), m.group(1), false, m.group(3));
              case 1 -> field(m.group(3), m.group(1), false, "message:" + m.group(2));
              case 2 -> field(m.group(3), m.group(1), true, "message:" + m.group(2));
              case 3 -> field(m.group(2), m.group(1), true, m.group(3));
              default -> field(m.group(1), m.group(2), true, m.group(3));
            });
      }
    }
    long writes = WRITE.matcher(body).results().count();
    if (writes != fields.size()) {
      throw new IllegalStateException(
          tsName + ": understood " + fields.size() + " of " + writes + " field writes:\n" + body);
    }
    fields.sort((a, b) -> Integer.compare(a.number(), b.number()));
    return Optional.of(fields);
  }

  /** The values of an enum (without ts-proto's UNRECOGNIZED = -1), empty if absent. */
  Optional<Map<String, Integer>> enumValues(String tsName) {
    Matcher m =
        Pattern.compile("\nexport enum " + Pattern.quote(tsName) + " \\{([^}]*)\\}").matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    Map<String, Integer> values = new LinkedHashMap<>();
    Matcher entry = Pattern.compile("(\\w+) = (-?\\d+),").matcher(m.group(1));
    while (entry.find()) {
      if (!entry.group(1).equals("UNRECOGNIZED")) {
        values.put(entry.group(1), Integer.parseInt(entry.group(2)));
      }
    }
    return Optional.of(values);
  }

  private static TsField field(String tag, String name, boolean repeated, String kind) {
    return new TsField(Integer.parseInt(tag) >>> 3, name, repeated, kind);
  }
}
