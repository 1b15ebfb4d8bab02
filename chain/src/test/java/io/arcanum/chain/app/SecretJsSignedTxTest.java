package io.arcanum.chain.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.module.TxInfo;
import io.arcanum.crypto.SecretJs;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Txs signed by the unmodified secretjs 1.22.1 — its {@code Wallet} (SIGN_MODE_DIRECT) and its
 * deprecated {@code AminoWallet} (SIGN_MODE_LEGACY_AMINO_JSON) — pass checkTx one after another and
 * execute in a block: the node rebuilds both sign docs byte for byte (secretjs-api.md §4.2, §4.3),
 * for bank and every compute message (run by a stand-in handler), including a memo with characters
 * amino JSON escapes. Needs Node.js (see {@link SecretJs}).
 */
class SecretJsSignedTxTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCRIPT = Path.of("src/test/node/sign-txs.cjs");
  private static final String MNEMONIC_A =
      "grant rice replace explain federal release fix clever romance raise often wild taxi quarter"
          + " soccer fiber love must tape steak together observe swap guitar";
  private static final String CONTRACT = "secret1mfk7n6mc2cg6lznujmeckdh4x0a5ezf6hx6y8q";

  @TempDir Path dir;

  private record Planned(String kind, String wallet, String memo) {}

  @Test
  void directAndAminoTxsFromSecretJsAreAccepted() throws Exception {
    List<Planned> plan = new ArrayList<>();
    String memo = "<&> café \"quoted\" \\ tab\t";
    for (String wallet : List.of("direct", "amino")) {
      plan.add(new Planned("send", wallet, memo));
      plan.add(new Planned("multisend", wallet, ""));
      plan.add(new Planned("store", wallet, "https://example.com/src"));
      plan.add(new Planned("instantiate", wallet, ""));
      plan.add(new Planned("execute", wallet, memo));
      plan.add(new Planned("migrate", wallet, ""));
      plan.add(new Planned("update_admin", wallet, ""));
      plan.add(new Planned("clear_admin", wallet, ""));
    }
    Random random = new Random(7);
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    byte[] ioKey = new byte[32];
    random.nextBytes(ioKey);
    String b = TestTxs.bech32(TestTxs.B);

    ObjectNode job = JSON.createObjectNode();
    job.put("mnemonic", MNEMONIC_A);
    job.put("chainId", TestTxs.CHAIN_ID);
    job.put("accountNumber", 0);
    job.put("seed", HexFormat.of().formatHex(seed));
    job.put("ioPubKey", Base64.getEncoder().encodeToString(ioKey));
    job.put(
        "gzippedWasm",
        Base64.getEncoder().encodeToString(gzip(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0})));
    job.put("codeHash", "ab".repeat(32));
    job.put("contract", CONTRACT);
    ArrayNode txs = job.putArray("txs");
    for (int i = 0; i < plan.size(); i++) {
      ObjectNode tx = txs.addObject();
      tx.put("kind", plan.get(i).kind());
      tx.put("wallet", plan.get(i).wallet());
      tx.put("memo", plan.get(i).memo());
      tx.put("sequence", i);
      tx.put("gasLimit", 100_000);
      tx.put("to", b);
      tx.put("amount", 10 + i);
    }
    JsonNode signed = SecretJs.runScript(SCRIPT, job);
    assertThat(signed.get("address").asText()).isEqualTo(TestTxs.bech32(TestTxs.A));

    FakeComputeHandler compute = new FakeComputeHandler();
    try (TestChain chain = TestChain.create(dir, compute)) {
      List<byte[]> bytes = new ArrayList<>();
      for (int i = 0; i < plan.size(); i++) {
        byte[] txBytes =
            Base64.getDecoder().decode(signed.get("txs").get(i).get("txBytes").asText());
        TxResult checked = chain.app.checkTx(txBytes);
        assertThat(checked.code()).as(plan.get(i) + ": " + checked.log()).isZero();
        bytes.add(txBytes);
      }
      BlockResult block = chain.block(bytes.toArray(byte[][]::new));
      for (int i = 0; i < plan.size(); i++) {
        TxResult result = block.txResults().get(i);
        assertThat(result.code()).as(plan.get(i) + ": " + result.log()).isZero();
      }
      assertThat(chain.sequence(TestTxs.A)).isEqualTo(plan.size());
      // sends 10 and 18, multisends paying b 11 and 19 (and a as much back); fees 0.1uscrt/gas
      assertThat(chain.balance(TestTxs.B)).isEqualTo(TestChain.RICH + 10 + 11 + 18 + 19);
      assertThat(chain.balance(TestTxs.A))
          .isEqualTo(TestChain.RICH - 10 - 11 - 18 - 19 - plan.size() * 10_000L);

      // what compute would hand the enclave: the signer's key, mode and the exact signed bytes
      assertThat(compute.seen).hasSize(12);
      for (TxInfo info : compute.seen) {
        assertThat(info.publicKey()).isEqualTo(TestTxs.A.publicKey().compressed());
        assertThat(info.signer()).isEqualTo(TestTxs.address(TestTxs.A));
        assertThat(info.signature()).hasSize(64);
        assertThat(
                TestTxs.A.publicKey()
                    .isValid(
                        TestTxs.sha256(info.signBytes()),
                        io.arcanum.crypto.secp256k1.Secp256k1Signature.fromBytes(info.signature())))
            .isTrue();
      }
      assertThat(compute.seen.subList(0, 6)).allMatch(i -> i.signMode() == 1);
      assertThat(compute.seen.subList(6, 12)).allMatch(i -> i.signMode() == 127);
      assertThat(new String(compute.seen.get(8).signBytes()))
          .startsWith("{\"account_number\":\"0\",\"chain_id\":\"secretdev-1\",\"fee\":")
          .contains("\"type\":\"wasm/MsgExecuteContract\"");
    }
  }

  private static byte[] gzip(byte[] data) throws java.io.IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
