package io.arcanum.enclave.compute;

import io.arcanum.crypto.AuthenticationFailedException;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.MalformedEnvelopeException;
import io.arcanum.crypto.tx.TxEncryptionKey;
import io.arcanum.crypto.tx.TxEnvelope;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A contract's input after the enclave opened it (protocol.md §6): the contract's JSON, the reply
 * headers in front of it, and the tx key that encrypts everything going back — absent for a
 * plaintext execute or instantiate, whose outputs then stay plaintext.
 */
final class ContractInput implements AutoCloseable {
  private final byte[] message;
  private final List<ReplyHeader> replyHeaders;
  private final TxEncryptionKey key;
  private final TxEnvelope envelope;

  private ContractInput(
      byte[] message, List<ReplyHeader> replyHeaders, TxEncryptionKey key, TxEnvelope envelope) {
    this.message = message;
    this.replyHeaders = replyHeaders;
    this.key = key;
    this.envelope = envelope;
  }

  /**
   * Opens {@code wire} for the contract whose code hash is {@code expected}.
   *
   * @param plaintextAllowed execute and instantiate: an input that is not a valid envelope is taken
   *     as plaintext ({@code code_hash_hex ‖ json}); query and migrate refuse it
   * @throws EnclaveException INVALID_INPUT if the input does not open or lacks the code-hash
   *     prefix, UNAUTHORIZED if it was encrypted for another contract
   */
  static ContractInput open(
      byte[] wire, X25519PrivateKey ioKey, CodeHash expected, boolean plaintextAllowed)
      throws EnclaveException {
    if (wire == null) {
      throw new EnclaveException(Reason.INVALID_INPUT, "the message is missing");
    }
    TxEnvelope envelope = null;
    TxEncryptionKey key = null;
    byte[] plaintext;
    try {
      envelope = TxEnvelope.parse(wire);
      key = envelope.txEncryptionKey(ioKey);
      plaintext = key.open(envelope.ciphertext());
    } catch (MalformedEnvelopeException | AuthenticationFailedException e) {
      if (key != null) {
        key.destroy();
      }
      if (!plaintextAllowed) {
        throw new EnclaveException(
            Reason.INVALID_INPUT,
            "the message could not be decrypted with the network's IO key: " + e.getMessage());
      }
      envelope = null;
      key = null;
      plaintext = wire.clone();
    }
    try {
      return split(plaintext, expected, key, envelope);
    } catch (EnclaveException e) {
      if (key != null) {
        key.destroy();
      }
      throw e;
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /** An input the enclave made itself, for a sub-call's reply or an internal query. */
  static ContractInput of(byte[] message, TxEncryptionKey key, TxEnvelope envelope) {
    return new ContractInput(message.clone(), List.of(), key, envelope);
  }

  private static ContractInput split(
      byte[] plaintext, CodeHash expected, TxEncryptionKey key, TxEnvelope envelope)
      throws EnclaveException {
    if (plaintext.length < CodeHash.HEX_LENGTH) {
      throw new EnclaveException(
          Reason.INVALID_INPUT,
          "the message is "
              + plaintext.length
              + " bytes, shorter than its 64-character code-hash prefix");
    }
    CodeHash claimed;
    try {
      claimed =
          CodeHash.parse(
              new String(plaintext, 0, CodeHash.HEX_LENGTH, StandardCharsets.ISO_8859_1));
    } catch (RuntimeException e) {
      throw new EnclaveException(
          Reason.INVALID_INPUT, "the message does not start with a 64-hex-character code hash");
    }
    if (!claimed.equals(expected)) {
      throw new EnclaveException(
          Reason.UNAUTHORIZED,
          "the message was encrypted for code hash "
              + claimed
              + ", but the contract's code hash is "
              + expected);
    }
    ReplyHeader.Parsed parsed = ReplyHeader.parse(plaintext, CodeHash.HEX_LENGTH);
    byte[] message = Arrays.copyOfRange(plaintext, parsed.messageOffset(), plaintext.length);
    return new ContractInput(message, parsed.headers(), key, envelope);
  }

  byte[] message() {
    return message;
  }

  List<ReplyHeader> replyHeaders() {
    return replyHeaders;
  }

  boolean encrypted() {
    return key != null;
  }

  /** The sender's tx key; only when {@link #encrypted()}. */
  TxEncryptionKey key() {
    return key;
  }

  /** The sender's envelope (nonce and public key); only when {@link #encrypted()}. */
  TxEnvelope envelope() {
    return envelope;
  }

  @Override
  public void close() {
    Arrays.fill(message, (byte) 0);
    if (key != null) {
      key.destroy();
    }
  }

  @Override
  public String toString() {
    return "ContractInput[" + message.length + " bytes, encrypted=" + encrypted() + ", redacted]";
  }
}
