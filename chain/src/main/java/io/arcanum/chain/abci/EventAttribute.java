package io.arcanum.chain.abci;

import java.util.Objects;

/** A plain-string event attribute; {@code index} asks the tx index to index it. */
public record EventAttribute(String key, String value, boolean index) {
  public EventAttribute {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
