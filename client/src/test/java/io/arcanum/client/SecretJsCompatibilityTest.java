package io.arcanum.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.client.encryption.EncryptionUtilsImpl;
import io.arcanum.client.tx.GasPrice;
import io.arcanum.client.tx.SignedTx;
import io.arcanum.client.tx.SignerData;
import io.arcanum.client.tx.TxBuilder;
import io.arcanum.client.wallet.Wallet;
import io.arcanum.client.wallet.WalletOptions;
import io.arcanum.crypto.SecretJs;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.secp256k1.Secp256k1Signature;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import io.arcanum.proto.signing.SignDocs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Java SDK against the unmodified secretjs 1.22.1 (Node.js; skipped locally without it, run in
 * CI): the same wallets, byte-identical tx bodies and auth infos with signatures valid over the
 * same sign docs, encryption either way with a shared {@code encryptionSeed}, and secret.js's own
 * {@code getTx} and {@code queryContract} reading the fake node the Java client used, decoding to
 * what the Java client decoded.
 */
class SecretJsCompatibilityTest {
  static final Path SCRIPT = Path.of("src/test/node/client-interop.cjs");

  static ObjectNode job(String op) {
    return FakeChain.JSON.createObjectNode().put("op", op);
  }

  @Test
  void walletsDeriveTheSameAddressesAndKeys() throws Exception {
    ObjectNode job = job("wallets");
    ArrayNode list = job.putArray("wallets");
    record Case(String mnemonic, WalletOptions options) {}
    List<Case> cases =
        List.of(
            new Case(LocalSecret.A.mnemonic(), WalletOptions.defaults()),
            new Case(LocalSecret.A.mnemonic(), WalletOptions.defaults().withCoinType(118)),
            new Case(LocalSecret.B.mnemonic(), WalletOptions.defaults().withHdAccountIndex(3)),
            new Case(
                LocalSecret.C.mnemonic(),
                WalletOptions.defaults().withBech32Prefix("cosmos").withHdAccountIndex(1)),
            new Case(
                Wallet.generate().mnemonic().orElseThrow().phrase(), WalletOptions.defaults()));
    for (Case c : cases) {
      ObjectNode w = list.addObject().put("mnemonic", c.mnemonic());
      w.putObject("options")
          .put("hdAccountIndex", c.options().hdAccountIndex())
          .put("coinType", c.options().coinType())
          .put("bech32Prefix", c.options().bech32Prefix());
    }
    JsonNode out = SecretJs.runScript(SCRIPT, job).get("wallets");
    for (int i = 0; i < cases.size(); i++) {
      Wallet wallet = Wallet.fromMnemonic(cases.get(i).mnemonic(), cases.get(i).options());
      assertThat(wallet.address()).isEqualTo(out.get(i).get("address").asText());
      assertThat(Base64.getEncoder().encodeToString(wallet.publicKey().compressed()))
          .isEqualTo(out.get(i).get("pubkey").asText());
    }
  }

  @Test
  void txsAreByteIdenticalExceptTheSignatureAndBothSignaturesSignTheSameDoc() throws Exception {
    // pre-gzipped: secret.js sends it as it is (its own gzip step is not awaited), so does the SDK
    byte[] gzippedWasm =
        MessageEncoder.gzipped("a tiny contract".repeat(20).getBytes(StandardCharsets.UTF_8));
    ObjectNode job = job("sign");
    job.put("mnemonic", LocalSecret.A.mnemonic())
        .put("chainId", "secretdev-1")
        .put("accountNumber", 5)
        .put("ioPubKey", Base64.getEncoder().encodeToString(new byte[32]));
    record Tx(String kind, String wallet, long sequence, long gasLimit, String memo) {}
    List<Tx> txs =
        List.of(
            new Tx("send", "direct", 0, 25_000, ""),
            new Tx("send", "amino", 3, 200_001, "memo ☃ <&>"),
            new Tx("store", "direct", 7, 3_000_000, "upload"),
            new Tx("store", "amino", 8, 2_000_000, ""));
    ArrayNode list = job.putArray("txs");
    for (Tx tx : txs) {
      list.addObject()
          .put("kind", tx.kind())
          .put("wallet", tx.wallet())
          .put("sequence", tx.sequence())
          .put("gasLimit", tx.gasLimit())
          .put("memo", tx.memo())
          .put("to", LocalSecret.B.address())
          .put("amount", 17)
          .put("gzippedWasm", Base64.getEncoder().encodeToString(gzippedWasm));
    }
    JsonNode out = SecretJs.runScript(SCRIPT, job).get("txs");

    for (int i = 0; i < txs.size(); i++) {
      Tx tx = txs.get(i);
      WalletOptions options =
          tx.wallet().equals("amino")
              ? WalletOptions.defaults().withLegacyAmino()
              : WalletOptions.defaults();
      Wallet wallet = Wallet.fromMnemonic(LocalSecret.A.mnemonic(), options);
      TxMsg msg =
          tx.kind().equals("send")
              ? new BankSend(LocalSecret.B.address(), List.of(io.arcanum.client.tx.Coins.uscrt(17)))
              : StoreCode.of(gzippedWasm);
      SignedTx java =
          TxBuilder.sign(
              wallet,
              List.of(new MessageEncoder(null, null, "secret").encode(msg, wallet)),
              TxBuilder.fee(tx.gasLimit(), GasPrice.DEFAULT, ""),
              tx.memo(),
              new SignerData(5, tx.sequence(), "secretdev-1"));
      TxRaw secretjs = TxRaw.parseFrom(Base64.getDecoder().decode(out.get(i).asText()));
      assertThat(java.raw().getBodyBytes()).as(tx.toString()).isEqualTo(secretjs.getBodyBytes());
      assertThat(java.raw().getAuthInfoBytes())
          .as(tx.toString())
          .isEqualTo(secretjs.getAuthInfoBytes());

      byte[] signBytes =
          tx.wallet().equals("amino")
              ? SignDocs.aminoJson(
                  java.body(),
                  java.authInfo().getFee(),
                  "secretdev-1",
                  5,
                  tx.sequence(),
                  raw -> new CosmosAddress(raw).toBech32("secret"))
              : SignDocs.direct(
                  java.raw().getBodyBytes(), java.raw().getAuthInfoBytes(), "secretdev-1", 5);
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(signBytes);
      for (TxRaw signed : List.of(java.raw(), secretjs)) {
        assertThat(
                wallet
                    .publicKey()
                    .isValid(hash, new Secp256k1Signature(signed.getSignatures(0).toByteArray())))
            .as(tx + " signature by " + (signed == secretjs ? "secretjs" : "Java"))
            .isTrue();
      }
    }
  }

  @Test
  void encryptionWithASharedSeedWorksBothWays() throws Exception {
    byte[] seed = new byte[32];
    new Random(5).nextBytes(seed);
    X25519PrivateKey io = X25519PrivateKey.fromSeed(FakeChain.filled(0x11));
    EncryptionUtilsImpl java =
        EncryptionUtilsImpl.fromSeed(seed, EncryptionUtilsImpl.fixedTxKey(io.publicKey()));
    String codeHash = CodeHash.of("contract".getBytes(StandardCharsets.US_ASCII)).hex();
    List<String> messages =
        List.of(
            "{\"increment\":{}}",
            "{\"transfer\":{\"recipient\":\"x\",\"amount\":\"5\"}}",
            "{\"é\":\"😀\"}");

    ObjectNode job =
        job("encrypt")
            .put("seed", HexFormat.of().formatHex(seed))
            .put("ioPubKey", io.publicKey().toBase64())
            .put("codeHash", codeHash);
    messages.forEach(job.putArray("messages")::add);
    JsonNode encrypted = SecretJs.runScript(SCRIPT, job);
    assertThat(encrypted.get("pubkey").asText()).isEqualTo(java.publicKey().toBase64());
    for (int i = 0; i < messages.size(); i++) {
      byte[] wire = Base64.getDecoder().decode(encrypted.get("wires").get(i).asText());
      assertThat(wire).hasSize(144 + messages.get(i).getBytes(StandardCharsets.UTF_8).length);
      byte[] plaintext =
          java.decrypt(Arrays.copyOfRange(wire, 64, wire.length), Arrays.copyOf(wire, 32));
      assertThat(new String(plaintext, StandardCharsets.UTF_8))
          .isEqualTo(codeHash + messages.get(i));
    }

    ObjectNode back =
        job("decrypt")
            .put("seed", HexFormat.of().formatHex(seed))
            .put("ioPubKey", io.publicKey().toBase64());
    ArrayNode wires = back.putArray("wires");
    messages.forEach(m -> wires.add(Base64.getEncoder().encodeToString(java.encrypt(codeHash, m))));
    JsonNode opened = SecretJs.runScript(SCRIPT, back).get("plaintexts");
    for (int i = 0; i < messages.size(); i++) {
      assertThat(opened.get(i).asText()).isEqualTo(codeHash + messages.get(i));
    }
  }

  @Test
  void secretJsDecodesTheTxsAndQueriesOfTheJavaClientAsTheJavaClientDoes() throws Exception {
    byte[] seed = FakeChain.filled(0x5e);
    try (FakeChain chain = new FakeChain()) {
      chain.pendingPolls = 0;
      SecretNetworkClient client =
          SecretNetworkClient.builder()
              .url(chain.url())
              .chainId(FakeChain.CHAIN_ID)
              .wallet(Wallet.fromMnemonic(LocalSecret.A.mnemonic()))
              .encryptionSeed(seed)
              .defaultTxOptions(TxOptions.builder().gasLimit(200_000).build())
              .ticker(new SecretNetworkClientTest.FakeTicker())
              .build();
      client.storeCode("dummy wasm bytes".getBytes(StandardCharsets.US_ASCII));
      String contract =
          client
              .instantiate(InstantiateContract.of(1, Map.of("count", 7), "counter"))
              .contractAddress();
      TxResponse executed =
          client.execute(ExecuteContract.of(contract, "{\"increment\":{}}")).response();
      TxResponse failed =
          client.broadcast(
              List.of(ExecuteContract.of(contract, "{\"fail\":{}}")),
              TxOptions.withGasLimit(100_000));

      for (TxResponse java : List.of(executed, failed)) {
        JsonNode js =
            SecretJs.runScript(
                SCRIPT,
                job("getTx")
                    .put("url", chain.url())
                    .put("chainId", FakeChain.CHAIN_ID)
                    .put("seed", HexFormat.of().formatHex(seed))
                    .put("hash", java.txhash()));
        assertThat(js.get("code").asInt()).isEqualTo(java.code());
        assertThat(js.get("rawLog").asText())
            .isEqualTo(java.contractError().map(ContractError::rawLog).orElse(java.rawLog()));
        assertThat(js.get("inputs").get(0).asText())
            .isEqualTo(java.messages().get(0).contractMsg().orElseThrow().toString());
        List<LogEntry> jsLog = new java.util.ArrayList<>();
        for (JsonNode e : js.get("arrayLog")) {
          jsLog.add(
              new LogEntry(
                  e.get("msg").asInt(),
                  e.get("type").asText(),
                  e.get("key").asText(),
                  e.get("value").asText()));
        }
        assertThat(jsLog).isEqualTo(java.arrayLog());
        assertThat(js.get("data")).hasSize(java.msgResponses().size());
        for (int i = 0; i < java.msgResponses().size(); i++) {
          assertThat(Base64.getDecoder().decode(js.get("data").get(i).asText()))
              .isEqualTo(java.msgResponses().get(i).getValue().toByteArray());
        }
      }
      assertThat(executed.data(0).toStringUtf8()).isEqualTo("{\"count\":8}");
      assertThat(failed.contractError().orElseThrow().text()).isEqualTo("boom");

      JsonNode count =
          SecretJs.runScript(SCRIPT, queryJob(chain, seed, contract, "{\"get_count\":{}}"));
      assertThat(count.get("result")).isEqualTo(client.query(contract, null, "{\"get_count\":{}}"));
      JsonNode error = SecretJs.runScript(SCRIPT, queryJob(chain, seed, contract, "{\"fail\":{}}"));
      assertThatThrownBy(() -> client.query(contract, null, "{\"fail\":{}}"))
          .isInstanceOfSatisfying(
              ContractQueryException.class,
              e ->
                  assertThat(e.contractError().message())
                      .isEqualTo(error.get("result").get("error").asText()));
    }
  }

  private static ObjectNode queryJob(FakeChain chain, byte[] seed, String contract, String query) {
    return job("query")
        .put("url", chain.url())
        .put("chainId", FakeChain.CHAIN_ID)
        .put("seed", HexFormat.of().formatHex(seed))
        .put("contract", contract)
        .put("codeHash", CodeHash.of("dummy wasm bytes".getBytes(StandardCharsets.US_ASCII)).hex())
        .put("query", query);
  }
}
