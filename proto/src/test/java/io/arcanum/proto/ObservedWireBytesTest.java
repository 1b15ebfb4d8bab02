package io.arcanum.proto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxMsgData;
import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import io.arcanum.proto.cosmos.crypto.secp256k1.PubKey;
import io.arcanum.proto.cosmos.tx.signing.v1beta1.SignMode;
import io.arcanum.proto.cosmos.tx.v1beta1.Fee;
import io.arcanum.proto.cosmos.tx.v1beta1.ModeInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.SignDoc;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCode;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCodeResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytes secretjs-api.md §4.3, §5 and §6 observed on the wire decode to what they mean. */
class ObservedWireBytesTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void feeOfGas200000DecodesToTwentyThousandUscrt() throws Exception {
    byte[] wire = HEX.parseHex("0a0e0a0575736372741205323030303010c09a0c");

    Fee fee = Fee.parseFrom(wire);

    assertThat(fee.getAmountList())
        .containsExactly(Coin.newBuilder().setDenom("uscrt").setAmount("20000").build());
    assertThat(fee.getGasLimit()).isEqualTo(200_000);
    assertThat(fee.getPayer()).isEmpty();
    assertThat(fee.getGranter()).isEmpty();
    assertThat(fee.toByteArray()).isEqualTo(wire);
  }

  @Test
  void modeInfoDecodesToSingleDirect() throws Exception {
    byte[] wire = HEX.parseHex("0a020801");

    ModeInfo mode = ModeInfo.parseFrom(wire);

    assertThat(mode.getSumCase()).isEqualTo(ModeInfo.SumCase.SINGLE);
    assertThat(mode.getSingle().getMode()).isEqualTo(SignMode.SIGN_MODE_DIRECT);
    assertThat(mode.toByteArray()).isEqualTo(wire);
  }

  @Test
  void signModesHaveTheirWireNumbersIncludingSecretsEip191() {
    assertThat(SignMode.SIGN_MODE_DIRECT.getNumber()).isEqualTo(1);
    assertThat(SignMode.SIGN_MODE_LEGACY_AMINO_JSON.getNumber()).isEqualTo(127);
    assertThat(SignMode.SIGN_MODE_EIP_191.getNumber()).isEqualTo(191);
  }

  @Test
  void storeCodeResponseOfCodeOneIsZeroEightZeroOne() throws Exception {
    assertThat(MsgStoreCodeResponse.parseFrom(HEX.parseHex("0801")).getCodeId()).isEqualTo(1);
    assertThat(MsgStoreCodeResponse.newBuilder().setCodeId(1).build().toByteArray())
        .isEqualTo(HEX.parseHex("0801"));
  }

  @Test
  void txMsgDataOfAStoreCarriesOneAnyWithTheResponseTypeUrl() throws Exception {
    // TxMsgData{2: Any{1: "/secret.compute.v1beta1.MsgStoreCodeResponse", 2: 08 01}}
    String url = "/secret.compute.v1beta1.MsgStoreCodeResponse";
    byte[] wire =
        HEX.parseHex("1232" + "0a2c" + HEX.formatHex(url.getBytes(US_ASCII)) + "12020801");

    TxMsgData data = TxMsgData.parseFrom(wire);

    assertThat(data.getDataList()).isEmpty();
    assertThat(data.getMsgResponsesList()).hasSize(1);
    Any response = data.getMsgResponses(0);
    assertThat(response.getTypeUrl()).isEqualTo(url);
    assertThat(response.unpack(MsgStoreCodeResponse.class).getCodeId()).isEqualTo(1);
    TxMsgData built =
        TxMsgData.newBuilder()
            .addMsgResponses(
                ProtoTypes.pack(MsgStoreCodeResponse.newBuilder().setCodeId(1).build()))
            .build();
    assertThat(built.toByteArray()).isEqualTo(wire);
  }

  @Test
  void txMsgDataOfAnExecuteStartsAsTheObservedUpperHexData() {
    // secretjs-api.md §3 E7: "data":"12580A32…" = field 2 of 88 bytes, then a type URL of 50
    // characters; 88 = 2 + 50 + 2 + 34, the response {1: 32 bytes} being 34.
    MsgExecuteContractResponse response =
        MsgExecuteContractResponse.newBuilder()
            .setData(ByteString.copyFrom(new byte[32])) // SIV tag 16 + 16 bytes of base64 text
            .build();
    TxMsgData data = TxMsgData.newBuilder().addMsgResponses(ProtoTypes.pack(response)).build();

    assertThat(HexFormat.of().withUpperCase().formatHex(data.toByteArray())).startsWith("12580A32");
  }

  @Test
  void localSecretAccountAPublicKeyPacksAsSecp256k1PubKeyAny() throws Exception {
    byte[] key = HEX.parseHex("034ee8249f67e136139c3ed94ad63288f6c1de45ce66fa883247211a698f440cdf");
    assertThat(Base64.getEncoder().encodeToString(key))
        .isEqualTo("A07oJJ9n4TYTnD7ZStYyiPbB3kXOZvqIMkchGmmPRAzf");

    Any any = ProtoTypes.pack(PubKey.newBuilder().setKey(ByteString.copyFrom(key)).build());

    assertThat(any.getTypeUrl()).isEqualTo("/cosmos.crypto.secp256k1.PubKey");
    assertThat(any.getValue().toByteArray()).isEqualTo(concat(HEX.parseHex("0a21"), key));
    assertThat(any.unpack(PubKey.class).getKey().toByteArray()).isEqualTo(key);
  }

  @Test
  void signDocLeavesAccountNumberZeroOffTheWire() {
    SignDoc doc =
        SignDoc.newBuilder()
            .setBodyBytes(ByteString.copyFrom(new byte[] {1}))
            .setAuthInfoBytes(ByteString.copyFrom(new byte[] {2}))
            .setChainId("secretdev-1")
            .setAccountNumber(0)
            .build();

    byte[] expected =
        HEX.parseHex(
            "0a0101" + "120102" + "1a0b" + HEX.formatHex("secretdev-1".getBytes(US_ASCII)));
    assertThat(doc.toByteArray()).isEqualTo(expected);
    assertThat(doc.toBuilder().setAccountNumber(3).build().toByteArray())
        .isEqualTo(concat(expected, HEX.parseHex("2003")));
  }

  @Test
  void computeMessagesWithSecretJsDefaultsCarryOnlyTheObservedFields() {
    // secretjs-api.md §5: instantiate carries fields 1, 3, 4, 5; execute 1, 2, 3; store 1, 2.
    ByteString sender = ByteString.copyFrom(new byte[20]);
    ByteString contract =
        ByteString.copyFrom(HEX.parseHex("da6de9eb785611af8a7c96f38b36f533fb4c893a"));
    ByteString encrypted = ByteString.copyFrom(new byte[160]);

    assertThat(
            fieldNumbers(
                MsgStoreCode.newBuilder()
                    .setSender(sender)
                    .setWasmByteCode(ByteString.copyFrom(new byte[] {0, 'a', 's', 'm'}))
                    .build()
                    .toByteArray()))
        .containsExactly(1, 2);
    assertThat(
            fieldNumbers(
                MsgInstantiateContract.newBuilder()
                    .setSender(sender)
                    .setCodeId(1)
                    .setLabel("counter")
                    .setInitMsg(encrypted)
                    .build()
                    .toByteArray()))
        .containsExactly(1, 3, 4, 5);
    assertThat(
            fieldNumbers(
                MsgExecuteContract.newBuilder()
                    .setSender(sender)
                    .setContract(contract)
                    .setMsg(encrypted)
                    .build()
                    .toByteArray()))
        .containsExactly(1, 2, 3);
  }

  // Top-level field numbers of an encoding whose fields are all varint or length-delimited.
  private static List<Integer> fieldNumbers(byte[] wire) {
    List<Integer> numbers = new ArrayList<>();
    CodedInputStream in = CodedInputStream.newInstance(wire);
    try {
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        numbers.add(tag >>> 3);
        in.skipField(tag);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return numbers;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
