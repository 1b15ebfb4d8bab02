package io.arcanum.node.cli;

/**
 * The exit codes of {@code arcanum keys|tx|query}, which scripts may rely on (docs/cli.md "Exit
 * codes"). Each names a kind of failure, so a script can retry on {@link #NODE_UNREACHABLE} or
 * {@link #TIMEOUT} but not on {@link #FAILED}.
 */
public enum ExitCode {
  /** Done: the tx was included with code 0, the query answered, the key was written. */
  OK(0, "success"),
  /**
   * The chain said no: the tx was rejected (CheckTx) or failed in its block (code ≠ 0, contract
   * error, decrypted where possible), or a query returned an error (not found, contract error).
   */
  FAILED(1, "the tx or query failed on the chain"),
  /**
   * Bad command line: unknown option, missing argument, malformed address, amount, JSON or file.
   */
  USAGE(2, "usage error"),
  /** The node could not be reached, or answered something that is not its API. */
  NODE_UNREACHABLE(3, "node unreachable or not an Arcanum/Secret LCD"),
  /** The tx was accepted into the mempool but not seen in a block within {@code --timeout}. */
  TIMEOUT(4, "timed out waiting for the tx to be included"),
  /** No such key, duplicate name, wrong passphrase, invalid mnemonic, damaged key file. */
  KEYRING(5, "keyring error"),
  /** The user answered no to the confirmation prompt; nothing was broadcast. */
  ABORTED(6, "cancelled at the confirmation prompt"),
  /** Interrupted (Ctrl-C) while waiting; a broadcast tx may still be included. */
  INTERRUPTED(130, "interrupted"),
  /** A bug in arcanum: the message says where. */
  INTERNAL(70, "internal error");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
