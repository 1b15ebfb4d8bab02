package io.arcanum.crypto.secp256k1;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class Secp256k1SelectionTest {
  private final RecordingLogger log = new RecordingLogger();
  private final Secp256k1Engine nativeEngine =
      Secp256k1.nativeEngine().orElseThrow(() -> new AssertionError("native engine expected"));

  private final Supplier<Secp256k1Engine> available = () -> nativeEngine;
  private final Supplier<Secp256k1Engine> missing =
      () -> {
        throw new IllegalStateException(
            "libsecp256k1 JNI library is not usable: java.lang.UnsatisfiedLinkError: no lib");
      };
  private final Supplier<Secp256k1Engine> brokenLinkage =
      () -> {
        throw new UnsatisfiedLinkError("no secp256k1-jni in java.library.path");
      };

  @Test
  void prefersTheNativeEngineWhenItLoads() {
    assertThat(Secp256k1.select(null, available, log)).isSameAs(nativeEngine);
    assertThat(log.records).containsExactly("INFO secp256k1 engine: libsecp256k1 (JNI)");
  }

  @Test
  void fallsBackToBouncyCastleWhenTheNativeLibraryIsMissing() {
    assertThat(Secp256k1.select(null, missing, log)).isSameAs(Secp256k1.bouncyCastle());
    assertThat(log.records).hasSize(1);
    assertThat(log.records.get(0))
        .startsWith(
            "INFO secp256k1 engine: Bouncy Castle (pure Java); libsecp256k1 is unavailable");
  }

  @Test
  void fallsBackOnARawLinkageErrorToo() {
    assertThat(Secp256k1.select("", brokenLinkage, log)).isSameAs(Secp256k1.bouncyCastle());
    assertThat(log.records).hasSize(1);
  }

  @Test
  void propertyBcForcesBouncyCastleWithoutTouchingNativeCode() {
    Supplier<Secp256k1Engine> mustNotLoad =
        () -> {
          throw new AssertionError("native loader called");
        };

    assertThat(Secp256k1.select(" BC ", mustNotLoad, log)).isSameAs(Secp256k1.bouncyCastle());
    assertThat(log.records)
        .containsExactly(
            "INFO secp256k1 engine: Bouncy Castle (pure Java) (forced by -Darcanum.secp256k1=bc)");
  }

  @Test
  void propertyNativeThatCannotLoadWarnsAndFallsBack() {
    assertThat(Secp256k1.select("native", missing, log)).isSameAs(Secp256k1.bouncyCastle());
    assertThat(log.records).hasSize(1);
    assertThat(log.records.get(0)).startsWith("WARNING ");
  }

  @Test
  void unknownPropertyValueIsReportedAndIgnored() {
    assertThat(Secp256k1.select("gpu", available, log)).isSameAs(nativeEngine);
    assertThat(log.records)
        .containsExactly(
            "WARNING secp256k1 engine: libsecp256k1 (JNI) (ignored unknown -Darcanum.secp256k1=gpu)");
  }

  @Test
  void defaultEngineIsChosenOnceAndIsOneOfTheTwo() {
    assertThat(Secp256k1.engine()).isSameAs(Secp256k1.engine());
    assertThat(Secp256k1.engine()).isIn(nativeEngine, Secp256k1.bouncyCastle());
  }

  /** Keeps "LEVEL formatted-message" lines. */
  private static final class RecordingLogger implements Logger {
    final List<String> records = new ArrayList<>();

    @Override
    public String getName() {
      return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      records.add(level + " " + msg);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      records.add(level + " " + MessageFormat.format(format, params));
    }
  }
}
