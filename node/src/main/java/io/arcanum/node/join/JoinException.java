package io.arcanum.node.join;

import java.util.Objects;

/**
 * A join step (protocol.md §4) could not be done; {@link #problem()} says which kind of trouble, so
 * a caller can tell "not registered yet, try again later" from "this seed will never open". The
 * message says what to do and never holds a seed or a private key.
 */
public final class JoinException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What kind of trouble. */
  public enum Problem {
    /** The enclave holds seeds already: this node is a member, there is nothing to join. */
    ALREADY_MEMBER,
    /** The enclave has no registration key: {@code arcanum enclave init} comes first. */
    NO_REGISTRATION_KEY,
    /**
     * The chain holds no encrypted seed for this registration key: the {@code RaAuthenticate} tx
     * was refused, not sent, or not committed yet.
     */
    NOT_REGISTERED,
    /** The stored seed does not open with this enclave's registration key and genesis's key. */
    SEED_REFUSED,
    /** The enclave's network keys are not those genesis publishes. */
    NETWORK_MISMATCH,
    /** The node could not be reached, or did not answer as a node's REST API does. */
    NODE_UNREACHABLE,
    /** The node answered the query with an error other than "not registered". */
    NODE_ERROR
  }

  private final Problem problem;

  public JoinException(Problem problem, String message) {
    super(message);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public JoinException(Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public Problem problem() {
    return problem;
  }
}
