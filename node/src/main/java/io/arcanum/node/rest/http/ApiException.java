package io.arcanum.node.rest.http;

import java.util.Map;
import java.util.Objects;

/**
 * A request answered with a gateway error body {@code {"code", "message", "details": []}}. The
 * message is what the client reads: it names what was wrong and never carries secrets, stack traces
 * or decrypted contract data.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final GrpcStatus status;
  private final int httpStatus;
  private final transient Map<String, String> headers;

  public ApiException(GrpcStatus status, String message) {
    this(status, status.httpStatus(), message, Map.of());
  }

  /** With an HTTP status other than the gateway's for {@code status}, and extra headers. */
  public ApiException(
      GrpcStatus status, int httpStatus, String message, Map<String, String> headers) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.status = Objects.requireNonNull(status, "status");
    this.httpStatus = httpStatus;
    this.headers = Map.copyOf(headers);
  }

  public static ApiException invalidArgument(String message) {
    return new ApiException(GrpcStatus.INVALID_ARGUMENT, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(GrpcStatus.NOT_FOUND, message);
  }

  public GrpcStatus status() {
    return status;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
