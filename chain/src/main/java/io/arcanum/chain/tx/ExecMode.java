package io.arcanum.chain.tx;

/** Why a tx runs, as baseapp's {@code execMode}: the checks differ slightly between them. */
public enum ExecMode {
  /** Mempool admission: checks the node's minimum gas price; messages do not run. */
  CHECK,
  /** Block execution: no minimum gas price (consensus must not depend on node config). */
  FINALIZE,
  /** Gas estimation: no signature verification, nothing kept. */
  SIMULATE
}
