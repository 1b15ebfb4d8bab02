package io.arcanum.bench;

import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.TxEncryptor;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.enclave.InProcessEnclave;
import io.arcanum.enclave.api.BlockEnv;
import io.arcanum.enclave.api.ContractCall;
import io.arcanum.enclave.api.ContractCodeStore;
import io.arcanum.enclave.api.ContractKeyInfo;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.ContractStateStore;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.QueryCall;
import io.arcanum.enclave.api.SealedStorage;
import io.arcanum.enclave.api.SigInfo;
import io.arcanum.enclave.api.process.EnclaveProcess;
import io.arcanum.enclave.auth.Txs;
import io.arcanum.enclave.sealing.EnclaveMeasurement;
import io.arcanum.enclave.sealing.PlatformSealingSecret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A signed, encrypted token transfer and a smart query through the whole enclave path (sender
 * check, input decryption, contract key, VM on v3-encrypted state, output encryption), with the
 * enclave in the node's JVM and in a child JVM.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"--enable-native-access=ALL-UNNAMED", "-XX:-DontCompileHugeMethods"})
@State(Scope.Benchmark)
public class EnclaveBench {
  @Param({"in-process", "child-process"})
  public String boundary;

  private Enclave enclave;
  private ContractCall transfer;
  private QueryCall tokenInfo;

  /** Host state in memory. */
  static final class Host implements EnclaveHost {
    final Map<String, byte[]> sealed = new HashMap<>();
    final Map<String, byte[]> state = new ConcurrentHashMap<>();
    final Map<String, byte[]> codes = new HashMap<>();

    @Override
    public SealedStorage sealedStorage() {
      return new SealedStorage() {
        @Override
        public Optional<byte[]> read(String name) {
          return Optional.ofNullable(sealed.get(name));
        }

        @Override
        public void write(String name, byte[] bytes) {
          sealed.put(name, bytes);
        }
      };
    }

    @Override
    public ContractStateStore contractState() {
      return new ContractStateStore() {
        @Override
        public byte[] get(byte[] contract, byte[] key) {
          return state.get(HexFormat.of().formatHex(key));
        }

        @Override
        public void set(byte[] contract, byte[] key, byte[] value) {
          state.put(HexFormat.of().formatHex(key), value);
        }

        @Override
        public void remove(byte[] contract, byte[] key) {
          state.remove(HexFormat.of().formatHex(key));
        }
      };
    }

    @Override
    public ContractCodeStore contractCode() {
      return hash -> codes.get(HexFormat.of().formatHex(hash));
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Host host = new Host();
    byte[] wasm;
    try (InputStream in = EnclaveBench.class.getResourceAsStream("/contracts/token/token.wasm")) {
      wasm = in.readAllBytes();
    }
    byte[] codeHash = CodeHash.of(wasm).bytes();
    host.codes.put(HexFormat.of().formatHex(codeHash), wasm);
    Path machine = Files.createTempDirectory("arcanum-bench");
    if (boundary.equals("in-process")) {
      enclave =
          new InProcessEnclave(
              host,
              PlatformSealingSecret.of(new byte[32]),
              EnclaveMeasurement.ofRunningBuild(),
              new SecureRandom());
    } else {
      enclave =
          EnclaveProcess.start(
              host,
              EnclaveProcess.Options.defaults()
                  .withPlatformSecret(machine.resolve("sim-platform.key")));
    }
    byte[] io = enclave.bootstrap().ioExchangeKey();
    TxEncryptor client = TxEncryptor.fromSeed(new byte[32], new X25519PublicKey(io));
    byte[] alice = Txs.address(Txs.A);
    String aliceB32 = Txs.bech32(alice);
    String bobB32 = Txs.bech32(Txs.address(Txs.B));
    String hex = new CodeHash(codeHash).hex();
    byte[] contract = HexFormat.of().parseHex("da6de9eb785611af8a7c96f38b36f533fb4c893a");
    BlockEnv block = new BlockEnv(10, 1_700_000_000_000_000_000L, "secretdev-1", null);

    byte[] init =
        client.encrypt(
            hex,
            "{\"name\":\"Bench Token\",\"symbol\":\"BNCH\",\"decimals\":6,\"initial_balances\":"
                + "[{\"address\":\""
                + aliceB32
                + "\",\"amount\":\"1000000000000\"}],\"prng_seed\":\"c2VlZA==\"}");
    SigInfo initSig =
        Txs.direct(Txs.A, Txs.body(Txs.instantiateAny(alice, 1, "bench", init, List.of(), "")));
    ContractResult made =
        enclave.instantiate(
            new ContractCall(
                codeHash,
                block,
                null,
                contract,
                alice,
                List.of(),
                init,
                initSig,
                null,
                "",
                10_000_000_000L));
    if (!made.isOk()) {
      throw new IllegalStateException("instantiate failed: " + made.error());
    }
    ContractKeyInfo key = made.contractKey();
    byte[] msg =
        client.encrypt(hex, "{\"transfer\":{\"recipient\":\"" + bobB32 + "\",\"amount\":\"1\"}}");
    SigInfo sig = Txs.direct(Txs.A, Txs.body(Txs.executeAny(alice, contract, msg, List.of())));
    transfer =
        new ContractCall(
            codeHash, block, null, contract, alice, List.of(), msg, sig, key, "", 10_000_000_000L);
    tokenInfo =
        new QueryCall(
            codeHash,
            block,
            contract,
            key,
            client.encrypt(hex, "{\"token_info\":{}}"),
            10_000_000_000L,
            0);
    if (!enclave.execute(transfer).isOk()) {
      throw new IllegalStateException("transfer failed");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    enclave.close();
  }

  @Benchmark
  public ContractResult signedEncryptedTokenTransfer() throws Exception {
    return enclave.execute(transfer);
  }

  @Benchmark
  public ContractResult encryptedTokenInfoQuery() throws Exception {
    return enclave.query(tokenInfo);
  }
}
