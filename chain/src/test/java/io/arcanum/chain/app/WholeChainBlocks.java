package io.arcanum.chain.app;

import static io.arcanum.chain.app.TestTxs.send;
import static io.arcanum.chain.app.TestTxs.tx;

import com.google.protobuf.Any;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.TxEncryptor;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxMsgData;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCodeResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random blocks for the whole application: transfers, uploads of the example contracts (raw
 * and gzip), instantiates, encrypted executes (with contract errors), the caller contract calling
 * the counter with replies, and txs refused by the ante handler, failing in a message or out of
 * gas. What it must know of the chain (code ids, contract addresses, account sequences) it reads
 * back from one node after every block ({@link #sync}, {@link #observe}), so every tx does what its
 * kind says; every node gets the very same bytes. Encryption nonces come from the seed too.
 */
final class WholeChainBlocks {
  static final List<String> CONTRACTS = List.of("counter", "token", "caller");

  /** What a generated tx is meant to exercise; results are tallied per kind. */
  enum Kind {
    SEND,
    SEND_BAD_SEQUENCE,
    SEND_UNPAID_FEE,
    SEND_TOO_MUCH,
    SEND_OUT_OF_GAS,
    STORE,
    INSTANTIATE,
    INSTANTIATE_DUPLICATE_LABEL,
    INSTANTIATE_UNKNOWN_CODE,
    INCREMENT,
    RESET_BY_OWNER,
    RESET_BY_OTHER,
    TRANSFER,
    TRANSFER_TOO_MUCH,
    CALL_INCREMENT,
    CALL_FAILING_REPLIED,
    CALL_FAILING_UNREPLIED,
    EXECUTE_UNKNOWN_CONTRACT,
    EXECUTE_WRONG_CODE_HASH,
    EXECUTE_OUT_OF_GAS
  }

  /**
   * @param signer 0 for a, 1 for b, -1 for c
   */
  record Planned(Kind kind, String contract, int signer, byte[] tx) {}

  /** A counter instance and who instantiated (owns) it. */
  private record Counter(byte[] address, int owner) {}

  private final Random random;
  private final TxEncryptor client;
  private final Map<String, byte[]> wasm = new HashMap<>();
  private final Map<String, byte[]> codeHash = new HashMap<>();
  private final Map<String, Long> codeIds = new HashMap<>();
  private final Map<String, byte[]> contracts = new HashMap<>();
  private final List<Counter> counters = new ArrayList<>();
  private final long[] next = new long[2];
  private List<Planned> planned = List.of();

  /** The kinds still to deal before all are dealt again: every kind runs every ~20 txs. */
  private final List<Kind> deck = new ArrayList<>();

  private int labels;

  WholeChainBlocks(long seed, byte[] ioKey) {
    this.random = new Random(seed);
    byte[] clientSeed = new byte[32];
    random.nextBytes(clientSeed);
    this.client =
        new TxEncryptor(X25519PrivateKey.fromSeed(clientSeed), new X25519PublicKey(ioKey), null);
    for (String name : CONTRACTS) {
      byte[] bytes = TestTxs.contractWasm(name);
      wasm.put(name, bytes);
      codeHash.put(name, CodeHash.of(bytes).bytes());
    }
  }

  /** An encrypted message as secret.js makes it, with a nonce from the seed. */
  byte[] encrypt(String contract, String json) {
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    return client.encrypt(
        new CodeHash(codeHash.get(contract)), json.getBytes(StandardCharsets.UTF_8), nonce);
  }

  /** Reads the signers' sequences from {@code node}'s committed state. */
  void sync(TestChain node) {
    next[0] = node.sequence(TestTxs.A);
    next[1] = node.sequence(TestTxs.B);
  }

  private Planned signed(Kind kind, String contract, int who, TestTxs.Tx tx) {
    return new Planned(kind, contract, who, tx.accountNumber(who).sequence(next[who]++).build());
  }

  private static Secp256k1PrivateKey key(int who) {
    return who == 0 ? TestTxs.A : TestTxs.B;
  }

  List<Planned> uploads() {
    planned =
        List.of(
            signed(Kind.STORE, "counter", 0, store(0, "counter", false)),
            signed(Kind.STORE, "token", 1, store(1, "token", true)),
            signed(Kind.STORE, "caller", 0, store(0, "caller", false)));
    return planned;
  }

  private TestTxs.Tx store(int who, String name, boolean gzip) {
    byte[] bytes = gzip ? TestTxs.gzip(wasm.get(name)) : wasm.get(name);
    return tx(key(who), TestTxs.storeCode(key(who), bytes)).gas(2_000_000);
  }

  List<Planned> instantiates() {
    String a = TestTxs.bech32(TestTxs.A);
    String b = TestTxs.bech32(TestTxs.B);
    String tokenInit =
        "{\"name\":\"Marker\",\"symbol\":\"MRKR\",\"decimals\":6,\"initial_balances\":["
            + "{\"address\":\""
            + a
            + "\",\"amount\":\"1000000\"},{\"address\":\""
            + b
            + "\",\"amount\":\"1000\"}],\"prng_seed\":\"c2VlZA==\"}";
    planned =
        List.of(
            signed(
                Kind.INSTANTIATE,
                "counter",
                0,
                instantiate(0, "counter", "counter", "{\"count\":1}", 0)),
            signed(Kind.INSTANTIATE, "token", 0, instantiate(0, "token", "token", tokenInit, 0)),
            signed(Kind.INSTANTIATE, "caller", 1, instantiate(1, "caller", "caller", "{}", 100)));
    return planned;
  }

  private TestTxs.Tx instantiate(int who, String name, String label, String json, long funds) {
    return tx(
            key(who),
            TestTxs.instantiate(key(who), codeIds.get(name), label, encrypt(name, json), funds))
        .gas(1_000_000);
  }

  private TestTxs.Tx execute(int who, byte[] contract, byte[] msg, long gas) {
    return tx(key(who), TestTxs.execute(key(who), contract, msg, 0)).gas(gas);
  }

  List<Planned> block() {
    List<Planned> txs = new ArrayList<>();
    int count = 2 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      txs.add(next());
    }
    planned = txs;
    return txs;
  }

  private Planned next() {
    int who = random.nextInt(2);
    Secp256k1PrivateKey from = key(who);
    Secp256k1PrivateKey to =
        List.of(TestTxs.A, TestTxs.B, TestTxs.C, TestTxs.D).get(random.nextInt(4));
    if (deck.isEmpty()) {
      deck.addAll(List.of(Kind.values()));
      Collections.shuffle(deck, random);
    }
    Kind kind = deck.remove(deck.size() - 1);
    return switch (kind) {
      case SEND -> signed(kind, null, who, tx(from, send(from, to, 1 + random.nextInt(1_000_000))));
      case SEND_BAD_SEQUENCE ->
          new Planned(
              kind,
              null,
              who,
              tx(from, send(from, to, 1)).accountNumber(who).sequence(next[who] + 3).build());
      case SEND_UNPAID_FEE ->
          // c could be sent coins, never this much
          new Planned(
              kind,
              null,
              -1,
              tx(TestTxs.C, send(TestTxs.C, to, 1)).fee(10_000_000_000L).accountNumber(2).build());
      case SEND_TOO_MUCH -> signed(kind, null, who, tx(from, send(from, to, TestChain.RICH * 3)));
      case SEND_OUT_OF_GAS ->
          signed(
              kind,
              null,
              who,
              tx(from, send(from, to, 1), send(from, to, 2), send(from, to, 3)).gas(48_000));
      case STORE -> {
        String name = CONTRACTS.get(random.nextInt(3));
        yield signed(kind, name, who, store(who, name, random.nextBoolean()));
      }
      case INSTANTIATE ->
          signed(
              kind,
              "counter",
              who,
              instantiate(
                  who,
                  "counter",
                  "counter-" + labels++,
                  "{\"count\":" + random.nextInt(100) + "}",
                  0));
      case INSTANTIATE_DUPLICATE_LABEL ->
          signed(kind, "counter", who, instantiate(who, "counter", "token", "{\"count\":1}", 0));
      case INSTANTIATE_UNKNOWN_CODE ->
          signed(
              kind,
              "counter",
              who,
              tx(
                      from,
                      TestTxs.instantiate(from, 99, "nine", encrypt("counter", "{\"count\":1}"), 0))
                  .gas(1_000_000));
      case INCREMENT ->
          signed(
              kind,
              "counter",
              who,
              execute(who, anyCounter(), encrypt("counter", "{\"increment\":{}}"), 1_000_000));
      case RESET_BY_OWNER, RESET_BY_OTHER -> {
        // only the owner may reset; anyone else gets the contract's "unauthorized"
        Counter counter = counters.get(random.nextInt(counters.size()));
        int sender = kind == Kind.RESET_BY_OWNER ? counter.owner() : 1 - counter.owner();
        yield signed(
            kind,
            "counter",
            sender,
            execute(
                sender,
                counter.address(),
                encrypt("counter", "{\"reset\":{\"count\":" + random.nextInt(50) + "}}"),
                1_000_000));
      }
      case TRANSFER, TRANSFER_TOO_MUCH -> {
        // a holds 1 000 000 tokens: more fails with the token's "insufficient funds"
        long amount =
            kind == Kind.TRANSFER ? 1 + random.nextInt(1_000) : 2_000_000 + random.nextInt(1_000);
        yield signed(
            kind,
            "token",
            0,
            execute(
                0,
                contracts.get("token"),
                encrypt(
                    "token",
                    "{\"transfer\":{\"recipient\":\""
                        + TestTxs.bech32(to)
                        + "\",\"amount\":\""
                        + amount
                        + "\"}}"),
                1_000_000));
      }
      case CALL_INCREMENT ->
          signed(
              kind,
              "caller",
              who,
              call(
                  who,
                  "{\"increment\":{}}",
                  List.of("always", "success", "never").get(random.nextInt(3))));
      case CALL_FAILING_REPLIED, CALL_FAILING_UNREPLIED ->
          // the caller does not own the counter, so its reset fails: a reply on error keeps the
          // call; without one (reply_on never) the whole message fails
          signed(
              kind,
              "caller",
              who,
              call(
                  who,
                  "{\"reset\":{\"count\":0}}",
                  kind == Kind.CALL_FAILING_UNREPLIED
                      ? "never"
                      : List.of("error", "always").get(random.nextInt(2))));
      case EXECUTE_UNKNOWN_CONTRACT -> {
        byte[] nobody = new byte[20];
        random.nextBytes(nobody);
        yield signed(
            kind,
            "counter",
            who,
            execute(who, nobody, encrypt("counter", "{\"increment\":{}}"), 1_000_000));
      }
      case EXECUTE_WRONG_CODE_HASH ->
          signed(
              kind,
              "token",
              who,
              execute(who, anyCounter(), encrypt("token", "{\"increment\":{}}"), 1_000_000));
      case EXECUTE_OUT_OF_GAS ->
          signed(
              kind,
              "counter",
              who,
              execute(who, anyCounter(), encrypt("counter", "{\"increment\":{}}"), 60_000));
    };
  }

  private byte[] anyCounter() {
    return counters.get(random.nextInt(counters.size())).address();
  }

  private TestTxs.Tx call(int who, String inner, String replyOn) {
    String msg =
        "{\"call\":{\"contract_addr\":\""
            + TestTxs.bech32(contracts.get("counter"))
            + "\",\"code_hash\":\""
            + new CodeHash(codeHash.get("counter")).hex()
            + "\",\"msg\":\""
            + Base64.getEncoder().encodeToString(inner.getBytes(StandardCharsets.UTF_8))
            + "\",\"id\":"
            + random.nextInt(1000)
            + ",\"reply_on\":\""
            + replyOn
            + "\"}}";
    return execute(who, contracts.get("caller"), encrypt("caller", msg), 1_000_000);
  }

  /** Learns code ids and contract addresses from the block's results on the first node. */
  void observe(BlockResult result) throws Exception {
    for (int i = 0; i < planned.size(); i++) {
      Planned p = planned.get(i);
      TxResult r = result.txResults().get(i);
      if (r.code() != 0) {
        continue;
      }
      Any response = TxMsgData.parseFrom(r.data()).getMsgResponses(0);
      if (p.kind() == Kind.STORE) {
        codeIds.putIfAbsent(p.contract(), response.unpack(MsgStoreCodeResponse.class).getCodeId());
      } else if (p.kind() == Kind.INSTANTIATE) {
        byte[] address =
            CosmosAddress.parseSecret(
                    response.unpack(MsgInstantiateContractResponse.class).getAddress())
                .bytes();
        contracts.putIfAbsent(p.contract(), address);
        if (p.contract().equals("counter")) {
          counters.add(new Counter(address, p.signer()));
        }
      }
    }
  }

  byte[] counter() {
    return contracts.get("counter");
  }
}
