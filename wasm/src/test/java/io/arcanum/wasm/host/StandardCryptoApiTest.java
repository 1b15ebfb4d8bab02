package io.arcanum.wasm.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.crypto.ed25519.Ed25519PrivateKey;
import io.arcanum.crypto.secp256k1.Secp256k1;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardCryptoApiTest {
  private final StandardCryptoApi api = new StandardCryptoApi();

  private static byte[] bytes(Random random, int n) {
    byte[] out = new byte[n];
    random.nextBytes(out);
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void secp256k1SignVerifyAndRecoverAgree(long seed) throws Exception {
    Random random = new Random(seed);
    byte[] key = bytes(random, 32);
    byte[] message = bytes(random, 50);
    CryptoApi.Result signed = api.secp256k1Sign(message, key);
    assertThat(signed.code()).isZero();
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(message);
    Secp256k1PublicKey pub = Secp256k1PrivateKey.fromBytes(key).publicKey();
    assertThat(api.secp256k1Verify(hash, signed.output(), pub.compressed())).isZero();
    assertThat(api.secp256k1Verify(hash, signed.output(), pub.uncompressed())).isZero();
    hash[0] ^= 1;
    assertThat(api.secp256k1Verify(hash, signed.output(), pub.compressed()))
        .isEqualTo(CryptoApi.INVALID);
    hash[0] ^= 1;

    boolean recovered = false;
    for (int param = 0; param < 2; param++) {
      CryptoApi.Result r = api.secp256k1RecoverPubkey(hash, signed.output(), param);
      if (r.code() == 0 && java.util.Arrays.equals(r.output(), pub.uncompressed())) {
        recovered = true;
      }
    }
    assertThat(recovered).isTrue();
  }

  @ParameterizedTest
  @ValueSource(longs = {4, 5})
  void highSSignaturesAreNormalisedAsCosmwasmCryptoDoes(long seed) throws Exception {
    Random random = new Random(seed);
    byte[] key = bytes(random, 32);
    byte[] hash = bytes(random, 32);
    var sig = Secp256k1.engine().sign(hash, Secp256k1PrivateKey.fromBytes(key));
    java.math.BigInteger highS = Secp256k1.CURVE_ORDER.subtract(sig.s());
    byte[] high = io.arcanum.crypto.secp256k1.Secp256k1Signature.of(sig.r(), highS).bytes();
    byte[] pub = Secp256k1PrivateKey.fromBytes(key).publicKey().compressed();
    assertThat(api.secp256k1Verify(hash, high, pub)).isZero();
  }

  @org.junit.jupiter.api.Test
  void malformedInputsGetTheSpecCodes() {
    assertThat(api.secp256k1Verify(new byte[31], new byte[64], new byte[33])).isEqualTo(3);
    assertThat(api.secp256k1Verify(new byte[32], new byte[63], new byte[33])).isEqualTo(4);
    assertThat(api.secp256k1Verify(new byte[32], new byte[64], new byte[34])).isEqualTo(5);
    assertThat(api.secp256k1Verify(new byte[32], new byte[64], new byte[33])).isEqualTo(5);
    byte[] notAPoint = new byte[33];
    java.util.Arrays.fill(notAPoint, (byte) 0xFF);
    notAPoint[0] = 0x02;
    assertThat(api.secp256k1Verify(new byte[32], new byte[64], notAPoint)).isEqualTo(10);
    assertThat(api.secp256k1RecoverPubkey(new byte[32], new byte[64], 2).code()).isEqualTo(6);
    assertThat(api.ed25519Verify(new byte[0], new byte[63], new byte[32])).isEqualTo(4);
    assertThat(api.ed25519Verify(new byte[0], new byte[64], new byte[31])).isEqualTo(5);
    assertThat(api.secp256k1Sign(new byte[1], new byte[32]).code()).isEqualTo(1000);
    assertThat(api.ed25519Sign(new byte[1], new byte[31]).code()).isEqualTo(1000);
    assertThat(api.dcapQuoteVerify(new byte[1], new byte[1]).code()).isEqualTo(10);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 5})
  void ed25519BatchAcceptsEqualCountsOneMessageOrOneKey(int n) {
    Random random = new Random(n);
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(bytes(random, 32));
    byte[] shared = bytes(random, 20);
    List<byte[]> messages = new java.util.ArrayList<>();
    List<byte[]> sigsSameMessage = new java.util.ArrayList<>();
    List<byte[]> sigs = new java.util.ArrayList<>();
    List<byte[]> keys = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] m = bytes(random, 10 + i);
      messages.add(m);
      sigs.add(key.sign(m));
      sigsSameMessage.add(key.sign(shared));
      keys.add(key.publicKey().bytes());
    }
    assertThat(api.ed25519BatchVerify(messages, sigs, keys)).isZero();
    assertThat(api.ed25519BatchVerify(messages, sigs, List.of(key.publicKey().bytes()))).isZero();
    assertThat(api.ed25519BatchVerify(List.of(shared), sigsSameMessage, keys)).isZero();
    assertThat(api.ed25519BatchVerify(messages, sigs, keys.subList(0, 0))).isEqualTo(7);
    sigs.get(n - 1)[5] ^= 1;
    assertThat(api.ed25519BatchVerify(messages, sigs, keys)).isEqualTo(1);
  }

  @org.junit.jupiter.api.Test
  void emptyBatchVerifies() {
    assertThat(api.ed25519BatchVerify(List.of(), List.of(), List.of())).isZero();
  }
}
