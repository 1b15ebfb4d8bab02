package io.arcanum.chain.errors;

import java.util.Objects;

/**
 * A registered error, as in the Cosmos SDK's {@code errors.Register(codespace, code, description)}:
 * results carry its codespace and code, and logs read {@code "<detail>: <description>"}.
 */
public record ErrorCode(String codespace, int code, String description) {
  public ErrorCode {
    Objects.requireNonNull(codespace, "codespace");
    Objects.requireNonNull(description, "description");
    if (code <= 1) {
      throw new IllegalArgumentException("codes 0 and 1 are reserved (ok, internal): " + code);
    }
  }

  /** This error with a detail in front, the SDK's {@code errors.Wrap(err, detail)}. */
  public ChainException wrap(String detail) {
    return new ChainException(this, detail);
  }

  /** This error with a formatted detail, {@code errors.Wrapf}. */
  public ChainException wrapf(String format, Object... args) {
    return new ChainException(this, String.format(format, args));
  }

  /** This error alone. */
  public ChainException error() {
    return new ChainException(this, null);
  }
}
