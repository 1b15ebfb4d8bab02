package io.arcanum.crypto.secp256k1;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Entry point: chooses the secp256k1 engine once per JVM. libsecp256k1 (JNI) is used when its
 * native library loads; otherwise the pure-Java Bouncy Castle engine, so a platform without the
 * native library still works, only slower. The choice is logged once.
 *
 * <p>System property {@value #ENGINE_PROPERTY} forces a choice: {@code native} or {@code bc}. A
 * forced native engine that cannot load falls back to Bouncy Castle with a warning rather than
 * failing, because both engines give identical results.
 */
public final class Secp256k1 {
  /** System property that forces the engine: {@code native} or {@code bc}. */
  public static final String ENGINE_PROPERTY = "arcanum.secp256k1";

  /** The group order n; private keys and signature scalars lie in [1, n-1]. */
  public static final BigInteger CURVE_ORDER = Secp256k1Curve.N;

  private Secp256k1() {}

  /** The engine for this JVM, chosen on first use. */
  public static Secp256k1Engine engine() {
    return DefaultEngine.ENGINE;
  }

  /** The pure-Java engine, always available. */
  public static Secp256k1Engine bouncyCastle() {
    return BouncyCastleSecp256k1Engine.INSTANCE;
  }

  /** The libsecp256k1 engine, or empty if the native library cannot be loaded here. */
  public static Optional<Secp256k1Engine> nativeEngine() {
    return Optional.ofNullable(NativeEngine.ENGINE);
  }

  /** Lazy holder: the native library is loaded at most once, and only when asked for. */
  private static final class NativeEngine {
    static final IllegalStateException FAILURE;
    static final NativeSecp256k1Engine ENGINE;

    static {
      NativeSecp256k1Engine engine = null;
      IllegalStateException failure = null;
      try {
        engine = NativeSecp256k1Engine.load();
      } catch (IllegalStateException e) {
        failure = e;
      }
      ENGINE = engine;
      FAILURE = failure;
    }

    static NativeSecp256k1Engine get() {
      if (ENGINE == null) {
        throw FAILURE;
      }
      return ENGINE;
    }
  }

  private static final class DefaultEngine {
    static final Secp256k1Engine ENGINE =
        select(
            System.getProperty(ENGINE_PROPERTY),
            NativeEngine::get,
            System.getLogger(Secp256k1.class.getName()));
  }

  /**
   * The engine selection rule, separate from the JVM-wide state so it can be tested.
   *
   * @param requested the value of {@value #ENGINE_PROPERTY}, or null
   * @param nativeLoader returns the native engine or throws {@link IllegalStateException} (or any
   *     {@link LinkageError}) if it is unavailable
   * @param log receives exactly one record naming the engine chosen
   */
  static Secp256k1Engine select(
      String requested, Supplier<? extends Secp256k1Engine> nativeLoader, Logger log) {
    String choice = requested == null ? "" : requested.trim().toLowerCase(Locale.ROOT);
    if (choice.equals("bc")) {
      Secp256k1Engine engine = bouncyCastle();
      log.log(
          Level.INFO, "secp256k1 engine: {0} (forced by -D{1}=bc)", engine.name(), ENGINE_PROPERTY);
      return engine;
    }
    boolean unknown = !choice.isEmpty() && !choice.equals("native");
    String note = unknown ? " (ignored unknown -D" + ENGINE_PROPERTY + "=" + requested + ")" : "";
    try {
      Secp256k1Engine engine = nativeLoader.get();
      log.log(
          unknown ? Level.WARNING : Level.INFO, "secp256k1 engine: {0}{1}", engine.name(), note);
      return engine;
    } catch (IllegalStateException | LinkageError e) {
      // Never fatal: the pure-Java engine gives the same results, only slower.
      Secp256k1Engine engine = bouncyCastle();
      boolean expectedNative = choice.equals("native") || unknown;
      log.log(
          expectedNative ? Level.WARNING : Level.INFO,
          "secp256k1 engine: {0}; libsecp256k1 is unavailable: {1}{2}",
          engine.name(),
          e.getMessage(),
          note);
      return engine;
    }
  }
}
