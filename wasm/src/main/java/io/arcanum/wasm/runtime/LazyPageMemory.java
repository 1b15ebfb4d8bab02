package io.arcanum.wasm.runtime;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A contract's linear memory whose 64 KiB pages are allocated on first write; a page never written
 * reads as zeros. Every call gets a fresh instance, and a Rust contract declares 17 pages of which
 * it touches few (1 MiB of stack at the bottom, data and heap above), so allocating them eagerly
 * was most of the cost of instantiation (docs/performance.md). Behaves as Chicory's {@code
 * ByteArrayMemory} for every access, including the out-of-bounds trap; {@code LazyPageMemoryTest}
 * compares the two on random operations. Not shared, so no atomics.
 */
public final class LazyPageMemory implements Memory {
  private static final int PAGE_SHIFT = 16;
  private static final int PAGE_MASK = PAGE_SIZE - 1;
  private static final VarHandle SHORTS =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Stands for every page not yet written: reads see zeros without a branch, writes replace it with
   * a page of its own first. Never written itself. Pages beyond the current size are {@code null},
   * so an access there fails on the array like Chicory's own memory does and becomes the trap.
   */
  private static final byte[] ZERO_PAGE = new byte[PAGE_SIZE];

  private final MemoryLimits limits;
  private final byte[][] pages;
  private int pageCount;
  private DataSegment[] segments = new DataSegment[0];
  private boolean[] dropped = new boolean[0];

  public LazyPageMemory(MemoryLimits limits) {
    this.limits = limits;
    this.pages = new byte[Math.min(limits.maximumPages(), RUNTIME_MAX_PAGES)][];
    this.pageCount = limits.initialPages();
    java.util.Arrays.fill(pages, 0, pageCount, ZERO_PAGE);
  }

  @Override
  public int pages() {
    return pageCount;
  }

  @Override
  public int grow(int delta) {
    long wanted = (long) pageCount + (delta & 0xFFFF_FFFFL);
    if (wanted > pages.length) {
      return -1;
    }
    int old = pageCount;
    pageCount = (int) wanted;
    java.util.Arrays.fill(pages, old, pageCount, ZERO_PAGE);
    return old;
  }

  @Override
  public int initialPages() {
    return limits.initialPages();
  }

  @Override
  public int maximumPages() {
    return limits.maximumPages();
  }

  @Override
  public boolean shared() {
    return false;
  }

  @Override
  public Object lock(int address) {
    throw new UnsupportedOperationException("contract memory is not shared: no atomics");
  }

  @Override
  public int waitOn(int address, int expected, long timeout) {
    throw new UnsupportedOperationException("contract memory is not shared: no atomics");
  }

  @Override
  public int waitOn(int address, long expected, long timeout) {
    throw new UnsupportedOperationException("contract memory is not shared: no atomics");
  }

  @Override
  public int notify(int address, int count) {
    throw new UnsupportedOperationException("contract memory is not shared: no atomics");
  }

  @Override
  public void initialize(Instance instance, DataSegment[] dataSegments) {
    segments = dataSegments == null ? new DataSegment[0] : dataSegments;
    dropped = new boolean[segments.length];
    for (DataSegment segment : segments) {
      if (segment instanceof ActiveDataSegment active && active.index() == 0) {
        long offset =
            ConstantEvaluators.computeConstantValue(instance, active.offsetInstructions())[0];
        byte[] data = active.data();
        write((int) offset, data, 0, data.length);
      }
    }
  }

  @Override
  public void initPassiveSegment(int segmentId, int destination, int offset, int size) {
    byte[] data = dropped[segmentId] ? new byte[0] : segments[segmentId].data();
    if ((offset & 0xFFFF_FFFFL) + (size & 0xFFFF_FFFFL) > data.length) {
      throw outOfBounds(destination, size);
    }
    write(destination, data, offset, size);
  }

  @Override
  public void drop(int segment) {
    dropped[segment] = true;
  }

  @Override
  public void write(int address, byte[] data, int offset, int size) {
    check(address, size);
    long at = address & 0xFFFF_FFFFL;
    int done = 0;
    while (done < size) {
      int page = (int) ((at + done) >>> PAGE_SHIFT);
      int inPage = (int) ((at + done) & PAGE_MASK);
      int chunk = Math.min(size - done, PAGE_SIZE - inPage);
      System.arraycopy(data, offset + done, writable(page), inPage, chunk);
      done += chunk;
    }
  }

  @Override
  public byte[] readBytes(int address, int size) {
    check(address, size);
    byte[] out = new byte[size];
    long at = address & 0xFFFF_FFFFL;
    int done = 0;
    while (done < size) {
      int page = (int) ((at + done) >>> PAGE_SHIFT);
      int inPage = (int) ((at + done) & PAGE_MASK);
      int chunk = Math.min(size - done, PAGE_SIZE - inPage);
      if (pages[page] != ZERO_PAGE) {
        System.arraycopy(pages[page], inPage, out, done, chunk);
      }
      done += chunk;
    }
    return out;
  }

  // Single accesses: the page array and the page itself are the bounds checks (null or a
  // too-large index is out of bounds), as in Chicory's ByteArrayMemory; no check on the fast path.

  @Override
  public byte read(int address) {
    try {
      return pages[address >>> PAGE_SHIFT][address & PAGE_MASK];
    } catch (NullPointerException | ArrayIndexOutOfBoundsException e) {
      throw outOfBounds(address, 1);
    }
  }

  @Override
  public void writeByte(int address, byte value) {
    try {
      writable(address >>> PAGE_SHIFT)[address & PAGE_MASK] = value;
    } catch (NullPointerException | ArrayIndexOutOfBoundsException e) {
      throw outOfBounds(address, 1);
    }
  }

  @Override
  public short readShort(int address) {
    int inPage = address & PAGE_MASK;
    if (inPage > PAGE_SIZE - 2) {
      check(address, 2);
      return (short) readStraddling(address, 2);
    }
    try {
      return (short) SHORTS.get(pages[address >>> PAGE_SHIFT], inPage);
    } catch (NullPointerException | ArrayIndexOutOfBoundsException e) {
      throw outOfBounds(address, 2);
    }
  }

  @Override
  public long readU16(int address) {
    return readShort(address) & 0xFFFFL;
  }

  @Override
  public void writeShort(int address, short value) {
    int inPage = address & PAGE_MASK;
    if (inPage > PAGE_SIZE - 2) {
      check(address, 2);
      writeStraddling(address, value, 2);
      return;
    }
    try {
      SHORTS.set(writable(address >>> PAGE_SHIFT), inPage, value);
    } catch (NullPointerException | ArrayIndexOutOfBoundsException e) {
      throw outOfBounds(address, 2);
    }
  }

  @Override
  public int readInt(int address) {
    int inPage = address & PAGE_MASK;
    if (inPage > PAGE_SIZE - 4) {
      check(address, 4);
      return (int) readStraddling(address, 4);
    }
    try {
      return (int) INTS.get(pages[address >>> PAGE_SHIFT], inPage);
    } catch (NullPointerException | ArrayIndexOutOfBoundsException e) {
      throw outOfBounds(address, 4);
    }
  }

  @Override
  public void writeI32(int address, int value) {
    int inPage = address & PAGE_MASK;
    if (inPage > PAGE_SIZE - 4) {
      check(address, 4);
      writeStraddling(address, value, 4);
      return;
    }
    try {
      INTS.set(writable(address >>> PAGE_SHIFT), inPage, value);
    } catch (NullPointerException | ArrayIndexOutOfBoundsException e) {
      throw outOfBounds(address, 4);
    }
  }

  @Override
  public long readLong(int address) {
    int inPage = address & PAGE_MASK;
    if (inPage > PAGE_SIZE - 8) {
      check(address, 8);
      return readStraddling(address, 8);
    }
    try {
      return (long) LONGS.get(pages[address >>> PAGE_SHIFT], inPage);
    } catch (NullPointerException | ArrayIndexOutOfBoundsException e) {
      throw outOfBounds(address, 8);
    }
  }

  @Override
  public void writeLong(int address, long value) {
    int inPage = address & PAGE_MASK;
    if (inPage > PAGE_SIZE - 8) {
      check(address, 8);
      writeStraddling(address, value, 8);
      return;
    }
    try {
      LONGS.set(writable(address >>> PAGE_SHIFT), inPage, value);
    } catch (NullPointerException | ArrayIndexOutOfBoundsException e) {
      throw outOfBounds(address, 8);
    }
  }

  @Override
  public void writeF32(int address, float value) {
    writeI32(address, Float.floatToRawIntBits(value));
  }

  @Override
  public long readF32(int address) {
    return readInt(address);
  }

  @Override
  public float readFloat(int address) {
    return Float.intBitsToFloat(readInt(address));
  }

  @Override
  public void writeF64(int address, double value) {
    writeLong(address, Double.doubleToRawLongBits(value));
  }

  @Override
  public double readDouble(int address) {
    return Double.longBitsToDouble(readLong(address));
  }

  @Override
  public long readF64(int address) {
    return readLong(address);
  }

  @Override
  public void zero() {
    java.util.Arrays.fill(pages, 0, pageCount, ZERO_PAGE);
  }

  @Override
  public void fill(byte value, int fromIndex, int toIndex) {
    int size = toIndex - fromIndex;
    check(fromIndex, size);
    byte[] bytes = new byte[size];
    java.util.Arrays.fill(bytes, value);
    write(fromIndex, bytes, 0, size);
  }

  /** The page to write into; {@code null} (out of bounds) stays null and fails the write. */
  private byte[] writable(int page) {
    byte[] bytes = pages[page];
    if (bytes == ZERO_PAGE) {
      bytes = new byte[PAGE_SIZE];
      pages[page] = bytes;
    }
    return bytes;
  }

  /** Little-endian value of {@code size} bytes that cross a page boundary. */
  private long readStraddling(int address, int size) {
    long value = 0;
    for (int i = size - 1; i >= 0; i--) {
      value =
          (value << 8) | (pages[(address + i) >>> PAGE_SHIFT][(address + i) & PAGE_MASK] & 0xFF);
    }
    return value;
  }

  private void writeStraddling(int address, long value, int size) {
    for (int i = 0; i < size; i++) {
      writable((address + i) >>> PAGE_SHIFT)[(address + i) & PAGE_MASK] =
          (byte) (value >>> (8 * i));
    }
  }

  private void check(int address, int size) {
    long end = (address & 0xFFFF_FFFFL) + (size & 0xFFFF_FFFFL);
    if (size < 0 || end > (long) pageCount << PAGE_SHIFT) {
      throw outOfBounds(address, size);
    }
  }

  private WasmRuntimeException outOfBounds(int address, int size) {
    return new WasmRuntimeException(
        "out of bounds memory access: attempted to access address: "
            + address
            + " but limit is: "
            + ((long) pageCount << PAGE_SHIFT)
            + " and size: "
            + size);
  }
}
