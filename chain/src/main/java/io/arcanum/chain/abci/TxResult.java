package io.arcanum.chain.abci;

import java.util.List;
import java.util.Objects;

/**
 * The result of checking or executing one tx (CometBFT {@code ExecTxResult} / {@code
 * ResponseCheckTx}), in the shapes secret.js reads (secretjs-api.md §6).
 *
 * @param code 0 on success, else the error's code
 * @param codespace {@code ""} on success, else the error's codespace ({@code sdk}, {@code compute})
 * @param log {@code ""} on success, else the error text
 * @param data on success the encoded {@code TxMsgData}; else empty
 * @param gasWanted the tx's gas limit
 * @param gasUsed gas used (up to the limit)
 * @param events ante events, then each message's events (with {@code msg_index})
 */
public record TxResult(
    int code,
    String codespace,
    String log,
    byte[] data,
    long gasWanted,
    long gasUsed,
    List<Event> events) {

  /** The code of an error the application did not register (a bug), as the SDK reports it. */
  public static final int INTERNAL_CODE = 1;

  /** The codespace of an unregistered error. */
  public static final String INTERNAL_CODESPACE = "undefined";

  public TxResult {
    codespace = Objects.requireNonNullElse(codespace, "");
    log = Objects.requireNonNullElse(log, "");
    data = data == null ? new byte[0] : data.clone();
    events = List.copyOf(events);
  }

  public boolean isOk() {
    return code == 0;
  }

  /** Whether the tx ended in an unregistered error: a bug in this node, not in the tx. */
  public boolean isInternalError() {
    return code == INTERNAL_CODE && INTERNAL_CODESPACE.equals(codespace);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
