package io.arcanum.chain.abci;

/**
 * The application's last committed block ({@code ResponseInfo}): a consensus driver resumes after
 * it, replaying any later blocks it holds.
 */
public record AppInfo(
    String chainId, long lastHeight, byte[] lastAppHash, long lastBlockTimeNanos) {
  public AppInfo {
    lastAppHash = lastAppHash.clone();
  }

  @Override
  public byte[] lastAppHash() {
    return lastAppHash.clone();
  }
}
