package io.arcanum.crypto.bip32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcanum.crypto.InvalidLengthException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.Bip32ECKeyPair;

class ExtendedPrivateKeyTest {
  private static final HexFormat HEX = HexFormat.of();

  record Derivation(
      String vector,
      String seed,
      String path,
      String privateKey,
      String chainCode,
      String publicKey,
      String xprv) {
    @Override
    public String toString() {
      return vector + " " + path;
    }
  }

  /**
   * BIP32 test vectors 1-4 from {@code bip32-vectors.json} (generated with npm bip32 by
   * src/test/node/generate-vectors.js). Each row's xprv is the string printed in BIP32, and the
   * test decodes it, so the BIP text itself is the oracle for key, chain code and metadata.
   */
  static Stream<Derivation> bip32Vectors() {
    List<Derivation> rows = new ArrayList<>();
    try (InputStream in = ExtendedPrivateKeyTest.class.getResourceAsStream("bip32-vectors.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      for (JsonNode vector : root.get("vectors")) {
        for (JsonNode d : vector.get("derivations")) {
          rows.add(
              new Derivation(
                  vector.get("name").asText(),
                  vector.get("seed").asText(),
                  d.get("path").asText(),
                  d.get("privateKey").asText(),
                  d.get("chainCode").asText(),
                  d.get("publicKey").asText(),
                  d.get("xprv").asText()));
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bip32Vectors")
  void derivesTheBip32TestVectorKeys(Derivation row) {
    HdPath path = HdPath.parse(row.path());

    try (ExtendedPrivateKey key =
        ExtendedPrivateKey.fromSeed(HEX.parseHex(row.seed())).derive(path)) {
      byte[] secret = key.exportSecret();
      assertThat(HEX.formatHex(secret, 0, 32)).isEqualTo(row.privateKey());
      assertThat(HEX.formatHex(secret, 32, 64)).isEqualTo(row.chainCode());
      assertThat(HEX.formatHex(key.publicKey().compressed())).isEqualTo(row.publicKey());
      assertThat(key.depth()).isEqualTo(path.depth());
    }
  }

  /** xprv = version ‖ depth ‖ parent fingerprint ‖ child number ‖ chain code ‖ 0x00 ‖ key. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("bip32Vectors")
  void matchesEveryFieldOfThePublishedXprv(Derivation row) {
    ByteBuffer xprv = ByteBuffer.wrap(Base58Check.decode(row.xprv()));
    HdPath path = HdPath.parse(row.path());

    try (ExtendedPrivateKey key =
        ExtendedPrivateKey.fromSeed(HEX.parseHex(row.seed())).derive(path)) {
      byte[] secret = key.exportSecret();
      assertThat(xprv.getInt()).isEqualTo(0x0488ade4);
      assertThat(xprv.get() & 0xff).isEqualTo(key.depth());
      assertThat(xprv.getInt()).isEqualTo(key.parentFingerprint());
      int childNumber = xprv.getInt();
      assertThat(childNumber).isEqualTo(key.childNumber() == null ? 0 : key.childNumber().raw());
      byte[] chainCode = new byte[32];
      xprv.get(chainCode);
      assertThat(chainCode).isEqualTo(Arrays.copyOfRange(secret, 32, 64));
      assertThat(xprv.get()).isZero();
      byte[] privateKey = new byte[32];
      xprv.get(privateKey);
      assertThat(privateKey).isEqualTo(Arrays.copyOf(secret, 32));
    }
  }

  @Test
  void masterKeyOfVectorOneAsPrintedInBip32() {
    byte[] seed = HEX.parseHex("000102030405060708090a0b0c0d0e0f");

    try (ExtendedPrivateKey master = ExtendedPrivateKey.fromSeed(seed)) {
      byte[] xprv =
          Base58Check.decode(
              "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6"
                  + "LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi");
      assertThat(Arrays.copyOfRange(xprv, 13, 45))
          .isEqualTo(Arrays.copyOfRange(master.exportSecret(), 32, 64));
      assertThat(Arrays.copyOfRange(xprv, 46, 78))
          .isEqualTo(Arrays.copyOf(master.exportSecret(), 32));
      assertThat(master.depth()).isZero();
      assertThat(master.parentFingerprint()).isZero();
      assertThat(master.childNumber()).isNull();
    }
  }

  static Stream<Arguments> seeds() {
    return LongStream.range(0, 30).mapToObj(Arguments::of);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void web3jDerivesTheSameKeysOnRandomSeedsAndPaths(long seed) {
    SplittableRandom random = new SplittableRandom(0xb1b3_2000L + seed);
    byte[] bip32Seed = new byte[16 + random.nextInt(49)];
    random.nextBytes(bip32Seed);
    int depth = random.nextInt(1, 7);
    int[] web3jPath = new int[depth];
    List<ChildNumber> steps = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      ChildNumber step =
          new ChildNumber(random.nextInt(0, Integer.MAX_VALUE), random.nextBoolean());
      steps.add(step);
      web3jPath[i] = step.raw();
    }

    Bip32ECKeyPair web3j =
        Bip32ECKeyPair.deriveKeyPair(Bip32ECKeyPair.generateKeyPair(bip32Seed), web3jPath);

    try (ExtendedPrivateKey ours =
        ExtendedPrivateKey.fromSeed(bip32Seed).derive(new HdPath(steps))) {
      byte[] secret = ours.exportSecret();
      assertThat(new BigInteger(1, secret, 0, 32)).isEqualTo(web3j.getPrivateKey());
      assertThat(Arrays.copyOfRange(secret, 32, 64)).isEqualTo(web3j.getChainCode());
      assertThat(ours.parentFingerprint()).isEqualTo(web3j.getParentFingerprint());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 15, 65, 128})
  void rejectsSeedsOutsideBip32sLengthRange(int length) {
    assertThatThrownBy(() -> ExtendedPrivateKey.fromSeed(new byte[length]))
        .isExactlyInstanceOf(InvalidLengthException.class)
        .hasMessage("BIP32 seed must be 16 to 64 bytes, got " + length);
  }

  @Test
  void derivingAnEmptyPathGivesAnIndependentCopy() {
    ExtendedPrivateKey master = ExtendedPrivateKey.fromSeed(new byte[16]);

    ExtendedPrivateKey same = master.derive(HdPath.parse("m"));
    same.destroy();

    assertThat(master.isDestroyed()).isFalse();
    assertThat(master.privateKey().exportSecret()).hasSize(32);
  }

  @Test
  void stepwiseDerivationEqualsPathDerivation() {
    ExtendedPrivateKey master = ExtendedPrivateKey.fromSeed(new byte[32]);

    ExtendedPrivateKey stepwise =
        master
            .deriveChild(ChildNumber.hardened(44))
            .deriveChild(ChildNumber.hardened(529))
            .deriveChild(ChildNumber.hardened(0))
            .deriveChild(ChildNumber.normal(0))
            .deriveChild(ChildNumber.normal(7));

    assertThat(stepwise.sameSecretAs(master.derive(HdPath.secret(7)))).isTrue();
    assertThat(stepwise.childNumber()).isEqualTo(ChildNumber.normal(7));
  }

  @Test
  void derivationStopsAtDepth255() {
    List<ChildNumber> steps = new ArrayList<>();
    for (int i = 0; i < 255; i++) {
      steps.add(ChildNumber.normal(0));
    }
    ExtendedPrivateKey deepest =
        ExtendedPrivateKey.fromSeed(new byte[16]).derive(new HdPath(steps));

    assertThat(deepest.depth()).isEqualTo(255);
    assertThatThrownBy(() -> deepest.deriveChild(ChildNumber.normal(0)))
        .isExactlyInstanceOf(InvalidHdPathException.class)
        .hasMessage("BIP32 keys cannot be derived beyond depth 255");
  }

  @Test
  void pathThatWouldPassDepth255FailsAndLeavesTheStartingKeyUsable() {
    ExtendedPrivateKey child =
        ExtendedPrivateKey.fromSeed(new byte[16]).deriveChild(ChildNumber.normal(0));
    HdPath longest = HdPath.parse("m" + "/0".repeat(255));

    assertThatThrownBy(() -> child.derive(longest))
        .isExactlyInstanceOf(InvalidHdPathException.class);
    assertThat(child.isDestroyed()).isFalse();
    assertThat(child.depth()).isEqualTo(1);
  }

  @Test
  void toStringHidesKeyAndChainCode() {
    ExtendedPrivateKey master = ExtendedPrivateKey.fromSeed(new byte[16]);

    assertThat(master.toString()).isEqualTo("ExtendedPrivateKey[64 bytes, redacted]");
  }
}
