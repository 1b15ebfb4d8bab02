package io.arcanum.client;

/**
 * One attribute of a message's events, secret.js's {@code arrayLog} entry (secretjs-api.md §6.1
 * step 2): only events with {@code msg_index} count; {@code wasm} keys and values are decrypted
 * where they open with the message's nonce ({@code contract_address} is plaintext).
 *
 * @param msg the message index
 * @param type the event type, e.g. {@code wasm}, {@code message}
 * @param key the attribute key
 * @param value the attribute value
 */
public record LogEntry(int msg, String type, String key, String value) {
  @Override
  public String toString() {
    // wasm attributes may be decrypted contract output
    return type.startsWith("wasm")
        ? "LogEntry[msg=" + msg + ", type=" + type + ", redacted]"
        : "LogEntry[msg=" + msg + ", " + type + "." + key + "=" + value + "]";
  }
}
