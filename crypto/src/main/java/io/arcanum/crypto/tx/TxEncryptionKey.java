package io.arcanum.crypto.tx;

import io.arcanum.crypto.CryptoException;
import io.arcanum.crypto.InvalidLengthException;
import io.arcanum.crypto.SecretBytes;
import io.arcanum.crypto.aessiv.AesSiv;
import io.arcanum.crypto.aessiv.AesSivKey;
import io.arcanum.crypto.hkdf.SecretKdf;
import io.arcanum.crypto.x25519.X25519SharedSecret;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The per-message key {@code HKDF(X25519(client_sk, io_pk) || nonce, info = "")} (protocol.md §6).
 * It encrypts the input and everything the enclave sends back to that sender (§7), always as
 * AES-128-SIV with exactly one empty associated-data component.
 */
public final class TxEncryptionKey extends SecretBytes {
  public static final int LENGTH = 32;
  public static final int NONCE_LENGTH = 32;

  /** The IO associated data: exactly one empty component, as secret.js passes it. */
  private static final List<byte[]> IO_AD = List.of(new byte[0]);

  private TxEncryptionKey(byte[] bytes) {
    super(bytes, LENGTH, "tx encryption key");
  }

  /** Wraps 32 raw key bytes. */
  public static TxEncryptionKey of(byte[] bytes) {
    return new TxEncryptionKey(bytes);
  }

  /** {@code key.derive(shared, nonce)}; both sides compute the same key. */
  public static TxEncryptionKey derive(X25519SharedSecret shared, byte[] nonce) {
    InvalidLengthException.check("tx nonce", nonce, NONCE_LENGTH);
    byte[] sharedBytes = shared.exportSecret();
    byte[] key = SecretKdf.keyDerive(sharedBytes, nonce);
    try {
      return new TxEncryptionKey(key);
    } finally {
      Arrays.fill(sharedBytes, (byte) 0);
      Arrays.fill(key, (byte) 0);
    }
  }

  /** {@code SIV(key, plaintext, AD=[""])}: tag(16) || ciphertext. */
  public byte[] seal(byte[] plaintext) {
    try (AesSivKey key = AesSivKey.of(secret())) {
      return AesSiv.seal(key, plaintext, IO_AD);
    }
  }

  /**
   * Opens {@code tag || ciphertext} sealed with this key.
   *
   * @throws io.arcanum.crypto.AuthenticationFailedException if it was not
   */
  public byte[] open(byte[] sealed) {
    try (AesSivKey key = AesSivKey.of(secret())) {
      return AesSiv.open(key, sealed, IO_AD);
    }
  }

  /**
   * Encrypts a contract's {@code data} or a smart-query result: the plaintext is the ASCII base64
   * text of the bytes (protocol.md §7), and the result is carried as raw bytes.
   */
  public byte[] encryptData(byte[] data) {
    return seal(Base64.getEncoder().encode(data));
  }

  /**
   * Reverses {@link #encryptData}: opens, then base64-decodes the plaintext text.
   *
   * @throws OutputFormatException if the plaintext is not base64 text
   */
  public byte[] decryptData(byte[] encrypted) {
    byte[] text = open(encrypted);
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new OutputFormatException(
          "decrypted data is not base64 text as protocol.md §7 requires");
    } finally {
      Arrays.fill(text, (byte) 0);
    }
  }

  /**
   * Encrypts one log attribute key or value: {@code base64(SIV(utf8(text)))}, with no inner base64
   * (protocol.md §7).
   */
  public String encryptAttribute(String text) {
    return Base64.getEncoder().encodeToString(seal(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Reverses {@link #encryptAttribute}. */
  public String decryptAttribute(String base64) {
    return new String(open(decodeBase64(base64, "attribute")), StandardCharsets.UTF_8);
  }

  /**
   * Encrypts a contract error's JSON (e.g. {@code {"generic_err":{"msg":"…"}}}) to the base64 that
   * appears as {@code encrypted: <b64>: … contract failed} (protocol.md §7).
   */
  public String encryptError(String errorJson) {
    return Base64.getEncoder().encodeToString(seal(errorJson.getBytes(StandardCharsets.UTF_8)));
  }

  /** Reverses {@link #encryptError}: the error text. */
  public String decryptError(String base64) {
    return new String(open(decodeBase64(base64, "error")), StandardCharsets.UTF_8);
  }

  private static byte[] decodeBase64(String base64, String what) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new OutputFormatException("encrypted " + what + " is not standard base64");
    }
  }

  /** An encrypted output does not have the shape of protocol.md §7. */
  public static final class OutputFormatException extends CryptoException {
    private static final long serialVersionUID = 1L;

    public OutputFormatException(String message) {
      super(message);
    }
  }
}
