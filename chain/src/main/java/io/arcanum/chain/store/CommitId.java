package io.arcanum.chain.store;

import java.util.HexFormat;

/** A committed version and its root hash: the app hash of the block that made it. */
public record CommitId(long version, byte[] rootHash) {
  public CommitId {
    rootHash = rootHash.clone();
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CommitId c
        && c.version == version
        && java.util.Arrays.equals(c.rootHash, rootHash);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(version) * 31 + java.util.Arrays.hashCode(rootHash);
  }

  @Override
  public String toString() {
    return "CommitId[" + version + ", " + HexFormat.of().formatHex(rootHash) + "]";
  }
}
