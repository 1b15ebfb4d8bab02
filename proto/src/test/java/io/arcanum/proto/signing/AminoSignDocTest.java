package io.arcanum.proto.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import io.arcanum.proto.cosmos.tx.v1beta1.Fee;
import io.arcanum.proto.cosmos.tx.v1beta1.TxBody;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgMigrateContract;
import io.arcanum.proto.secret.registration.v1beta1.RaAuthenticate;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The LEGACY_AMINO_JSON sign doc in the exact bytes signers sign (secretjs-api.md §4.2): sorted
 * keys, no whitespace, Go's escaping, compute addresses as base64 of raw bytes. (Real secretjs
 * signatures over these docs are checked by the chain's SecretJsSignedTxTest.)
 */
class AminoSignDocTest {
  private static final byte[] SENDER =
      HexFormat.of().parseHex("e855a00fe13ef005051a1d7ceac7ef21c5606cfd");
  private static final byte[] CONTRACT =
      HexFormat.of().parseHex("da6de9eb785611af8a7c96f38b36f533fb4c893a");

  private record Tx(TxBody body, Fee fee) {}

  private static Tx tx(String memo, long timeoutHeight, Any... messages) {
    TxBody body =
        TxBody.newBuilder()
            .addAllMessages(List.of(messages))
            .setMemo(memo)
            .setTimeoutHeight(timeoutHeight)
            .build();
    Fee fee =
        Fee.newBuilder()
            .addAmount(Coin.newBuilder().setDenom("uscrt").setAmount("5000"))
            .setGasLimit(200_000)
            .build();
    return new Tx(body, fee);
  }

  /** Test-only bech32 for {@code reg/authenticate}: account a's address for its raw bytes. */
  private static String bech32(byte[] raw) {
    assertThat(raw).isEqualTo(SENDER);
    return "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03";
  }

  private static String doc(Tx tx) {
    return new String(
        SignDocs.aminoJson(tx.body(), tx.fee(), "secretdev-1", 7, 3, AminoSignDocTest::bech32),
        StandardCharsets.UTF_8);
  }

  @Test
  void executeAndInstantiateAreSignedWithBase64AddressesAndOnlyTheFieldsSecretJsWrites() {
    Any execute =
        ProtoTypes.pack(
            MsgExecuteContract.newBuilder()
                .setSender(ByteString.copyFrom(SENDER))
                .setContract(ByteString.copyFrom(CONTRACT))
                .setMsg(ByteString.copyFrom(new byte[] {1, 2, 3}))
                .build());
    Any instantiate =
        ProtoTypes.pack(
            MsgInstantiateContract.newBuilder()
                .setSender(ByteString.copyFrom(SENDER))
                .setCodeId(1)
                .setLabel("counter")
                .setInitMsg(ByteString.copyFrom(new byte[] {4}))
                .addInitFunds(Coin.newBuilder().setDenom("uscrt").setAmount("9"))
                .build());
    assertThat(doc(tx("", 0, execute, instantiate)))
        .isEqualTo(
            "{\"account_number\":\"7\",\"chain_id\":\"secretdev-1\",\"fee\":{\"amount\":"
                + "[{\"amount\":\"5000\",\"denom\":\"uscrt\"}],\"gas\":\"200000\"},\"memo\":\"\","
                + "\"msgs\":[{\"type\":\"wasm/MsgExecuteContract\",\"value\":{\"contract\":"
                + "\"2m3p63hWEa+KfJbzizb1M/tMiTo=\",\"msg\":\"AQID\",\"sender\":"
                + "\"6FWgD+E+8AUFGh186sfvIcVgbP0=\",\"sent_funds\":[]}},"
                + "{\"type\":\"wasm/MsgInstantiateContract\",\"value\":{\"code_id\":\"1\","
                + "\"init_funds\":[{\"amount\":\"9\",\"denom\":\"uscrt\"}],\"init_msg\":\"BA==\","
                + "\"label\":\"counter\",\"sender\":\"6FWgD+E+8AUFGh186sfvIcVgbP0=\"}}],"
                + "\"sequence\":\"3\"}");
  }

  @Test
  void migrateAndRegistrationUseBech32AndTheTimeoutHeightIsSignedWhenSet() {
    Any migrate =
        ProtoTypes.pack(
            MsgMigrateContract.newBuilder()
                .setSender("secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03")
                .setContract("secret1mfk7n6mc2cg6lznujmeckdh4x0a5ezf6hx6y8q")
                .setCodeId(2)
                .build());
    Any authenticate =
        ProtoTypes.pack(
            RaAuthenticate.newBuilder()
                .setSender(ByteString.copyFrom(SENDER))
                .setCertificate(ByteString.copyFromUtf8("cert"))
                .build());
    assertThat(doc(tx("", 42, migrate, authenticate)))
        .contains(
            "{\"type\":\"wasm/MsgMigrateContract\",\"value\":{\"code_id\":\"2\",\"contract\":"
                + "\"secret1mfk7n6mc2cg6lznujmeckdh4x0a5ezf6hx6y8q\",\"msg\":\"\",\"sender\":"
                + "\"secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03\"}}")
        .contains(
            "{\"type\":\"reg/authenticate\",\"value\":{\"ra_cert\":\"Y2VydA==\",\"sender\":"
                + "\"secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03\"}}")
        .endsWith(",\"sequence\":\"3\",\"timeout_height\":\"42\"}");
  }

  @Test
  void stringsAreEscapedAsGoDoes() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("z", "a<b>&\"\\\n\r\t\b\f\u0001\u2028é😀");
    node.putArray("a")
        .add("x")
        .add(JsonNodeFactory.instance.objectNode().put("b", "1").put("a", "2"));
    node.putNull("m");
    assertThat(new String(AminoJson.write(node), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"a\":[\"x\",{\"a\":\"2\",\"b\":\"1\"}],\"m\":null,"
                + "\"z\":\"a\\u003cb\\u003e\\u0026\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u2028é😀\"}");
  }

  @Test
  void aMessageWithoutAnAminoFormCannotBeSigned() {
    Any unknown = Any.newBuilder().setTypeUrl("/cosmos.gov.v1beta1.MsgVote").build();
    assertThatThrownBy(() -> doc(tx("", 0, unknown)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("message type /cosmos.gov.v1beta1.MsgVote has no amino JSON form");
  }
}
