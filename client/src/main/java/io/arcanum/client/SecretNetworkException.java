package io.arcanum.client;

/**
 * Base of every error the SDK raises about the network or a tx: an LCD request that failed, a tx
 * the node refused or that failed in its block, a contract query error, a tx that did not commit in
 * time. Messages name what failed; they never contain keys, mnemonics or decrypted contract data
 * (decrypted errors are in accessors such as {@link TxFailedException#contractError()}).
 *
 * <p>Bad arguments (an invalid address, code hash or mnemonic) are reported before anything is
 * sent, with {@link IllegalArgumentException} or crypto's {@code CryptoException} subclasses.
 */
public class SecretNetworkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SecretNetworkException(String message) {
    super(message);
  }

  public SecretNetworkException(String message, Throwable cause) {
    super(message, cause);
  }
}
