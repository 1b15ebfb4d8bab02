package io.arcanum.chain.registration;

import static io.arcanum.chain.registration.SimulatedNetwork.SENDER;
import static io.arcanum.chain.registration.SimulatedNetwork.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.chain.errors.ChainException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ValidateBasic ({@link RaAuthenticateHandler#signer}) and the structural quote read. */
class RaAuthenticateValidationTest {
  final RaAuthenticateHandler handler =
      new RaAuthenticateHandler(
          RaAuthenticateHandlerTest.failingEnclave(
              io.arcanum.enclave.api.EnclaveException.Reason.ENCLAVE_UNAVAILABLE),
          "secret");

  /** A default-layout blob whose quote carries {@code key} at offset 368. */
  static byte[] evidence(byte[] key) {
    byte[] quote = new byte[EvidenceQuote.MIN_QUOTE_LENGTH + 10];
    System.arraycopy(key, 0, quote, EvidenceQuote.REPORT_DATA_OFFSET, 32);
    byte[] collateral = {1, 2, 3};
    ByteBuffer out =
        ByteBuffer.allocate(12 + quote.length + collateral.length).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(0).putInt(quote.length).putInt(collateral.length).put(quote).put(collateral);
    return out.array();
  }

  /** The same quote in the tagged layout, after an unrelated entry. */
  static byte[] taggedEvidence(byte[] key) {
    byte[] quote = Arrays.copyOfRange(evidence(key), 12, 12 + EvidenceQuote.MIN_QUOTE_LENGTH + 10);
    ByteBuffer out = ByteBuffer.allocate(5 + 2 + 5 + quote.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put((byte) 3).putInt(2).put(new byte[] {9, 9});
    out.put((byte) 2).putInt(quote.length).put(quote);
    return out.array();
  }

  @Test
  void theSignerIsTheSenderAndTheKeyComesFromEitherLayout() throws Exception {
    byte[] key = SimulatedNetwork.filled(32, 0x33);
    assertThat(handler.signer(message(SENDER, evidence(key), ""))).isEqualTo(SENDER);
    assertThat(handler.signer(message(SENDER, taggedEvidence(key), "AB".repeat(20))))
        .isEqualTo(SENDER);
    assertThat(EvidenceQuote.registrationPublicKey(evidence(key))).isEqualTo(key);
    assertThat(EvidenceQuote.registrationPublicKey(taggedEvidence(key))).isEqualTo(key);
  }

  static Stream<Arguments> invalid() {
    byte[] good = evidence(new byte[32]);
    byte[] epid = good.clone();
    // 256 keeps the first byte 0, so the blob still reads as the default layout.
    ByteBuffer.wrap(epid).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 256);
    byte[] overlong = good.clone();
    ByteBuffer.wrap(overlong).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1 << 20);
    byte[] shortQuote = new byte[12 + 100];
    ByteBuffer.wrap(shortQuote).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 100);
    return Stream.of(
        Arguments.of(message(new byte[19], good, ""), "sdk", 7, "sender must be 20 bytes, got 19"),
        Arguments.of(message(new byte[0], good, ""), "sdk", 7, "sender"),
        Arguments.of(message(SENDER, new byte[0], ""), "sdk", 18, "certificate cannot be empty"),
        Arguments.of(message(SENDER, good, "abc"), "sdk", 18, "replace_machine_id"),
        Arguments.of(message(SENDER, good, "zz".repeat(20)), "sdk", 18, "replace_machine_id"),
        Arguments.of(message(SENDER, epid, ""), "register", 6, "EPID"),
        Arguments.of(message(SENDER, overlong, ""), "register", 6, "declares more bytes"),
        Arguments.of(message(SENDER, shortQuote, ""), "register", 6, "fewer than the 436"),
        Arguments.of(
            message(SENDER, new byte[] {2, 9, 0, 0, 0}, ""), "register", 6, "past the end"),
        Arguments.of(
            message(SENDER, new byte[] {3, 0, 0, 0, 0}, ""), "register", 6, "no DCAP quote"),
        Arguments.of(
            Any.newBuilder()
                .setTypeUrl("/cosmos.bank.v1beta1.MsgSend")
                .setValue(ByteString.EMPTY)
                .build(),
            "sdk",
            34,
            "expected /secret.registration.v1beta1.RaAuthenticate"),
        Arguments.of(
            Any.newBuilder()
                .setTypeUrl(RaAuthenticateHandler.TYPE_URL)
                .setValue(ByteString.copyFrom(new byte[] {(byte) 0xff}))
                .build(),
            "sdk",
            2,
            "RaAuthenticate"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void malformedMessagesAreRefusedByName(Any msg, String codespace, int code, String detail) {
    assertThatThrownBy(() -> handler.signer(msg))
        .isInstanceOfSatisfying(
            ChainException.class,
            e -> {
              assertThat(e.codespace()).isEqualTo(codespace);
              assertThat(e.code()).isEqualTo(code);
            })
        .hasMessageContaining(detail);
  }
}
