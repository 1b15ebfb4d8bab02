package io.arcanum.enclave.api.process;

import io.arcanum.enclave.api.EnclaveStatus;
import io.arcanum.enclave.api.NetworkPublicKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/** Values of every supported kind, nested, generated from a seed. */
final class CodecSamples {
  private CodecSamples() {}

  enum Color {
    RED,
    GREEN,
    BLUE
  }

  record Inner(byte[] bytes, String text, Color color, Optional<Long> maybe) {}

  /** Recursive through a list. */
  record Tree(String label, List<Tree> children) {}

  sealed interface Outcome permits Ok, Err, Verdict {}

  record Ok(byte[] data) implements Outcome {}

  record Err(String message, int code) implements Outcome {}

  enum Verdict implements Outcome {
    ACCEPT,
    REJECT
  }

  record Sample(
      boolean flag,
      byte b,
      short s,
      char c,
      int i,
      long l,
      float f,
      double d,
      Integer boxed,
      byte[] bytes,
      String text,
      Color color,
      Inner inner,
      List<Inner> inners,
      Set<String> tags,
      Map<String, byte[]> map,
      Optional<String> note,
      int[] ints,
      String[] texts,
      byte[][] chunks,
      List<List<Long>> nested,
      Tree tree,
      Outcome outcome,
      NetworkPublicKeys keys,
      EnclaveStatus status) {}

  static Sample random(long seed) {
    return new Generator(new Random(seed)).sample();
  }

  private record Generator(Random random) {
    Sample sample() {
      return new Sample(
          random.nextBoolean(),
          (byte) random.nextInt(),
          (short) random.nextInt(),
          (char) random.nextInt(Character.MAX_VALUE + 1),
          pick(0, Integer.MIN_VALUE, Integer.MAX_VALUE, random.nextInt()),
          pick(0L, Long.MIN_VALUE, Long.MAX_VALUE, random.nextLong()),
          pick(0f, Float.NaN, -0f, random.nextFloat() * 1e6f),
          pick(0d, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, random.nextGaussian()),
          maybe(random.nextInt()),
          maybe(bytes()),
          maybe(text()),
          maybe(Color.values()[random.nextInt(3)]),
          maybe(inner()),
          maybe(list(this::inner)),
          maybe(new LinkedHashSet<>(list(this::text))),
          maybe(map()),
          maybe(Optional.ofNullable(maybe(text()))),
          maybe(random.ints(random.nextInt(4)).toArray()),
          maybe(list(() -> maybe(text())).toArray(String[]::new)),
          maybe(list(this::bytes).toArray(byte[][]::new)),
          maybe(list(() -> list(() -> maybe(random.nextLong())))),
          maybe(tree(3)),
          maybe(outcome()),
          maybe(new NetworkPublicKeys(fixed(32), fixed(32))),
          maybe(new EnclaveStatus(random.nextInt(5), random.nextBoolean())));
    }

    @SafeVarargs
    private <T> T pick(T... options) {
      return options[random.nextInt(options.length)];
    }

    /** Null one time in five: every reference may be null. */
    private <T> T maybe(T value) {
      return random.nextInt(5) == 0 ? null : value;
    }

    private byte[] bytes() {
      return fixed(random.nextInt(3) == 0 ? 0 : random.nextInt(40));
    }

    private byte[] fixed(int length) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      return bytes;
    }

    private String text() {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.appendCodePoint(
            pick(
                'a' + random.nextInt(26),
                0xE9, // é
                0x4E2D, // a CJK character, 3 bytes
                0x1F512)); // a lock emoji, 4 bytes (a surrogate pair)
      }
      return text.toString();
    }

    private Inner inner() {
      return new Inner(
          maybe(bytes()),
          maybe(text()),
          maybe(Color.values()[random.nextInt(3)]),
          maybe(Optional.ofNullable(maybe(random.nextLong()))));
    }

    private Map<String, byte[]> map() {
      Map<String, byte[]> map = new HashMap<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        map.put(text(), maybe(bytes()));
      }
      return map;
    }

    private Tree tree(int depth) {
      List<Tree> children = new ArrayList<>();
      for (int i = depth == 0 ? 0 : random.nextInt(3); i > 0; i--) {
        children.add(tree(depth - 1));
      }
      return new Tree(maybe(text()), children);
    }

    private Outcome outcome() {
      return switch (random.nextInt(3)) {
        case 0 -> new Ok(bytes());
        case 1 -> new Err(text(), random.nextInt());
        default -> Verdict.values()[random.nextInt(2)];
      };
    }

    private <T> List<T> list(java.util.function.Supplier<T> element) {
      List<T> list = new ArrayList<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        list.add(element.get());
      }
      return list;
    }
  }
}
