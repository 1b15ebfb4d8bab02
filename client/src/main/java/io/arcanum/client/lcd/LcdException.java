package io.arcanum.client.lcd;

import io.arcanum.client.SecretNetworkException;

/**
 * An LCD request failed: the node answered with a non-2xx status (its JSON error body {@code
 * {"code", "message", "details"}} is read, secretjs-api.md §1), answered with something that is not
 * the expected JSON, or could not be reached (status 0).
 */
public class LcdException extends SecretNetworkException {
  private static final long serialVersionUID = 1L;

  /** No HTTP status: the request did not get an answer. */
  public static final int NO_RESPONSE = 0;

  /** No gRPC code in the answer. */
  public static final int NO_CODE = -1;

  private final String method;
  private final String path;
  private final int httpStatus;
  private final int grpcCode;
  private final String serverMessage;

  public LcdException(
      String method,
      String path,
      int httpStatus,
      int grpcCode,
      String serverMessage,
      String detail,
      Throwable cause) {
    super(describe(method, path, httpStatus, grpcCode, detail), cause);
    this.method = method;
    this.path = path;
    this.httpStatus = httpStatus;
    this.grpcCode = grpcCode;
    this.serverMessage = serverMessage;
  }

  private static String describe(
      String method, String path, int httpStatus, int grpcCode, String detail) {
    StringBuilder out = new StringBuilder(method).append(' ').append(path).append(": ");
    if (httpStatus != NO_RESPONSE) {
      out.append("HTTP ").append(httpStatus);
      if (grpcCode != NO_CODE) {
        out.append(" (code ").append(grpcCode).append(')');
      }
      out.append(": ");
    }
    return out.append(detail).toString();
  }

  /** {@code GET} or {@code POST}. */
  public String method() {
    return method;
  }

  /** The route, without the base URL and query string. */
  public String path() {
    return path;
  }

  /** The HTTP status, or {@link #NO_RESPONSE}. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The gRPC code of the JSON error body (5 NotFound, 2 Unknown, …), or {@link #NO_CODE}. */
  public int grpcCode() {
    return grpcCode;
  }

  /** The error body's {@code message}, or {@code ""}. */
  public String serverMessage() {
    return serverMessage;
  }

  /** Whether the node said NotFound (gRPC 5 or HTTP 404). */
  public boolean isNotFound() {
    return grpcCode == 5 || httpStatus == 404;
  }
}
