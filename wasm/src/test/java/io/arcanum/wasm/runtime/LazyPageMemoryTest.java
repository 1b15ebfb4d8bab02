package io.arcanum.wasm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded random accesses give the same values and the same traps as Chicory's own memory. */
class LazyPageMemoryTest {

  /** An address near a page boundary, the end of memory or anywhere, sometimes out of bounds. */
  private static int address(Random random, Memory memory) {
    long size = (long) memory.pages() * Memory.PAGE_SIZE;
    return switch (random.nextInt(5)) {
      case 0 ->
          (int)
              (random.nextInt(Math.max(1, memory.pages())) * (long) Memory.PAGE_SIZE
                  - 4
                  + random.nextInt(8));
      case 1 -> (int) (size - random.nextInt(12));
      case 2 -> random.nextInt();
      default -> (int) (random.nextLong(Math.max(1, size)));
    };
  }

  private static Object outcome(Function<Memory, Object> op, Memory memory) {
    try {
      Object value = op.apply(memory);
      return value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value;
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName()
          + (e.getMessage().startsWith("out of bounds memory access")
              ? " oob"
              : " " + e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void behavesLikeChicorysByteArrayMemory(long seed) {
    Random random = new Random(seed);
    MemoryLimits limits = new MemoryLimits(1 + random.nextInt(3), 6);
    Memory expected = new ByteArrayMemory(limits);
    Memory actual = new LazyPageMemory(limits);
    for (int step = 0; step < 3_000; step++) {
      int address = address(random, expected);
      long value = random.nextLong();
      int size = random.nextInt(70_000);
      Function<Memory, Object> op =
          switch (random.nextInt(12)) {
            case 0 -> m -> m.read(address);
            case 1 -> m -> m.readShort(address);
            case 2 -> m -> m.readInt(address);
            case 3 -> m -> m.readLong(address);
            case 4 -> m -> m.readBytes(address, random.nextBoolean() ? size : size % 16);
            case 5 ->
                m -> {
                  m.writeByte(address, (byte) value);
                  return null;
                };
            case 6 ->
                m -> {
                  m.writeShort(address, (short) value);
                  return null;
                };
            case 7 ->
                m -> {
                  m.writeI32(address, (int) value);
                  return null;
                };
            case 8 ->
                m -> {
                  m.writeLong(address, value);
                  return null;
                };
            case 9 ->
                m -> {
                  m.write(
                      address, new byte[size % 200_000 > 100 ? size % 300 : size], 0, size % 300);
                  return null;
                };
            case 10 -> m -> m.grow(random.nextInt(3) == 0 ? -1 : random.nextInt(3));
            default -> m -> m.readU16(address);
          };
      // The op may draw from random; give both memories the same draws.
      long state = random.nextLong();
      random.setSeed(state);
      Object want = outcome(op, expected);
      random.setSeed(state);
      Object got = outcome(op, actual);
      assertThat(got).as("step %d at %d", step, address).isEqualTo(want);
      assertThat(actual.pages()).isEqualTo(expected.pages());
    }
    int bytes = expected.pages() * Memory.PAGE_SIZE;
    assertThat(actual.readBytes(0, bytes)).isEqualTo(expected.readBytes(0, bytes));
  }
}
