package io.arcanum.wasm.runtime;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;

/**
 * The Region protocol (cosmwasm-abi.md §3): a 12-byte struct of little-endian u32 {@code offset},
 * {@code capacity}, {@code length}. Every read is checked strictly (§8 rule 3): the Region pointer
 * and the offset are non-zero, length ≤ capacity, and the data lies in memory. A failed check is a
 * {@link VmTrap}, never a host crash.
 */
final class Regions {
  static final int REGION_SIZE = 12;

  private Regions() {}

  /** The data of the Region at {@code pointer}. */
  static byte[] read(Instance instance, long pointer, String what) {
    Memory memory = instance.memory();
    long offset = checkRegion(memory, pointer, what);
    long capacity = memory.readU32((int) pointer + 4);
    long length = memory.readU32((int) pointer + 8);
    if (length > capacity) {
      throw VmTrap.host(what + ": region length " + length + " exceeds its capacity " + capacity);
    }
    checkRange(memory, offset, length, what);
    return memory.readBytes((int) offset, (int) length);
  }

  /** Writes {@code data} into the contract-allocated Region at {@code pointer} and sets length. */
  static void write(Instance instance, long pointer, byte[] data, String what) {
    Memory memory = instance.memory();
    long offset = checkRegion(memory, pointer, what);
    long capacity = memory.readU32((int) pointer + 4);
    if (data.length > capacity) {
      throw VmTrap.host(
          what + ": " + data.length + " bytes do not fit the region's capacity " + capacity);
    }
    checkRange(memory, offset, capacity, what);
    memory.write((int) offset, data);
    memory.writeI32((int) pointer + 8, data.length);
  }

  /**
   * Asks the contract for a Region of {@code data.length} bytes (re-entrant {@code allocate},
   * §3.4), fills it and returns its pointer.
   */
  static long allocateAndWrite(Instance instance, byte[] data, String what) {
    long[] result = instance.export("allocate").apply(data.length);
    long pointer = result[0] & 0xFFFF_FFFFL;
    if (pointer == 0) {
      throw VmTrap.host(what + ": allocate(" + data.length + ") returned 0");
    }
    write(instance, pointer, data, what);
    return pointer;
  }

  private static long checkRegion(Memory memory, long pointer, String what) {
    pointer &= 0xFFFF_FFFFL;
    if (pointer == 0) {
      throw VmTrap.host(what + ": null region pointer");
    }
    checkRange(memory, pointer, REGION_SIZE, what + " region struct");
    long offset = memory.readU32((int) pointer);
    if (offset == 0) {
      throw VmTrap.host(what + ": region offset is 0");
    }
    return offset;
  }

  private static void checkRange(Memory memory, long start, long length, String what) {
    long size = (long) memory.pages() * Memory.PAGE_SIZE;
    if (start + length > size) {
      throw VmTrap.host(
          what
              + ": region bytes "
              + start
              + ".."
              + (start + length)
              + " are out of bounds of memory ("
              + size
              + " bytes)");
    }
  }
}
