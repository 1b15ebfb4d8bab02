package io.arcanum.chain.registration;

import io.arcanum.chain.errors.ErrorCode;

/**
 * The registration module's errors, codespace {@code register} (Secret's {@code
 * x/registration/internal/types/errors.go}: the module is named {@code register}). Code 1
 * ("Initialize node seed failed") is a node start-up failure there, never a tx result, and codes 0
 * and 1 are reserved here, so it has no entry.
 */
public final class RegistrationErrors {
  private RegistrationErrors() {}

  public static final String CODESPACE = "register";

  public static final ErrorCode AUTHENTICATE_FAILED = register(2, "Failed to authenticate node");
  public static final ErrorCode SEED_VALIDATION_PARAMS =
      register(3, "Failed to validate seed parameters");
  public static final ErrorCode INVALID_TYPE = register(5, "Type error");
  public static final ErrorCode CERTIFICATE_INVALID =
      register(6, "Certificate invalid or does not exist");
  public static final ErrorCode NOT_FOUND = register(7, "not found");
  public static final ErrorCode INVALID = register(8, "invalid");

  private static ErrorCode register(int code, String description) {
    return new ErrorCode(CODESPACE, code, description);
  }
}
