package io.arcanum.chain.store;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The writes of block {@code n} in the crash test: a pure function of the block number, so the
 * parent can recompute what the killed child committed without talking to it.
 */
final class CrashBlocks {
  private CrashBlocks() {}

  static void writes(long block, BiConsumer<byte[], byte[]> put, Consumer<byte[]> delete) {
    Random random = new Random(block * 0x9E3779B97F4A7C15L);
    int count = 20 + random.nextInt(120);
    for (int i = 0; i < count; i++) {
      byte[] key = ("key-" + random.nextInt(3000)).getBytes(StandardCharsets.UTF_8);
      if (random.nextInt(4) == 0) {
        delete.accept(key);
      } else {
        byte[] value = new byte[1 + random.nextInt(200)];
        random.nextBytes(value);
        value[0] = (byte) block; // so rewrites of a key usually change it
        put.accept(key, value);
      }
    }
  }
}
