package io.arcanum.node.cli.enclave;

import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.node.cli.CliException;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.join.JoinException;
import java.io.IOException;

/**
 * The join steps' failures as CLI errors (docs/cli.md "Exit codes"): a node that cannot be reached
 * is {@link ExitCode#NODE_UNREACHABLE}; everything else — the home is not in the state for this
 * step, the chain holds no registration, the seed does not open, the enclave refused — is {@link
 * ExitCode#FAILED}, with the message saying what to do.
 */
final class JoinFailures {
  private JoinFailures() {}

  static CliException of(Exception failure) {
    return switch (failure) {
      case JoinException e ->
          new CliException(
              e.problem() == JoinException.Problem.NODE_UNREACHABLE
                  ? ExitCode.NODE_UNREACHABLE
                  : ExitCode.FAILED,
              e.getMessage(),
              e);
      case ConfigException e -> new CliException(ExitCode.FAILED, e.getMessage(), e);
      case EnclaveException e ->
          new CliException(ExitCode.FAILED, "the enclave refused: " + e.getMessage(), e);
      case IOException e ->
          new CliException(ExitCode.FAILED, "cannot write the home's files: " + e.getMessage(), e);
      default -> new CliException(ExitCode.INTERNAL, "internal error: " + failure, failure);
    };
  }
}
