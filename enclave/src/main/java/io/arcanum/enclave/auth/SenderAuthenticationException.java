package io.arcanum.enclave.auth;

/**
 * The enclave refuses to run a message because it cannot confirm that the sender signed it
 * (protocol.md §10.1) or that the calling contract's enclave produced it (§10.2). {@link #check()}
 * names the check that failed; the message says what was wrong.
 */
public final class SenderAuthenticationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The check that failed, in the order {@link SenderAuthenticator} runs them. */
  public enum Check {
    /** Sign bytes, tx bytes, a public key or a signed message could not be decoded. */
    MALFORMED,
    /** A sign mode or key type the enclave does not verify (e.g. multisig). */
    UNSUPPORTED,
    /** §10.1 item 1, DIRECT: no signer of the tx has the sender's address. */
    SIGNER_NOT_FOUND,
    /** §10.1 item 3: the signing key's address is not the sender. */
    SENDER_MISMATCH,
    /** §10.1 item 2: the signature is malformed, high-S, or does not verify. */
    BAD_SIGNATURE,
    /** §10.1 item 4: what was signed is not what the tx carries. */
    SIGNED_TX_MISMATCH,
    /** §10.1 item 5: no signed message of this kind from the sender carries these input bytes. */
    NO_MATCHING_MESSAGE,
    /** §10.1 item 5: the signed message names another contract. */
    CONTRACT_MISMATCH,
    /** §10.1 item 5: the signed message sends other funds. */
    FUNDS_MISMATCH,
    /** §10.1 item 5: the signed instantiate sets another admin. */
    ADMIN_MISMATCH,
    /** §10.2: the callback signature is missing or does not match. */
    CALLBACK_SIGNATURE
  }

  private final Check check;

  public SenderAuthenticationException(Check check, String message) {
    super(check + ": " + message);
    this.check = check;
  }

  public SenderAuthenticationException(Check check, String message, Throwable cause) {
    super(check + ": " + message, cause);
    this.check = check;
  }

  public Check check() {
    return check;
  }

  static SenderAuthenticationException malformed(String message) {
    return new SenderAuthenticationException(Check.MALFORMED, message);
  }
}
