package io.arcanum.node.app;

/**
 * A block this node did not commit because it could not execute it as the network would ({@link
 * LocalFaultGuard}); the node stops. The message names the height and the cause, and holds no tx
 * content.
 */
public final class LocalFaultException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long height;

  public LocalFaultException(long height, String why) {
    super(
        "block "
            + height
            + " was not committed: "
            + why
            + ". Its results could differ from the other nodes', so the node stops; once the"
            + " cause is fixed, a restart executes height "
            + height
            + " again");
    this.height = height;
  }

  public long height() {
    return height;
  }
}
