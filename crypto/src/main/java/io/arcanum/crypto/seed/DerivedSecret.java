package io.arcanum.crypto.seed;

import io.arcanum.crypto.SecretBytes;

/**
 * A 32-byte secret derived from a consensus seed, labelled with which {@link SeedKey} it is and
 * from which seed of the list (0 = genesis).
 */
public final class DerivedSecret extends SecretBytes {
  private final SeedKey kind;
  private final int seedIndex;

  DerivedSecret(SeedKey kind, int seedIndex, byte[] bytes) {
    super(bytes, 32, kind.name());
    this.kind = kind;
    this.seedIndex = seedIndex;
  }

  public SeedKey kind() {
    return kind;
  }

  /** Position in the seed list of the seed this was derived from (0 = genesis). */
  public int seedIndex() {
    return seedIndex;
  }
}
