package io.arcanum.bench;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.app.ChainApp;
import io.arcanum.chain.app.ChainConfig;
import io.arcanum.chain.app.Genesis;
import io.arcanum.chain.app.SecretApp;
import io.arcanum.chain.bank.Coin;
import io.arcanum.chain.compute.ComputeHost;
import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.chain.store.RocksStore;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.TxEncryptor;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.enclave.InProcessEnclave;
import io.arcanum.enclave.api.DirectorySealedStorage;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.enclave.auth.Txs;
import io.arcanum.enclave.sealing.EnclaveMeasurement;
import io.arcanum.enclave.sealing.PlatformSealingSecret;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.cosmos.bank.v1beta1.MsgSend;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxMsgData;
import io.arcanum.proto.cosmos.crypto.secp256k1.PubKey;
import io.arcanum.proto.cosmos.tx.signing.v1beta1.SignMode;
import io.arcanum.proto.cosmos.tx.v1beta1.AuthInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.Fee;
import io.arcanum.proto.cosmos.tx.v1beta1.ModeInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.SignDoc;
import io.arcanum.proto.cosmos.tx.v1beta1.SignerInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.TxBody;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole blocks through the application the node runs ({@link SecretApp}: ante handler, bank,
 * compute with the in-process enclave, block store and tx index) on a {@link RocksStore} with
 * synced commits, as {@code arcanum dev} opens it: a block of {@value #TXS} bank transfers, or of
 * {@value #TXS} encrypted token transfers, finalized and committed. The time reported is per tx
 * ({@code @OperationsPerInvocation}); signing and encrypting the txs is done before each block, out
 * of the measurement.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"--enable-native-access=ALL-UNNAMED", "-XX:-DontCompileHugeMethods"})
public class ChainBench {
  static final int TXS = 100;
  static final String CHAIN_ID = "secretdev-1";
  static final Instant GENESIS_TIME = Instant.parse("2026-11-24T00:00:00Z");
  static final long RICH = 1_000_000_000_000_000L;

  /** One node: the app over a fresh RocksDB directory, the token stored and instantiated. */
  @State(Scope.Benchmark)
  public static class Node {
    Path directory;
    Enclave enclave;
    ChainApp app;
    TxEncryptor client;
    byte[] tokenHash;
    byte[] token;
    long height;
    long sequence;

    @Setup(Level.Trial)
    public void open() throws Exception {
      directory = Files.createTempDirectory("arcanum-chain-bench");
      ComputeHost host =
          new ComputeHost(
              new DirectorySealedStorage(Files.createDirectories(directory.resolve("sealed"))));
      enclave =
          new InProcessEnclave(
              host,
              PlatformSealingSecret.of(new byte[32]),
              EnclaveMeasurement.ofRunningBuild(),
              new SecureRandom());
      NetworkPublicKeys keys = enclave.bootstrap();
      Genesis genesis =
          Genesis.builder(CHAIN_ID, GENESIS_TIME)
              .account(bech32(Txs.A), List.of(Coin.of("uscrt", RICH)))
              .account(bech32(Txs.B), List.of(Coin.of("uscrt", RICH)))
              .section(
                  RegistrationGenesis.MODULE,
                  new RegistrationGenesis(keys, List.of(), List.of(), List.of(), List.of())
                      .toJson())
              .build();
      // RocksStore.open: synced commits, as the node's ChainAppFactory opens it
      app =
          SecretApp.open(
              ChainConfig.defaults(CHAIN_ID),
              RocksStore.open(directory.resolve("state")),
              genesis,
              enclave,
              host);
      client = TxEncryptor.fromSeed(new byte[32], new X25519PublicKey(keys.ioExchangeKey()));

      byte[] wasm;
      try (InputStream in = ChainBench.class.getResourceAsStream("/contracts/token/token.wasm")) {
        wasm = in.readAllBytes();
      }
      tokenHash = CodeHash.of(wasm).bytes();
      run(
          sign(
              ProtoTypes.pack(
                  MsgStoreCode.newBuilder()
                      .setSender(ByteString.copyFrom(Txs.address(Txs.A)))
                      .setWasmByteCode(ByteString.copyFrom(wasm))
                      .build()),
              2_000_000));
      String init =
          "{\"name\":\"Bench Token\",\"symbol\":\"BNCH\",\"decimals\":6,\"initial_balances\":"
              + "[{\"address\":\""
              + bech32(Txs.A)
              + "\",\"amount\":\"1000000000000000\"}],\"prng_seed\":\"c2VlZA==\"}";
      BlockResult created =
          run(
              sign(
                  ProtoTypes.pack(
                      MsgInstantiateContract.newBuilder()
                          .setSender(ByteString.copyFrom(Txs.address(Txs.A)))
                          .setCodeId(1)
                          .setLabel("bench token")
                          .setInitMsg(ByteString.copyFrom(encrypt(init)))
                          .build()),
                  1_000_000));
      String address =
          TxMsgData.parseFrom(created.txResults().get(0).data())
              .getMsgResponses(0)
              .unpack(MsgInstantiateContractResponse.class)
              .getAddress();
      token = CosmosAddress.parseSecret(address).bytes();
    }

    byte[] encrypt(String json) {
      return client.encrypt(new CodeHash(tokenHash).hex(), json);
    }

    /** A DIRECT tx of a (account number 0) with its next sequence. */
    byte[] sign(Any message, long gas) {
      return signed(Txs.A, 0, sequence++, message, gas);
    }

    /** Finalizes and commits a block; every tx in it must succeed. */
    BlockResult run(byte[]... txs) {
      height++;
      BlockResult result =
          app.finalizeBlock(
              new Block(
                  height,
                  (GENESIS_TIME.getEpochSecond() + height) * 1_000_000_000L,
                  new byte[0],
                  List.of(txs)));
      for (TxResult r : result.txResults()) {
        if (r.code() != 0) {
          throw new IllegalStateException(
              "a benchmark tx failed: " + r.codespace() + " " + r.code() + " " + r.log());
        }
      }
      app.commit();
      return result;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      app.close();
      enclave.close();
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(ChainBench::delete);
      }
    }
  }

  /** The next block of bank transfers a → b, signed before the measurement. */
  @State(Scope.Benchmark)
  public static class BankBlock {
    byte[][] txs = new byte[TXS][];

    @Setup(Level.Invocation)
    public void sign(Node node) {
      String a = bech32(Txs.A);
      String b = bech32(Txs.B);
      for (int i = 0; i < TXS; i++) {
        Any send =
            ProtoTypes.pack(
                MsgSend.newBuilder()
                    .setFromAddress(a)
                    .setToAddress(b)
                    .addAmount(coin(1 + i))
                    .build());
        txs[i] = node.sign(send, 200_000);
      }
    }
  }

  /** The next block of token transfers a → b, encrypted and signed before the measurement. */
  @State(Scope.Benchmark)
  public static class TokenBlock {
    byte[][] txs = new byte[TXS][];

    @Setup(Level.Invocation)
    public void sign(Node node) {
      String b = bech32(Txs.B);
      for (int i = 0; i < TXS; i++) {
        byte[] msg =
            node.encrypt(
                "{\"transfer\":{\"recipient\":\"" + b + "\",\"amount\":\"" + (1 + i) + "\"}}");
        Any execute =
            ProtoTypes.pack(
                MsgExecuteContract.newBuilder()
                    .setSender(ByteString.copyFrom(Txs.address(Txs.A)))
                    .setContract(ByteString.copyFrom(node.token))
                    .setMsg(ByteString.copyFrom(msg))
                    .build());
        txs[i] = node.sign(execute, 400_000);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(TXS)
  public BlockResult bankTransferBlock(Node node, BankBlock block) {
    return node.run(block.txs);
  }

  @Benchmark
  @OperationsPerInvocation(TXS)
  public BlockResult tokenTransferBlock(Node node, TokenBlock block) {
    return node.run(block.txs);
  }

  static String bech32(Secp256k1PrivateKey key) {
    return Txs.bech32(Txs.address(key));
  }

  static io.arcanum.proto.cosmos.base.v1beta1.Coin coin(long amount) {
    return io.arcanum.proto.cosmos.base.v1beta1.Coin.newBuilder()
        .setDenom("uscrt")
        .setAmount(Long.toString(amount))
        .build();
  }

  /** A SIGN_MODE_DIRECT TxRaw with one signer and a 5000uscrt fee. */
  static byte[] signed(
      Secp256k1PrivateKey key, long accountNumber, long sequence, Any message, long gas) {
    ByteString body = TxBody.newBuilder().addMessages(message).build().toByteString();
    Any publicKey =
        ProtoTypes.pack(
            PubKey.newBuilder().setKey(ByteString.copyFrom(key.publicKey().compressed())).build());
    ByteString authInfo =
        AuthInfo.newBuilder()
            .addSignerInfos(
                SignerInfo.newBuilder()
                    .setPublicKey(publicKey)
                    .setModeInfo(
                        ModeInfo.newBuilder()
                            .setSingle(
                                ModeInfo.Single.newBuilder().setMode(SignMode.SIGN_MODE_DIRECT)))
                    .setSequence(sequence))
            .setFee(Fee.newBuilder().addAmount(coin(5_000)).setGasLimit(gas))
            .build()
            .toByteString();
    byte[] signDoc =
        SignDoc.newBuilder()
            .setBodyBytes(body)
            .setAuthInfoBytes(authInfo)
            .setChainId(CHAIN_ID)
            .setAccountNumber(accountNumber)
            .build()
            .toByteArray();
    byte[] signature = key.sign(sha256(signDoc)).bytes();
    return TxRaw.newBuilder()
        .setBodyBytes(body)
        .setAuthInfoBytes(authInfo)
        .addSignatures(ByteString.copyFrom(signature))
        .build()
        .toByteArray();
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
