package io.arcanum.chain.store;

/** A read asked for a version that was pruned or is not committed yet. */
public final class VersionUnavailableException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  VersionUnavailableException(long version, long earliest, long latest) {
    super("version " + version + " is not available (have " + earliest + ".." + latest + ")");
  }
}
