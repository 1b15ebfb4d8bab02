package io.arcanum.chain.app;

import io.arcanum.chain.abci.Event;
import io.arcanum.chain.module.MessageHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Routes messages to their handler by type URL, and dresses each message's events as SDK v0.50's
 * baseapp ({@code createEvents} and {@code runMsgs}): first {@code message{action, sender,
 * module}}, then the handler's events, every one with {@code msg_index} appended (secretjs-api.md
 * §6). {@code module} (the second part of the type URL) is only added when no handler event already
 * has a {@code module} attribute, as in baseapp.
 */
final class MessageRouter {
  private final Map<String, MessageHandler> byTypeUrl;

  /**
   * @throws IllegalArgumentException if two handlers claim the same type URL
   */
  MessageRouter(List<MessageHandler> handlers) {
    Map<String, MessageHandler> map = new TreeMap<>();
    for (MessageHandler handler : handlers) {
      for (String typeUrl : handler.typeUrls()) {
        if (map.putIfAbsent(typeUrl, handler) != null) {
          throw new IllegalArgumentException("two message handlers for " + typeUrl);
        }
      }
    }
    this.byTypeUrl = Collections.unmodifiableMap(map);
  }

  /** The handler of {@code typeUrl}, or null. */
  MessageHandler handler(String typeUrl) {
    return byTypeUrl.get(typeUrl);
  }

  Set<String> typeUrls() {
    return byTypeUrl.keySet();
  }

  static List<Event> messageEvents(
      int msgIndex, String typeUrl, String sender, List<Event> handlerEvents) {
    Event message = Event.of("message", "action", typeUrl, "sender", sender);
    boolean hasModule = handlerEvents.stream().anyMatch(e -> e.attribute("module") != null);
    String module = moduleName(typeUrl);
    if (!hasModule && !module.isEmpty()) {
      message = message.with("module", module);
    }
    List<Event> out = new ArrayList<>(handlerEvents.size() + 1);
    String index = Integer.toString(msgIndex);
    out.add(message.with("msg_index", index));
    for (Event event : handlerEvents) {
      out.add(event.with("msg_index", index));
    }
    return out;
  }

  /** {@code sdk.GetModuleNameFromTypeURL}: {@code /cosmos.bank.v1beta1.MsgSend} → {@code bank}. */
  static String moduleName(String typeUrl) {
    String[] parts = typeUrl.split("\\.");
    return parts.length > 1 ? parts[1] : "";
  }
}
