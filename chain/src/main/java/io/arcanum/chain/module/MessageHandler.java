package io.arcanum.chain.module;

import com.google.protobuf.Any;
import io.arcanum.chain.errors.ChainException;
import java.util.Set;

/**
 * Runs the messages of one module (the SDK's {@code MsgServer} with {@code ValidateBasic} and
 * {@code GetSigners}). The application routes each message of a tx by its type URL.
 */
public interface MessageHandler {

  /** The type URLs handled, e.g. {@code /cosmos.bank.v1beta1.MsgSend}. */
  Set<String> typeUrls();

  /**
   * Decodes and checks the message without state (ValidateBasic) and returns the account that must
   * have signed it, as 20 raw bytes.
   *
   * @throws ChainException {@code sdk} code 2/7/10/18 etc. naming what is wrong
   */
  byte[] signer(Any message) throws ChainException;

  /**
   * Runs the message against {@code context}'s branch of state and returns its response ({@code
   * Msg...Response} packed with its type URL), which the tx's {@code TxMsgData} carries. On a throw
   * the application discards the message's branch and events.
   */
  Any deliver(MsgContext context, Any message) throws ChainException;
}
