package io.arcanum.bench;

import io.arcanum.crypto.aessiv.AesSiv;
import io.arcanum.crypto.aessiv.AesSivKey;
import io.arcanum.crypto.hkdf.SecretKdf;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.DecryptedTxInput;
import io.arcanum.crypto.tx.TxEncryptor;
import io.arcanum.crypto.tx.TxEnvelope;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.crypto.x25519.X25519PublicKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyAgreement;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the primitives on the tx path, single-threaded, to compare with native figures in
 * docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CryptoBench {
  private final SplittableRandom random = new SplittableRandom(42);
  private AesSiv siv;
  private byte[] kib;
  private byte[] sealedKib;
  private X25519PrivateKey x25519Key;
  private X25519PublicKey x25519Peer;
  private byte[] x25519KeyBytes;
  private byte[] x25519PeerBytes;
  private PrivateKey jdkKey;
  private PublicKey jdkPeer;
  private byte[] hkdfKey;
  private byte[] hkdfData;
  private X25519PrivateKey ioKey;
  private byte[] envelope;

  @Setup
  public void setUp() {
    siv = new AesSiv(AesSivKey.of(bytes(32)));
    kib = bytes(1024);
    sealedKib = siv.seal(kib, List.of(new byte[0]));
    x25519KeyBytes = bytes(32);
    x25519Key = X25519PrivateKey.of(x25519KeyBytes);
    x25519Peer = X25519PrivateKey.of(bytes(32)).publicKey();
    x25519PeerBytes = x25519Peer.bytes();
    try {
      KeyFactory kf = KeyFactory.getInstance("XDH");
      jdkKey = kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, x25519KeyBytes));
      byte[] be = new byte[32];
      for (int i = 0; i < 32; i++) {
        be[i] = x25519PeerBytes[31 - i];
      }
      jdkPeer =
          kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    hkdfKey = bytes(32);
    hkdfData = bytes(32);
    ioKey = X25519PrivateKey.of(bytes(32));
    String json =
        "{\"transfer\":{\"recipient\":\"secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03\","
            + "\"amount\":\"1000000\"}}";
    envelope =
        TxEncryptor.fromSeed(bytes(32), ioKey.publicKey())
            .encrypt(CodeHash.of(bytes(64)), json.getBytes(StandardCharsets.UTF_8), bytes(32));
  }

  /** AES-128-SIV seal of 1 KiB with one empty AD component (the IO shape). */
  @Benchmark
  public byte[] aesSivSeal1KiB() {
    return siv.seal(kib, List.of(new byte[0]));
  }

  /** AES-128-SIV open of 1 KiB. */
  @Benchmark
  public byte[] aesSivOpen1KiB() {
    return siv.open(sealedKib, List.of(new byte[0]));
  }

  /** One X25519 scalar multiplication with a peer's public key. */
  @Benchmark
  public Object x25519Agree() {
    return x25519Key.agree(x25519Peer);
  }

  /** The same multiplication on Bouncy Castle, which X25519PrivateKey used before. */
  @Benchmark
  public byte[] x25519AgreeBouncyCastle() {
    byte[] out = new byte[32];
    X25519.scalarMult(x25519KeyBytes, 0, x25519PeerBytes, 0, out, 0);
    return out;
  }

  /** The same multiplication on the JDK's XDH provider. */
  @Benchmark
  public byte[] x25519AgreeJdk() throws GeneralSecurityException {
    KeyAgreement ka = KeyAgreement.getInstance("XDH");
    ka.init(jdkKey);
    ka.doPhase(jdkPeer, true);
    return ka.generateSecret();
  }

  /** Secret's key.derive: HKDF-SHA256 extract + one expand block over 64 bytes. */
  @Benchmark
  public byte[] hkdfKeyDerive() {
    return SecretKdf.keyDerive(hkdfKey, hkdfData);
  }

  /**
   * The enclave's whole input path: parse, X25519 with the IO key, HKDF, AES-SIV open of a 200-byte
   * message, code-hash split.
   */
  @Benchmark
  public DecryptedTxInput envelopeDecrypt() {
    return TxEnvelope.parse(envelope).open(ioKey);
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
