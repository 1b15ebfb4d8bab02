package io.arcanum.chain.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Seeded keys and values for the store tests. */
final class TestData {
  private TestData() {}

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] randomBytes(Random random, int minLength, int maxLength) {
    byte[] bytes = new byte[minLength + random.nextInt(maxLength - minLength + 1)];
    random.nextBytes(bytes);
    return bytes;
  }

  static TreeMap<byte[], byte[]> sortedMap() {
    return new TreeMap<>(Arrays::compareUnsigned);
  }

  /**
   * Keys whose SHA-256 hashes share their first three bytes (six nibbles) in pairs or more, found
   * by a birthday search: they force long single-child chains, leaves pushed deep on insert and
   * lifted far on delete — paths random keys almost never take.
   */
  static List<byte[]> deepKeys() {
    return DEEP_KEYS;
  }

  private static final List<byte[]> DEEP_KEYS = findDeepKeys();

  private static List<byte[]> findDeepKeys() {
    Map<Integer, List<byte[]>> byPrefix = new HashMap<>();
    for (int i = 0; i < 60_000; i++) {
      byte[] key = utf8("deep-" + i);
      byte[] hash = ReferenceTree.sha256(key);
      int prefix = ((hash[0] & 0xff) << 16) | ((hash[1] & 0xff) << 8) | (hash[2] & 0xff);
      byPrefix.computeIfAbsent(prefix, p -> new ArrayList<>()).add(key);
    }
    List<byte[]> keys = new ArrayList<>();
    byPrefix.values().stream().filter(group -> group.size() > 1).forEach(keys::addAll);
    keys.sort(Arrays::compareUnsigned);
    return List.copyOf(keys);
  }

  /** {@code count} random keys plus every deep key, for a key space that overwrites often. */
  static List<byte[]> keySpace(Random random, int count) {
    List<byte[]> keys = new ArrayList<>(deepKeys());
    for (int i = 0; i < count; i++) {
      keys.add(randomBytes(random, 1, 40));
    }
    return keys;
  }
}
