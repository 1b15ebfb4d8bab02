package io.arcanum.chain.module;

import io.arcanum.chain.errors.ChainException;
import java.util.Set;

/**
 * Answers a module's gRPC query methods (e.g. {@code /cosmos.bank.v1beta1.Query/Balance}) from
 * encoded request to encoded response, against a read-only view of state at a height.
 */
public interface QueryHandler {

  /** The full method paths answered. */
  Set<String> paths();

  /**
   * @throws ChainException with the SDK's codes: {@code NOT_FOUND}/{@code KEY_NOT_FOUND} for absent
   *     things, {@code INVALID_REQUEST} for malformed requests
   */
  byte[] query(QueryContext context, String path, byte[] request) throws ChainException;
}
