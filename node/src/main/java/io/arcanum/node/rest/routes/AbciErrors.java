package io.arcanum.node.rest.routes;

import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.node.rest.http.ApiException;
import io.arcanum.node.rest.http.GrpcStatus;

/**
 * A failed ABCI query as the gateway reports it: the SDK gives a registered error its gRPC code
 * ({@code sdk} "not found" and "key not found" → NotFound, "invalid address", "invalid request" and
 * "invalid height" → InvalidArgument, "unauthorized" → Unauthenticated) and every other error
 * Unknown, which grpc-gateway answers with HTTP 500. The message is the error's log, so a
 * contract's query error reads {@code "encrypted: <b64>: query contract failed"} as secret.js
 * expects (secretjs-api.md §3 E8, §6.1).
 */
public final class AbciErrors {
  private AbciErrors() {}

  public static GrpcStatus status(String codespace, int code) {
    if (SdkErrors.CODESPACE.equals(codespace)) {
      if (code == SdkErrors.NOT_FOUND.code() || code == SdkErrors.KEY_NOT_FOUND.code()) {
        return GrpcStatus.NOT_FOUND;
      }
      if (code == SdkErrors.INVALID_ADDRESS.code()
          || code == SdkErrors.INVALID_REQUEST.code()
          || code == SdkErrors.INVALID_HEIGHT.code()) {
        return GrpcStatus.INVALID_ARGUMENT;
      }
      if (code == SdkErrors.UNAUTHORIZED.code()) {
        return GrpcStatus.UNAUTHENTICATED;
      }
    }
    return GrpcStatus.UNKNOWN;
  }

  /** The error answer for a failed query. */
  public static ApiException of(QueryResponse response) {
    if (TxResult.INTERNAL_CODESPACE.equals(response.codespace())) {
      return new ApiException(GrpcStatus.INTERNAL, "internal error");
    }
    return new ApiException(status(response.codespace(), response.code()), response.log());
  }
}
