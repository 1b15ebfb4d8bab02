package io.arcanum.crypto.tx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A decrypted contract input, inside the enclave: the code hash the sender encrypted for, the rest
 * of the plaintext (the contract's JSON, possibly after reply headers), and the tx key that
 * encrypts everything sent back to that sender. Never shows the message in {@link #toString()}.
 */
public final class DecryptedTxInput implements Destroyable {
  private final CodeHash codeHash;
  private final byte[] message;
  private final TxEncryptionKey key;
  private final TxEnvelope envelope;

  private DecryptedTxInput(
      CodeHash codeHash, byte[] message, TxEncryptionKey key, TxEnvelope envelope) {
    this.codeHash = codeHash;
    this.message = message;
    this.key = key;
    this.envelope = envelope;
  }

  // protocol.md §6: plaintext = code_hash_hex (64 chars) || message, no separator.
  static DecryptedTxInput split(byte[] plaintext, TxEncryptionKey key, TxEnvelope envelope) {
    if (plaintext.length < CodeHash.HEX_LENGTH) {
      throw new InvalidCodeHashException(
          "decrypted message is "
              + plaintext.length
              + " bytes, shorter than its 64-character code-hash prefix");
    }
    String prefix = new String(plaintext, 0, CodeHash.HEX_LENGTH, StandardCharsets.ISO_8859_1);
    CodeHash codeHash;
    try {
      codeHash = CodeHash.parse(prefix); // a "0x" here leaves 62 characters and is refused
    } catch (InvalidCodeHashException e) {
      throw new InvalidCodeHashException(
          "decrypted message does not start with a 64-hex-character code hash");
    }
    byte[] message = Arrays.copyOfRange(plaintext, CodeHash.HEX_LENGTH, plaintext.length);
    return new DecryptedTxInput(codeHash, message, key, envelope);
  }

  /** The code hash the sender encrypted for. */
  public CodeHash codeHash() {
    return codeHash;
  }

  /** The plaintext after the code hash (a copy). */
  public byte[] message() {
    return message.clone();
  }

  /** The message as UTF-8 text. */
  public String messageText() {
    return new String(message, StandardCharsets.UTF_8);
  }

  /** The key for encrypting outputs, attributes and errors back to the sender. */
  public TxEncryptionKey txEncryptionKey() {
    return key;
  }

  /** The envelope this was decrypted from (nonce and client public key). */
  public TxEnvelope envelope() {
    return envelope;
  }

  /**
   * @throws CodeHashMismatchException unless the sender encrypted for {@code expected}
   */
  public DecryptedTxInput requireCodeHash(CodeHash expected) {
    if (!codeHash.equals(expected)) {
      throw new CodeHashMismatchException(
          "message was encrypted for code hash "
              + codeHash
              + ", but the contract's is "
              + expected);
    }
    return this;
  }

  @Override
  public void destroy() {
    Arrays.fill(message, (byte) 0);
    key.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return key.isDestroyed();
  }

  @Override
  public String toString() {
    return "DecryptedTxInput[code hash " + codeHash + ", " + message.length + " bytes, redacted]";
  }

  /** The decrypted code hash is well-formed but not the contract's. */
  public static final class CodeHashMismatchException extends io.arcanum.crypto.CryptoException {
    private static final long serialVersionUID = 1L;

    public CodeHashMismatchException(String message) {
      super(message);
    }
  }
}
