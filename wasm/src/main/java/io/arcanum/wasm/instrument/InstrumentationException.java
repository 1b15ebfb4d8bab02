package io.arcanum.wasm.instrument;

/**
 * The module cannot be instrumented: it is malformed (truncated section, bogus LEB128, unbalanced
 * blocks, an index out of range) or it already uses a name the instrumentation reserves. Unchecked,
 * because callers hand in modules they have already validated; reaching this is a bug or an attack.
 */
public class InstrumentationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InstrumentationException(String message) {
    super(message);
  }

  public InstrumentationException(String message, Throwable cause) {
    super(message, cause);
  }
}
