package io.arcanum.proto.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Canonical JSON for amino sign docs, as the SDK's {@code sdk.MustSortJSON} and cosmjs's {@code
 * serializeSignDoc} write it: object keys sorted, no whitespace, and Go's string escaping ({@code <
 * > &}, U+2028 and U+2029 as six-character unicode escapes, control characters as {@code \b \f \n
 * \r \t} or a lower-case unicode escape). Only strings, objects, arrays, booleans and null occur in
 * sign docs (64-bit numbers are strings).
 *
 * <p>Shared by the chain, which rebuilds the bytes a signer signed, and the Java SDK, which signs
 * them.
 */
public final class AminoJson {
  private AminoJson() {}

  /**
   * The canonical bytes of {@code node}.
   *
   * @throws IllegalArgumentException if it holds a number (sign docs carry numbers as strings)
   */
  public static byte[] write(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
          names.add(it.next());
        }
        names.sort(null);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          string(names.get(i), out);
          out.append(':');
          write(node.get(names.get(i)), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out);
        }
        out.append(']');
      }
      case STRING -> string(node.textValue(), out);
      case BOOLEAN -> out.append(node.booleanValue());
      case NULL -> out.append("null");
      default -> throw new IllegalArgumentException("no " + node.getNodeType() + " in amino JSON");
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> unicode(c, out);
        default -> {
          if (c < 0x20) {
            unicode(c, out);
          } else if (Character.isSurrogate(c)
              && !(Character.isHighSurrogate(c)
                  && i + 1 < s.length()
                  && Character.isLowSurrogate(s.charAt(i + 1)))
              && !(Character.isLowSurrogate(c)
                  && i > 0
                  && Character.isHighSurrogate(s.charAt(i - 1)))) {
            out.append("\\ufffd"); // Go replaces invalid UTF-8
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void unicode(char c, StringBuilder out) {
    out.append(String.format("\\u%04x", (int) c));
  }
}
