package io.arcanum.wasm.validate;

import java.util.Objects;

/**
 * An upload broke a {@link ValidationRule}. The message names the rule and the offending item
 * (export, import, function index, instruction), e.g. {@code FLOAT_INSTRUCTION: f32.add in function
 * 7}.
 */
public final class WasmValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ValidationRule rule;
  private final String item;

  public WasmValidationException(ValidationRule rule, String item) {
    this(rule, item, null);
  }

  public WasmValidationException(ValidationRule rule, String item, Throwable cause) {
    super(rule.name() + ": " + item + " (" + rule.description() + ")", cause);
    this.rule = Objects.requireNonNull(rule, "rule");
    this.item = Objects.requireNonNull(item, "item");
  }

  /** Which check failed. */
  public ValidationRule rule() {
    return rule;
  }

  /** The offending item, in words. */
  public String item() {
    return item;
  }
}
