package io.arcanum.chain.blocks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tx search: conditions {@code type.key=value}, all of which must hold, as in the SDK's {@code
 * GET /cosmos/tx/v1beta1/txs?events=…} (or {@code query=}). {@code tx.height=N} and {@code
 * tx.hash=HEX} are answered from the block store; other keys match the tx's indexed event
 * attributes ({@code message.sender='secret1…'}, {@code tx.acc_seq='secret1…/3'}). Only equality is
 * supported (CometBFT also has {@code < > CONTAINS EXISTS}).
 */
public record TxQuery(List<Condition> conditions) {
  /** One condition: the composite key {@code type.key} and the exact value. */
  public record Condition(String compositeKey, String value) {
    public Condition {
      Objects.requireNonNull(compositeKey, "compositeKey");
      Objects.requireNonNull(value, "value");
    }
  }

  private static final Pattern CONDITION =
      Pattern.compile("\\s*([^\\s=<>']+)\\s*=\\s*(?:'([^']*)'|\"([^\"]*)\"|([^\\s'\"]+))\\s*");
  private static final Pattern AND = Pattern.compile("(?i)\\s+AND\\s+");

  public TxQuery {
    conditions = List.copyOf(conditions);
    if (conditions.isEmpty()) {
      throw new IllegalArgumentException("a tx search needs at least one condition");
    }
  }

  /**
   * Parses {@code message.sender='secret1…' AND tx.height=5}; each item of {@code events=} may be
   * parsed alone and the conditions concatenated.
   *
   * @throws IllegalArgumentException naming the part that is not {@code type.key=value}
   */
  public static TxQuery parse(String query) {
    List<Condition> out = new ArrayList<>();
    for (String part : AND.split(query.trim())) {
      out.add(condition(part));
    }
    return new TxQuery(out);
  }

  /** Parses several {@code events=} items (each {@code type.key=value}) into one query. */
  public static TxQuery parseAll(List<String> parts) {
    List<Condition> out = new ArrayList<>();
    for (String part : parts) {
      out.addAll(parse(part).conditions());
    }
    return new TxQuery(out);
  }

  private static Condition condition(String text) {
    Matcher m = CONDITION.matcher(text);
    if (!m.matches() || !m.group(1).contains(".")) {
      throw new IllegalArgumentException(
          "invalid event condition '" + text.trim() + "', expected type.key=value");
    }
    String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
    return new Condition(m.group(1), value);
  }
}
