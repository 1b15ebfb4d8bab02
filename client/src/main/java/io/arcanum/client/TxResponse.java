package io.arcanum.client;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgMigrateContractResponse;
import io.arcanum.proto.tendermint.abci.Event;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tx result decoded as secret.js decodes it (its {@code TxResponse}, secretjs-api.md §6.1), with
 * everything this client encrypted opened: contract inputs, {@code wasm} attributes, contract
 * output data and the contract error.
 *
 * @param height the block height; 0 when not committed (broadcast without waiting)
 * @param txhash upper-case hex SHA-256 of the tx bytes
 * @param code 0 on success
 * @param codespace the error's module, e.g. {@code compute}, {@code sdk}
 * @param rawLog the node's raw log (with the error still encrypted; see {@link #contractError()})
 * @param info extra information from the node
 * @param gasWanted the tx's gas limit
 * @param gasUsed gas used
 * @param timestamp the block time (RFC 3339), {@code ""} when not committed
 * @param events every event as the node returned it (not decrypted)
 * @param messages the tx's messages with decrypted contract inputs
 * @param arrayLog secret.js's {@code arrayLog}: attributes of message events, {@code wasm} ones
 *     decrypted
 * @param msgResponses one per message, as secret.js's {@code data}: compute responses re-encoded
 *     with their {@code data} decrypted
 * @param contractError the decrypted contract error of a failed tx, when this client can open it
 */
public record TxResponse(
    long height,
    String txhash,
    int code,
    String codespace,
    String rawLog,
    String info,
    long gasWanted,
    long gasUsed,
    String timestamp,
    List<Event> events,
    List<TxMessage> messages,
    List<LogEntry> arrayLog,
    List<Any> msgResponses,
    Optional<ContractError> contractError) {

  public TxResponse {
    Objects.requireNonNull(txhash, "txhash");
    events = List.copyOf(events);
    messages = List.copyOf(messages);
    arrayLog = List.copyOf(arrayLog);
    msgResponses = List.copyOf(msgResponses);
    Objects.requireNonNull(contractError, "contractError");
  }

  public boolean isSuccess() {
    return code == 0;
  }

  /** Whether the tx is in a block (false for a result of broadcasting without waiting). */
  public boolean isCommitted() {
    return height > 0;
  }

  /**
   * This response, if the tx succeeded.
   *
   * @throws TxFailedException with the code, codespace, raw log and decrypted contract error
   */
  public TxResponse requireSuccess() {
    if (!isSuccess()) {
      throw new TxFailedException(this);
    }
    return this;
  }

  /**
   * The contract output of message {@code msgIndex} (instantiate, execute, migrate): decrypted when
   * this client sent it; empty for other messages or none.
   */
  public ByteString data(int msgIndex) {
    if (msgIndex < 0 || msgIndex >= msgResponses.size()) {
      return ByteString.EMPTY;
    }
    Any response = msgResponses.get(msgIndex);
    try {
      if (response.is(MsgExecuteContractResponse.class)) {
        return response.unpack(MsgExecuteContractResponse.class).getData();
      } else if (response.is(MsgInstantiateContractResponse.class)) {
        return response.unpack(MsgInstantiateContractResponse.class).getData();
      } else if (response.is(MsgMigrateContractResponse.class)) {
        return response.unpack(MsgMigrateContractResponse.class).getData();
      }
    } catch (InvalidProtocolBufferException e) {
      throw new SecretNetworkException(
          "response " + msgIndex + " of tx " + txhash + " is malformed", e);
    }
    return ByteString.EMPTY;
  }

  /** The {@link #arrayLog} entries of message {@code msgIndex}. */
  public List<LogEntry> logs(int msgIndex) {
    return arrayLog.stream().filter(e -> e.msg() == msgIndex).toList();
  }

  /** The {@code wasm} attributes of message {@code msgIndex}, decrypted where possible. */
  public List<LogEntry> wasmAttributes(int msgIndex) {
    return arrayLog.stream().filter(e -> e.msg() == msgIndex && e.type().equals("wasm")).toList();
  }

  /** The first value of attribute {@code type.key} of message {@code msgIndex}. */
  public Optional<String> attribute(int msgIndex, String type, String key) {
    return arrayLog.stream()
        .filter(e -> e.msg() == msgIndex && e.type().equals(type) && e.key().equals(key))
        .map(LogEntry::value)
        .findFirst();
  }

  @Override
  public String toString() {
    return "TxResponse["
        + txhash
        + ", height "
        + height
        + ", code "
        + code
        + (codespace.isEmpty() ? "" : " (" + codespace + ")")
        + ", gas "
        + gasUsed
        + "/"
        + gasWanted
        + ", "
        + messages.size()
        + " messages, decrypted content redacted]";
  }
}
