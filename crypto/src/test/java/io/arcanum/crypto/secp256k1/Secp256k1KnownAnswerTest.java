package io.arcanum.crypto.secp256k1;

import static io.arcanum.crypto.secp256k1.Secp256k1TestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * RFC 6979 deterministic ECDSA over secp256k1 with SHA-256 messages: the widely published Bitcoin
 * test set (Trezor crypto, python-ecdsa, bitcoinjs fixtures), with s in canonical low-S form. Every
 * vector was re-computed with the independent @noble/secp256k1 1.7 (the library secretjs signs
 * with), which also supplied the recovery ids; web3j is checked against the same values below.
 */
class Secp256k1KnownAnswerTest {
  private static final String N_MINUS_1 =
      "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140";

  record Vector(String privateKey, String message, String signature, String publicKey, int recId) {
    byte[] hash() {
      try {
        return MessageDigest.getInstance("SHA-256")
            .digest(message.getBytes(StandardCharsets.UTF_8));
      } catch (NoSuchAlgorithmException e) {
        throw new AssertionError(e);
      }
    }

    Secp256k1PrivateKey key() {
      return Secp256k1PrivateKey.fromBytes(hex(privateKey));
    }

    @Override
    public String toString() {
      return privateKey.substring(56) + " / \"" + message.substring(0, 10) + "…\"";
    }
  }

  static final String G = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
  static final String MINUS_G =
      "0379be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";

  static Stream<Vector> vectors() {
    String one = "0000000000000000000000000000000000000000000000000000000000000001";
    return Stream.of(
        new Vector(
            one,
            "Satoshi Nakamoto",
            "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8"
                + "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5",
            G,
            1),
        new Vector(
            one,
            "All those moments will be lost in time, like tears in rain. Time to die...",
            "8600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6b"
                + "547fe64427496db33bf66019dacbf0039c04199abb0122918601db38a72cfc21",
            G,
            0),
        new Vector(
            N_MINUS_1,
            "Satoshi Nakamoto",
            "fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d0"
                + "6b39cd0eb1bc8603e159ef5c20a5c8ad685a45b06ce9bebed3f153d10d93bed5",
            MINUS_G,
            0),
        new Vector(
            "f8b8af8ce3c7cca5e300d33939540c10d45ce001b8f252bfbc57ba0342904181",
            "Alan Turing",
            "7063ae83e7f62bbb171798131b4a0564b956930092b33b07b395615d9ec7e15c"
                + "58dfcc1e00a35e1572f366ffe34ba0fc47db1e7189759b9fb233c5b05ab388ea",
            "0292df7b245b81aa637ab4e867c8d511008f79161a97d64f2ac709600352f7acbc",
            0),
        new Vector(
            "e91671c46231f833a6406ccbea0e3e392c76c167bac1cb013f6f1013980455c2",
            "There is a computer disease that anybody who works with computers knows about."
                + " It's a very serious disease and it interferes completely with the work."
                + " The trouble with computers is that you 'play' with them!",
            "b552edd27580141f3b2a5463048cb7cd3e047b97c9f98076c32dbdf85a68718b"
                + "279fa72dd19bfae05577e06c7c0c1900c371fcd5893f7e1d56a37d30174671f6",
            "03567b7512001f3cc4dcb8b8096c046fff571ab07adb2126cd42908f2ff1ca424a",
            1),
        new Vector(
            one,
            "Everything should be made as simple as possible, but not simpler.",
            "33a69cd2065432a30f3d1ce4eb0d59b8ab58c74f27c41a7fdb5696ad4e6108c9"
                + "6f807982866f785d3f6418d24163ddae117b7db4d5fdf0071de069fa54342262",
            G,
            0),
        new Vector(
            N_MINUS_1,
            "Everything should be made as simple as possible, but not simpler.",
            "ba1afd54f9975fe2962bad597193d51c86de515418aa66f6a6d5cd246a519ab1"
                + "4125fe0e7d12428a70c706bf091bb40c164eddb0aea6aa61c0f2256009de59e6",
            MINUS_G,
            1),
        new Vector(
            "69ec59eaa1f4f2e36b639716b7c30ca86d9a5375c7b38d8918bd9c0ebc80ba64",
            "Computer science is no more about computers than astronomy is about telescopes.",
            "7186363571d65e084e7f02b0b77c3ec44fb1b257dee26274c38c928986fea45d"
                + "0de0b38e06807e46bda1f1e293f4f6323e854c86d58abdd00c46c16441085df6",
            "027b1e94fda0419de93981119ec2ffc6fc8da22efcd62a28f89c1a62d92b59a829",
            0),
        new Vector(
            "00000000000000000000000000007246174ab1e92e9149c6e446fe194d072637",
            "...if you aren't, at any given time, scandalized by code you wrote five or even three"
                + " years ago, you're not learning anywhere near enough",
            "fbfe5076a15860ba8ed00e75e9bd22e05d230f02a936b653eb55b61c99dda487"
                + "0e68880ebb0050fe4312b1b1eb0899e1b82da89baa5b895f612619edf34cbd37",
            "02b482d9656a4e99a15cfdab5e8b487cb07206df1cb83afb076c6f7ba890a43681",
            1),
        new Vector(
            "000000000000000000000000000000000000000000056916d0f9b31dc9b637f3",
            "The question of whether computers can think is like the question of whether"
                + " submarines can swim.",
            "cde1302d83f8dd835d89aef803c74a119f561fbaef3eb9129e45f30de86abbf9"
                + "06ce643f5049ee1f27890467b77a6a8e11ec4661cc38cd8badf90115fbd03cef",
            "0240902c19992973bbebff52fb90f0da3bab7b0d1fe905fbcb4e92277ea969b777",
            1));
  }

  static Stream<Arguments> enginesAndVectors() {
    return Secp256k1TestSupport.engines()
        .flatMap(engine -> vectors().map(vector -> Arguments.of(engine, vector)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("enginesAndVectors")
  void signsTheRfc6979Signature(Secp256k1Engine engine, Vector vector) {
    Secp256k1Signature signature = engine.sign(vector.hash(), vector.key());

    assertThat(hex(signature.bytes())).isEqualTo(vector.signature());
    assertThat(signature.isLowS()).isTrue();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("enginesAndVectors")
  void derivesThePublishedPublicKeyAndRecoveryId(Secp256k1Engine engine, Vector vector) {
    Secp256k1PublicKey publicKey = engine.publicKey(vector.key());
    RecoverableSignature recoverable = engine.signRecoverable(vector.hash(), vector.key());

    assertThat(hex(publicKey.compressed())).isEqualTo(vector.publicKey());
    assertThat(recoverable.recoveryId()).isEqualTo(vector.recId());
    assertThat(engine.recover(vector.hash(), recoverable.signature(), vector.recId()))
        .isEqualTo(publicKey);
    assertThat(engine.isValid(vector.hash(), recoverable.signature(), publicKey)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void web3jProducesTheSameSignatures(Vector vector) {
    ECDSASignature web3j =
        ECKeyPair.create(new BigInteger(vector.privateKey(), 16)).sign(vector.hash());

    assertThat(hex(Secp256k1Signature.of(web3j.r, web3j.s).bytes())).isEqualTo(vector.signature());
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("io.arcanum.crypto.secp256k1.Secp256k1TestSupport#enginesAndSeeds")
  void web3jAgreesOnSeededKeysIncludingTheRecoveryId(Secp256k1Engine engine, long seed) {
    Secp256k1TestSupport.Case c = Secp256k1TestSupport.Case.of(seed);
    // web3j: v = 27 + recovery id, r and s as 32-byte arrays, low-S.
    Sign.SignatureData web3j = Sign.signMessage(c.hash(), ECKeyPair.create(c.d()), false);

    RecoverableSignature ours = engine.signRecoverable(c.hash(), c.key());

    assertThat(hex(ours.signature().bytes())).isEqualTo(hex(web3j.getR()) + hex(web3j.getS()));
    assertThat(ours.recoveryId()).isEqualTo((web3j.getV()[0] & 0xff) - 27);
  }
}
