package io.arcanum.node;

import io.arcanum.node.app.LocalFaultException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Runs started nodes until they stop (Ctrl-C closes them all) and reports a failure the way every
 * node command does. A network member that halts (it logs why) leaves the others running.
 */
final class RunningNodes {
  private RunningNodes() {}

  /**
   * Waits until every node has stopped.
   *
   * @return 0, or 1 if a node stopped because of a failure (printed to {@code err})
   */
  static int runUntilStopped(List<NodeRunner> nodes, PrintWriter err, String command)
      throws InterruptedException {
    Thread hook = new Thread(() -> nodes.forEach(NodeRunner::close), "arcanum-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      for (NodeRunner node : nodes) {
        node.awaitStopped();
      }
    } finally {
      nodes.forEach(NodeRunner::close);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running or has run
      }
    }
    int code = 0;
    for (NodeRunner node : nodes) {
      Throwable failure = node.driver().failure();
      if (failure != null) {
        err.println(
            command
                + ": "
                + (failure instanceof LocalFaultException
                        || failure instanceof IllegalStateException
                    ? failure.getMessage()
                    : "block " + (node.driver().height() + 1) + " failed: " + failure));
        code = 1;
      }
    }
    return code;
  }
}
