package io.arcanum.node.home;

/**
 * A node's files are missing, malformed or do not fit together; the message names the file and
 * field and says what to do. Never carries key material.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
