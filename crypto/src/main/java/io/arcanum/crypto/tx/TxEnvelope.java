package io.arcanum.crypto.tx;

import io.arcanum.crypto.InvalidLengthException;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.crypto.x25519.X25519SharedSecret;
import java.util.Arrays;

/**
 * An encrypted contract input as it travels in {@code init_msg}, {@code msg} or a smart query:
 * {@code nonce(32) || client_pk(32) || SIV(tx_key, code_hash_hex || json, AD=[""])} (protocol.md
 * §6).
 */
public record TxEnvelope(byte[] nonce, X25519PublicKey clientPublicKey, byte[] ciphertext) {
  /** The enclave rejects shorter inputs (protocol.md §6, secretjs-api.md §7). */
  public static final int MIN_LENGTH = 82;

  private static final int NONCE = TxEncryptionKey.NONCE_LENGTH;
  private static final int HEADER = NONCE + X25519PublicKey.LENGTH;

  public TxEnvelope {
    InvalidLengthException.check("tx nonce", nonce, NONCE);
    nonce = nonce.clone();
    ciphertext = ciphertext.clone();
  }

  /**
   * Splits the wire bytes.
   *
   * @throws MalformedEnvelopeException if {@code wire} is shorter than {@value #MIN_LENGTH} bytes
   */
  public static TxEnvelope parse(byte[] wire) {
    if (wire == null || wire.length < MIN_LENGTH) {
      throw new MalformedEnvelopeException(
          "encrypted message must be at least "
              + MIN_LENGTH
              + " bytes (32-byte nonce, 32-byte public key, AES-SIV ciphertext), got "
              + (wire == null ? "none" : wire.length));
    }
    return new TxEnvelope(
        Arrays.copyOfRange(wire, 0, NONCE),
        new X25519PublicKey(Arrays.copyOfRange(wire, NONCE, HEADER)),
        Arrays.copyOfRange(wire, HEADER, wire.length));
  }

  /** The wire bytes {@code nonce || client_pk || ciphertext}. */
  public byte[] toBytes() {
    byte[] pk = clientPublicKey.bytes();
    byte[] out = new byte[HEADER + ciphertext.length];
    System.arraycopy(nonce, 0, out, 0, NONCE);
    System.arraycopy(pk, 0, out, NONCE, pk.length);
    System.arraycopy(ciphertext, 0, out, HEADER, ciphertext.length);
    return out;
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  /** The tx key the enclave derives with its IO exchange secret. */
  public TxEncryptionKey txEncryptionKey(X25519PrivateKey ioExchangeKey) {
    try (X25519SharedSecret shared = ioExchangeKey.agree(clientPublicKey)) {
      return TxEncryptionKey.derive(shared, nonce);
    }
  }

  /**
   * The enclave side: derives the tx key, opens the ciphertext and splits off the code-hash prefix.
   * Whether the code hash is the contract's is for the caller to check ({@link
   * DecryptedTxInput#requireCodeHash}).
   *
   * @throws io.arcanum.crypto.AuthenticationFailedException if the ciphertext does not open
   * @throws InvalidCodeHashException if the plaintext does not start with 64 hex characters
   */
  public DecryptedTxInput open(X25519PrivateKey ioExchangeKey) {
    TxEncryptionKey key = txEncryptionKey(ioExchangeKey);
    byte[] plaintext = null;
    try {
      plaintext = key.open(ciphertext);
      return DecryptedTxInput.split(plaintext, key, this);
    } catch (RuntimeException e) {
      key.destroy(); // a failed open hands out no key
      throw e;
    } finally {
      if (plaintext != null) {
        Arrays.fill(plaintext, (byte) 0);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TxEnvelope other
        && Arrays.equals(nonce, other.nonce)
        && clientPublicKey.equals(other.clientPublicKey)
        && Arrays.equals(ciphertext, other.ciphertext);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(nonce) + Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "TxEnvelope[" + (HEADER + ciphertext.length) + " bytes from " + clientPublicKey + "]";
  }
}
