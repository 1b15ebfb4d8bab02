package io.arcanum.client;

import com.google.protobuf.Any;
import java.util.Objects;

/**
 * A message already in its proto form (e.g. {@code ProtoTypes.pack(msg)}), sent as it is. Its
 * sender must be the client's wallet.
 */
public record AnyMsg(Any message) implements TxMsg {
  public AnyMsg {
    Objects.requireNonNull(message, "message");
    if (message.getTypeUrl().isEmpty()) {
      throw new IllegalArgumentException("message has no type URL");
    }
  }
}
