package io.arcanum.chain.compute;

import static io.arcanum.chain.compute.ComputeTestChain.ALICE;
import static io.arcanum.chain.compute.ComputeTestChain.ALICE_B32;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCode;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCodeResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryByCodeIdRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryCodeHashResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryCodeResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryCodesResponse;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MsgStoreCode (secretjs-api.md §5, §6): raw and gzip uploads, limits, validation, events. */
class StoreCodeTest {
  final ComputeTestChain chain = new ComputeTestChain();

  StoreCodeTest() throws Exception {}

  @AfterEach
  void close() {
    chain.close();
  }

  static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void rawAndGzippedUploadsGetIdsFromOneAndTheHashOfTheInflatedWasm() throws Exception {
    byte[] wasm = ComputeTestChain.contractWasm("counter");
    ComputeTestChain.Result raw = chain.store(ALICE, wasm);
    ComputeTestChain.Result gz = chain.store(ALICE, gzip(wasm));

    assertThat(raw.response().getTypeUrl())
        .isEqualTo("/secret.compute.v1beta1.MsgStoreCodeResponse");
    assertThat(raw.response().getValue().toByteArray()).containsExactly(0x08, 0x01);
    assertThat(gz.response(MsgStoreCodeResponse.class).getCodeId()).isEqualTo(2);
    String hash = CodeHash.of(wasm).hex();
    for (long id : new long[] {1, 2}) {
      byte[] answer =
          chain.query(
              ComputeQueryHandler.CODE_HASH_BY_CODE_ID,
              QueryByCodeIdRequest.newBuilder().setCodeId(id).build());
      assertThat(QueryCodeHashResponse.parseFrom(answer).getCodeHash()).isEqualTo(hash);
    }
    QueryCodeResponse code =
        QueryCodeResponse.parseFrom(
            chain.query(
                ComputeQueryHandler.CODE, QueryByCodeIdRequest.newBuilder().setCodeId(2).build()));
    assertThat(code.getWasm().toByteArray()).isEqualTo(wasm);
    assertThat(code.getCodeInfo().getCreator()).isEqualTo(ALICE_B32);
    QueryCodesResponse codes =
        QueryCodesResponse.parseFrom(
            chain.query(ComputeQueryHandler.CODES, com.google.protobuf.Empty.getDefaultInstance()));
    assertThat(codes.getCodeInfosList()).extracting(c -> c.getCodeId()).containsExactly(1L, 2L);
    // The bytes are kept once per hash.
    long copies =
        chain.snapshot().values().stream()
            .filter(v -> v.equals(HexFormat.of().formatHex(wasm)))
            .count();
    assertThat(copies).isEqualTo(1);
  }

  @Test
  void storeEmitsSecretsMessageEventsAndChargesTheCompileCost() throws Exception {
    byte[] wasm = ComputeTestChain.contractWasm("token");
    ComputeTestChain.Result result = chain.store(ALICE, wasm);
    assertThat(result.events())
        .containsExactly(
            Event.of("message", "module", "compute", "sender", ALICE_B32, "signer", ALICE_B32),
            Event.of("message", "code_id", "1"));
    // 0.8 SDK gas per byte of inflated wasm, plus the KV gas of the records.
    assertThat(result.gasUsed()).isGreaterThanOrEqualTo(wasm.length * 8L / 10);
    assertThat(result.gasUsed()).isLessThan(wasm.length * 8L / 10 + 20_000);
  }

  @Test
  void oversizedInvalidAndBombUploadsAreRefusedAndChangeNothing() throws Exception {
    Map<String, String> before = chain.snapshot();

    ChainException tooLarge = chain.store(ALICE, new byte[MsgChecks.MAX_WASM_SIZE + 1]).error();
    assertThat(tooLarge.codespace()).isEqualTo("sdk");
    assertThat(tooLarge.code()).isEqualTo(18);
    assertThat(tooLarge.getMessage()).contains("cannot be longer than 2097152 bytes");

    ChainException empty = chain.store(ALICE, new byte[0]).error();
    assertThat(empty.getMessage()).isEqualTo("code bytes are required: empty: invalid request");

    // 64 MiB of zeros gzip to ~64 KiB: inflation stops at the limit.
    byte[] bomb = gzip(new byte[64 << 20]);
    assertThat(bomb.length).isLessThan(MsgChecks.MAX_WASM_SIZE);
    ChainException bombed = chain.store(ALICE, bomb).error();
    assertThat(bombed.codespace()).isEqualTo("compute");
    assertThat(bombed.code()).isEqualTo(31);
    assertThat(bombed.getMessage())
        .isEqualTo("gzipped wasm inflates to more than 2097152 bytes: max contract size exceeded");

    ChainException notWasm = chain.store(ALICE, "hello".getBytes()).error();
    assertThat(notWasm.code()).isEqualTo(15);
    assertThat(notWasm.getMessage()).startsWith("NOT_WASM").endsWith(": create contract failed");

    ChainException badGzip = chain.store(ALICE, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2}).error();
    assertThat(badGzip.getMessage()).startsWith("malformed gzip");

    // A float instruction: parses, but Arcanum will never run it.
    byte[] floaty = ComputeTestChain.testWasm("float");
    ChainException floats = chain.store(ALICE, floaty).error();
    assertThat(floats.getMessage()).startsWith("FLOAT_");

    ChainException badSender =
        chain
            .deliver(
                ProtoTypes.pack(
                    MsgStoreCode.newBuilder()
                        .setSender(ByteString.copyFrom(new byte[5]))
                        .setWasmByteCode(
                            ByteString.copyFrom(ComputeTestChain.contractWasm("counter")))
                        .build()),
                null,
                ComputeTestChain.GAS)
            .error();
    assertThat(badSender.getMessage()).isEqualTo("sender must be 20 bytes, got 5: invalid address");

    assertThat(chain.snapshot()).isEqualTo(before);
    // The next good upload still gets code id 1.
    assertThat(chain.storeOk(ComputeTestChain.contractWasm("counter"))).isEqualTo(1);
  }
}
