package io.arcanum.chain.compute;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.bank.Coin;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.gas.OutOfGasException;
import io.arcanum.chain.module.BlockInfo;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.module.QueryContext;
import io.arcanum.chain.module.TxInfo;
import io.arcanum.chain.state.MemoryKvStore;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.TxEncryptor;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.enclave.InProcessEnclave;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.SealedStorage;
import io.arcanum.enclave.api.SigInfo;
import io.arcanum.enclave.auth.Txs;
import io.arcanum.enclave.sealing.EnclaveMeasurement;
import io.arcanum.enclave.sealing.PlatformSealingSecret;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCode;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCodeResponse;
import io.arcanum.proto.secret.compute.v1beta1.QuerySecretContractRequest;
import io.arcanum.proto.secret.compute.v1beta1.QuerySecretContractResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A chain around the compute module for tests: committed state in memory, the real in-process
 * enclave behind a {@link ComputeHost}, test doubles of the bank and accounts, and a client that
 * encrypts and signs as secret.js does (LocalSecret accounts a and b). Messages run the way the
 * application runs them: each in its own {@link MsgContext} on the committed state, written back
 * only on success.
 */
final class ComputeTestChain implements AutoCloseable {
  static final Secp256k1PrivateKey A = Txs.A;
  static final Secp256k1PrivateKey B = Txs.B;
  static final byte[] ALICE = Txs.address(A);
  static final byte[] BOB = Txs.address(B);
  static final String ALICE_B32 = Addresses.bech32(ALICE);
  static final String BOB_B32 = Addresses.bech32(BOB);
  static final long GAS = 10_000_000;

  final MemoryKvStore state = new MemoryKvStore();
  final TestAccounts accounts = new TestAccounts();
  final TestBank bank = new TestBank(accounts);
  final Map<String, byte[]> sealedFiles = new HashMap<>();
  final ComputeHost host;
  final Enclave enclave;
  final ComputeModule compute;
  final TxEncryptor client;
  long height = 1;
  long timeNanos = 1_700_000_000_000_000_000L;
  int txIndex;

  ComputeTestChain() throws Exception {
    host = new ComputeHost(memorySealedStorage());
    enclave =
        new InProcessEnclave(
            host,
            PlatformSealingSecret.of(new byte[32]),
            EnclaveMeasurement.ofRunningBuild(),
            new SecureRandom());
    compute = new ComputeModule(enclave, host, bank, accounts);
    byte[] io = enclave.bootstrap().ioExchangeKey();
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) 7);
    client = TxEncryptor.fromSeed(seed, new X25519PublicKey(io));
    bank.mint(state, ALICE, Coin.of("uscrt", 1_000_000));
    bank.mint(state, BOB, Coin.of("uscrt", 1_000_000));
  }

  private SealedStorage memorySealedStorage() {
    return new SealedStorage() {
      @Override
      public Optional<byte[]> read(String name) {
        return Optional.ofNullable(sealedFiles.get(name)).map(byte[]::clone);
      }

      @Override
      public void write(String name, byte[] bytes) {
        sealedFiles.put(name, bytes.clone());
      }
    };
  }

  @Override
  public void close() {
    enclave.close();
  }

  static byte[] contractWasm(String name) throws Exception {
    return Files.readAllBytes(Path.of("..", "contracts", name, name + ".wasm"));
  }

  static byte[] testWasm(String name) throws Exception {
    try (var in = ComputeTestChain.class.getResourceAsStream("/compute/" + name + ".wasm")) {
      return in.readAllBytes();
    }
  }

  /** The enclave tests' echo contract ({@code enclave/src/test/wat/echo.wat}): msg = response. */
  static byte[] echoWasm() throws Exception {
    try (var in =
        ComputeTestChain.class.getResourceAsStream("/io/arcanum/enclave/compute/echo.wasm")) {
      return in.readAllBytes();
    }
  }

  BlockInfo block() {
    return new BlockInfo("secretdev-1", height, timeNanos);
  }

  void nextBlock() {
    height++;
    timeNanos += 6_000_000_000L;
    txIndex = 0;
  }

  /** A snapshot of all committed state, to prove a refused message changed nothing. */
  Map<String, String> snapshot() {
    Map<String, String> out = new TreeMap<>();
    state.scan(
        null,
        null,
        false,
        (k, v) -> {
          out.put(java.util.HexFormat.of().formatHex(k), java.util.HexFormat.of().formatHex(v));
          return true;
        });
    return out;
  }

  /** How a message went. */
  record Result(Any response, List<Event> events, ChainException error, long gasUsed) {
    boolean ok() {
      return error == null;
    }

    <T extends Message> T response(Class<T> type) throws InvalidProtocolBufferException {
      if (error != null) {
        throw new AssertionError("the message failed: " + error.getMessage());
      }
      return response.unpack(type);
    }

    /** The tx log the application writes for a failed message at index 0. */
    String log() {
      return "failed to execute message; message index: 0: " + error.getMessage();
    }

    List<Event> events(String type) {
      return events.stream().filter(e -> e.type().equals(type)).toList();
    }
  }

  Result deliver(Any message, TxInfo tx, long gasLimit) {
    GasMeter gas = GasMeter.limited(gasLimit);
    MsgContext context = new MsgContext(block(), tx, 0, state, gas, false);
    try {
      Any response = compute.messageHandler().deliver(context, message);
      context.writeToParent();
      return new Result(response, context.events(), null, gas.consumed());
    } catch (ChainException e) {
      return new Result(null, List.of(), e, gas.consumed());
    } catch (OutOfGasException e) {
      return new Result(null, List.of(), SdkErrors.OUT_OF_GAS.wrap(e.getMessage()), gas.consumed());
    }
  }

  Result store(byte[] sender, byte[] wasm) {
    return deliver(
        ProtoTypes.pack(
            MsgStoreCode.newBuilder()
                .setSender(ByteString.copyFrom(sender))
                .setWasmByteCode(ByteString.copyFrom(wasm))
                .build()),
        null,
        GAS);
  }

  long storeOk(byte[] wasm) throws Exception {
    return store(ALICE, wasm).response(MsgStoreCodeResponse.class).getCodeId();
  }

  /** Delivers a message signed by {@code key} in a SIGN_MODE_DIRECT tx. */
  Result signed(Secp256k1PrivateKey key, byte[] anyBytes, long gasLimit) throws Exception {
    return deliver(Any.parseFrom(anyBytes), txInfo(key, anyBytes), gasLimit);
  }

  TxInfo txInfo(Secp256k1PrivateKey key, byte[] anyBytes) {
    SigInfo sig = Txs.direct(key, Txs.body(anyBytes));
    return new TxInfo(
        txIndex++,
        sha256(sig.txBytes()),
        sig.txBytes(),
        sig.signMode(),
        sig.signBytes(),
        key.publicKey().compressed(),
        sig.signature(),
        Txs.address(key));
  }

  Result instantiate(
      Secp256k1PrivateKey key,
      long codeId,
      String label,
      byte[] wire,
      List<io.arcanum.enclave.api.Coin> funds,
      String admin)
      throws Exception {
    return signed(
        key, Txs.instantiateAny(Txs.address(key), codeId, label, wire, funds, admin), GAS);
  }

  Result execute(Secp256k1PrivateKey key, byte[] contract, byte[] wire) throws Exception {
    return execute(key, contract, wire, List.of(), GAS);
  }

  Result execute(
      Secp256k1PrivateKey key,
      byte[] contract,
      byte[] wire,
      List<io.arcanum.enclave.api.Coin> funds,
      long gasLimit)
      throws Exception {
    return signed(key, Txs.executeAny(Txs.address(key), contract, wire, funds), gasLimit);
  }

  Result migrate(Secp256k1PrivateKey key, byte[] contract, long codeId, byte[] wire)
      throws Exception {
    return signed(key, Txs.migrateAny(Txs.address(key), contract, codeId, wire), GAS);
  }

  /** MsgUpdateAdmin signed by {@code key}; {@code newAdmin} null sends MsgClearAdmin. */
  Result changeAdmin(Secp256k1PrivateKey key, byte[] contract, String newAdmin) throws Exception {
    byte[] sender = Txs.address(key);
    return signed(
        key,
        newAdmin == null
            ? Txs.clearAdminAny(sender, contract)
            : Txs.updateAdminAny(sender, contract, newAdmin),
        GAS);
  }

  byte[] encrypt(byte[] codeHash, String json) {
    return client.encrypt(new CodeHash(codeHash).hex(), json);
  }

  static byte[] nonceOf(byte[] wire) {
    return Arrays.copyOf(wire, 32);
  }

  /** The data of a response, decrypted with the message's nonce. */
  String decryptData(byte[] wire, ByteString data) {
    return new String(
        client.txEncryptionKey(nonceOf(wire)).decryptData(data.toByteArray()),
        StandardCharsets.UTF_8);
  }

  /** The contract error in a log, decrypted as secret.js does (secretjs-api.md §6.1 step 3). */
  String decryptError(byte[] wire, String log) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "; message index: (\\d+):(?: dispatch: submessages:)* encrypted: (.+?):"
                    + " (?:instantiate|execute|query|reply to|migrate) contract failed")
            .matcher(log);
    if (!m.find()) {
      throw new AssertionError("secret.js would not find an encrypted error in: " + log);
    }
    return client.txEncryptionKey(nonceOf(wire)).decryptError(m.group(2));
  }

  String decryptAttribute(byte[] wire, String value) {
    return client.txEncryptionKey(nonceOf(wire)).decryptAttribute(value);
  }

  QueryContext queryContext() {
    return new QueryContext(block(), state, GasMeter.infinite());
  }

  byte[] query(String path, Message request) throws ChainException {
    return compute.queryHandler().query(queryContext(), path, request.toByteArray());
  }

  /** A smart query: the decrypted answer. */
  String smartQuery(byte[] contract, byte[] codeHash, String json) throws Exception {
    byte[] wire = encrypt(codeHash, json);
    byte[] answer =
        query(
            ComputeQueryHandler.QUERY_SECRET_CONTRACT,
            QuerySecretContractRequest.newBuilder()
                .setContractAddress(Addresses.bech32(contract))
                .setQuery(ByteString.copyFrom(wire))
                .build());
    byte[] data = QuerySecretContractResponse.parseFrom(answer).getData().toByteArray();
    return new String(
        client.txEncryptionKey(nonceOf(wire)).decryptData(data), StandardCharsets.UTF_8);
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
