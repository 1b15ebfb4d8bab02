package io.arcanum.enclave.api.process;

import java.io.IOException;

/**
 * Bytes from the peer process that do not decode as what the protocol expects: a length beyond the
 * frame, an unknown tag, nesting too deep, invalid UTF-8, trailing bytes. The connection that
 * carried them is not trusted any further.
 */
final class WireFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  WireFormatException(String message) {
    super(message);
  }
}
