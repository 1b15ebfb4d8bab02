package io.arcanum.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code --output text}: a JSON value as block YAML, the way the Cosmos SDK CLIs (secretcli) print
 * results for people. Strings are quoted only when plain YAML would read them as something else
 * (numbers, booleans, empty, leading indicators, {@code ": "}), so the text stays readable and is
 * still valid YAML.
 */
public final class YamlText {
  /**
   * What YAML 1.1 or 1.2 would read as a number: decimal, float, hex, octal, sexagesimal, inf/nan.
   */
  private static final Pattern NUMBER =
      Pattern.compile(
          "[-+]?(\\.[0-9][0-9_]*|[0-9][0-9_]*(\\.[0-9_]*)?)([e][-+]?[0-9]+)?"
              + "|[-+]?0x[0-9a-f_]+|0o?[0-7_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
              + "|[-+]?\\.(inf|nan)");

  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  private YamlText() {}

  /** The YAML text of {@code value}, ending with a newline. */
  public static String render(JsonNode value) {
    StringBuilder out = new StringBuilder();
    if (value.isContainerNode() && !value.isEmpty()) {
      block(out, value, 0);
    } else {
      out.append(scalar(value)).append('\n');
    }
    return out.toString();
  }

  private static void block(StringBuilder out, JsonNode node, int indent) {
    String pad = " ".repeat(indent);
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        out.append(pad).append(string(field.getKey())).append(':');
        value(out, field.getValue(), indent);
      }
    } else {
      for (JsonNode item : node) {
        out.append(pad).append('-');
        if (item.isObject() && !item.isEmpty()) {
          // "- first: 1" then the other fields aligned under "first"
          StringBuilder nested = new StringBuilder();
          block(nested, item, indent + 2);
          out.append(' ').append(nested, indent + 2, nested.length());
        } else {
          value(out, item, indent);
        }
      }
    }
  }

  private static void value(StringBuilder out, JsonNode value, int indent) {
    if (value.isContainerNode() && !value.isEmpty()) {
      out.append('\n');
      block(out, value, indent + 2);
    } else {
      out.append(' ').append(scalar(value)).append('\n');
    }
  }

  private static String scalar(JsonNode value) {
    if (value.isObject()) {
      return "{}";
    }
    if (value.isArray()) {
      return "[]";
    }
    if (value.isTextual()) {
      return string(value.asText());
    }
    return value.isMissingNode() ? "null" : value.toString();
  }

  /** A string, plain when YAML would read it back as the same string. */
  static String string(String text) {
    if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      // newlines, tabs, escapes: a JSON string is a valid YAML double-quoted string
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }
    if (needsQuotes(text)) {
      return "'" + text.replace("'", "''") + "'";
    }
    return text;
  }

  private static boolean needsQuotes(String text) {
    if (text.isEmpty() || !text.strip().equals(text)) {
      return true;
    }
    if (INDICATORS.indexOf(text.charAt(0)) >= 0 || text.contains(": ") || text.contains(" #")) {
      return true;
    }
    if (text.endsWith(":")) {
      return true;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "true", "false", "null", "~", "yes", "no", "on", "off", "y", "n" -> true;
      default -> NUMBER.matcher(lower).matches();
    };
  }
}
