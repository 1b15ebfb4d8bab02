package io.arcanum.chain.abci;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A typed list of plain-string attributes (CometBFT 0.38 {@code abci.Event}). */
public record Event(String type, List<EventAttribute> attributes) {
  public Event {
    Objects.requireNonNull(type, "type");
    attributes = List.copyOf(attributes);
  }

  /** An event from {@code key, value, key, value, ...}, all indexed. */
  public static Event of(String type, String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    List<EventAttribute> attributes = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      attributes.add(new EventAttribute(keysAndValues[i], keysAndValues[i + 1], true));
    }
    return new Event(type, attributes);
  }

  /** This event with one more attribute at the end (as baseapp appends {@code msg_index}). */
  public Event with(String key, String value) {
    List<EventAttribute> more = new ArrayList<>(attributes);
    more.add(new EventAttribute(key, value, true));
    return new Event(type, more);
  }

  /** The value of the first attribute named {@code key}, or null. */
  public String attribute(String key) {
    for (EventAttribute a : attributes) {
      if (a.key().equals(key)) {
        return a.value();
      }
    }
    return null;
  }
}
