package io.arcanum.bench;

import io.arcanum.crypto.secp256k1.Secp256k1;
import io.arcanum.crypto.secp256k1.Secp256k1Engine;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import io.arcanum.crypto.secp256k1.Secp256k1Signature;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** secp256k1 on each engine: verify is on every tx's ante path, sign on the client's. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class Secp256k1Bench {
  @Param({"native", "bc"})
  public String engineName;

  private Secp256k1Engine engine;
  private Secp256k1PrivateKey key;
  private Secp256k1PublicKey publicKey;
  private byte[] hash;
  private Secp256k1Signature signature;

  @Setup
  public void setUp() throws Exception {
    engine =
        engineName.equals("native")
            ? Secp256k1.nativeEngine().orElseThrow()
            : Secp256k1.bouncyCastle();
    key = Secp256k1PrivateKey.generate(new SecureRandom());
    publicKey = engine.publicKey(key);
    hash = MessageDigest.getInstance("SHA-256").digest("sign doc".getBytes());
    signature = engine.sign(hash, key);
  }

  @Benchmark
  public boolean verify() {
    return engine.isValid(hash, signature, publicKey);
  }

  @Benchmark
  public Secp256k1Signature sign() {
    return engine.sign(hash, key);
  }
}
