package io.arcanum.enclave.auth;

import static io.arcanum.enclave.auth.Txs.A;
import static io.arcanum.enclave.auth.Txs.CONTRACT;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.enclave.api.Coin;
import io.arcanum.enclave.api.SigInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the node hands over, a tx that is not exactly the signed one is refused with a {@link
 * SenderAuthenticationException}, never another exception: truncated or bit-flipped tx bytes, sign
 * bytes and keys, in every sign mode, at seeded-random positions.
 */
class MalformedInputTest {
  private static final SenderAuthenticator AUTH = Txs.authenticator();
  private static final byte[] SENDER = Txs.address(A);
  private static final List<Coin> FUNDS = List.of(new Coin("uscrt", "7"));
  private static final byte[] INPUT = Txs.envelope(new Random(99));
  private static final ExpectedMessage EXPECTED =
      ExpectedMessage.execute(SENDER, CONTRACT, INPUT, FUNDS);

  private enum Part {
    TX_BYTES,
    SIGN_BYTES,
    PUBLIC_KEY
  }

  private static SigInfo signed(int mode) {
    byte[] body = Txs.body(Txs.executeAny(SENDER, CONTRACT, INPUT, FUNDS));
    List<java.util.Map<String, Object>> msgs =
        List.of(Txs.aminoExecute(SENDER, CONTRACT, INPUT, FUNDS));
    return switch (mode) {
      case SigInfo.SIGN_MODE_DIRECT -> Txs.direct(A, body);
      case SigInfo.SIGN_MODE_LEGACY_AMINO_JSON -> Txs.amino(A, body, msgs);
      default -> Txs.eip191(A, body, msgs, true);
    };
  }

  static Stream<Arguments> damage() {
    Random random = new Random(0xc0ffeeL);
    Stream.Builder<Arguments> cases = Stream.builder();
    for (int mode : new int[] {1, 127, 191}) {
      for (Part part : Part.values()) {
        if (part == Part.PUBLIC_KEY && mode == 1) {
          continue; // DIRECT reads the key from the signed AuthInfo, not from SigInfo
        }
        for (int i = 0; i < 12; i++) {
          cases.add(Arguments.of(mode, part, random.nextBoolean(), random.nextLong()));
        }
      }
    }
    return cases.build();
  }

  @ParameterizedTest(name = "mode {0}, {1}, truncate={2}, seed {3}")
  @MethodSource("damage")
  void refusesDamagedInputWithASenderAuthenticationException(
      int mode, Part part, boolean truncate, long seed) {
    SigInfo good = signed(mode);
    Random random = new Random(seed);
    byte[] tx = good.txBytes();
    byte[] signBytes = good.signBytes();
    byte[] key = good.publicKey();
    byte[] target =
        switch (part) {
          case TX_BYTES -> tx;
          case SIGN_BYTES -> signBytes;
          case PUBLIC_KEY -> key;
        };
    byte[] damaged;
    if (truncate) {
      damaged = Arrays.copyOf(target, random.nextInt(target.length));
    } else {
      damaged = target.clone();
      int bit = random.nextInt(damaged.length * 8);
      damaged[bit / 8] ^= (byte) (1 << (bit % 8));
    }
    SigInfo sig =
        new SigInfo(
            part == Part.TX_BYTES ? damaged : tx,
            part == Part.SIGN_BYTES ? damaged : signBytes,
            mode,
            part == Part.PUBLIC_KEY ? damaged : key,
            good.signature(),
            null);
    assertThatThrownBy(() -> AUTH.verify(sig, EXPECTED))
        .isInstanceOf(SenderAuthenticationException.class);
  }

  static Stream<Arguments> garbage() {
    Random random = new Random(0x6a7ba6eL);
    return random.longs(30).mapToObj(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("garbage")
  void refusesRandomBytesInEveryFieldWithASenderAuthenticationException(long seed) {
    Random random = new Random(seed);
    int[] modes = {1, 127, 191};
    SigInfo sig =
        new SigInfo(
            bytes(random),
            bytes(random),
            modes[random.nextInt(3)],
            bytes(random),
            bytes(random),
            null);
    assertThatThrownBy(() -> AUTH.verify(sig, EXPECTED))
        .isInstanceOf(SenderAuthenticationException.class);
  }

  private static byte[] bytes(Random random) {
    byte[] out = new byte[random.nextInt(120)];
    random.nextBytes(out);
    return out;
  }
}
