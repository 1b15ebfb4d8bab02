package io.arcanum.crypto.seed;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.Destroyable;

/**
 * The enclave's ordered consensus seeds (protocol.md §2): index 0 is the genesis seed, the last is
 * the current seed; rotations append. A fresh bootstrap creates two at once.
 */
public final class SeedList implements Destroyable {
  private final List<ConsensusSeed> seeds;

  private SeedList(List<ConsensusSeed> seeds) {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("a seed list needs at least the genesis seed");
    }
    this.seeds = List.copyOf(seeds);
  }

  /** The seeds in order, genesis first. The list keeps the given seed objects. */
  public static SeedList of(List<ConsensusSeed> seeds) {
    return new SeedList(seeds);
  }

  /** What a bootstrap node creates: a genesis and a current seed (protocol.md §3, §14.2). */
  public static SeedList bootstrap(SecureRandom random) {
    return new SeedList(List.of(ConsensusSeed.generate(random), ConsensusSeed.generate(random)));
  }

  /** A new list with {@code seed} appended as the current seed (a rotation). */
  public SeedList append(ConsensusSeed seed) {
    List<ConsensusSeed> next = new ArrayList<>(seeds);
    next.add(seed);
    return new SeedList(next);
  }

  public int size() {
    return seeds.size();
  }

  public ConsensusSeed get(int index) {
    return seeds.get(index);
  }

  public ConsensusSeed genesis() {
    return seeds.get(0);
  }

  public ConsensusSeed current() {
    return seeds.get(seeds.size() - 1);
  }

  /** All seeds, genesis first. */
  public List<ConsensusSeed> seeds() {
    return seeds;
  }

  @Override
  public void destroy() {
    seeds.forEach(ConsensusSeed::destroy);
  }

  @Override
  public boolean isDestroyed() {
    return seeds.stream().allMatch(ConsensusSeed::isDestroyed);
  }

  @Override
  public String toString() {
    return "SeedList[" + seeds.size() + " seeds, redacted]";
  }
}
