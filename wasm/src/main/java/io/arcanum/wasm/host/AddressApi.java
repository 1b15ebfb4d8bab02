package io.arcanum.wasm.host;

/**
 * Address conversions behind {@code addr_*} and {@code canonicalize_address}/{@code
 * humanize_address}. Errors are returned to the contract as UTF-8 error Regions, not traps.
 */
public interface AddressApi {

  /** The canonical bytes of {@code human}. */
  byte[] canonicalize(String human) throws AddressException;

  /** The human form of {@code canonical}. */
  String humanize(byte[] canonical) throws AddressException;

  /** Succeeds only if {@code human} is a valid, normalised address of this chain. */
  void validate(String human) throws AddressException;

  /** A refused address; the message goes to the contract. */
  final class AddressException extends Exception {
    private static final long serialVersionUID = 1L;

    public AddressException(String message) {
      super(message);
    }
  }
}
