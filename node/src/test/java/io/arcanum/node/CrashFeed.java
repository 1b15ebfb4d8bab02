package io.arcanum.node;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.chain.abci.QueryRequest;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.app.ChainApp;
import io.arcanum.chain.auth.AuthQueryHandler;
import io.arcanum.chain.compute.Addresses;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.TxEncryptor;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.proto.cosmos.auth.v1beta1.BaseAccount;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryAccountRequest;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryAccountResponse;
import io.arcanum.proto.cosmos.bank.v1beta1.MsgSend;
import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import io.arcanum.proto.cosmos.tx.v1beta1.AuthInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.TxBody;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import io.arcanum.proto.secret.compute.v1beta1.QuerySecretContractRequest;
import io.arcanum.proto.secret.compute.v1beta1.QuerySecretContractResponse;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash test's deterministic traffic; a sender's tx of sequence n is always the same bytes.
 * LocalSecret accounts a, b and c send each other and d uscrt (recipient and amount are functions
 * of sender and n); d runs the counter contract: sequence 0 uploads it, 1 instantiates it with
 * count 1, every later one increments it (messages encrypted with a fixed client key and a nonce
 * derived from n). Also an independent replay of committed txs from their bytes, and the count.
 */
final class CrashFeed {
  static final int SENDERS = 4;
  static final int CONTRACT_SENDER = 3;

  private static final Pattern COUNT = Pattern.compile("\\{\"count\":(\\d+)}");

  private final TxEncryptor encryptor;
  private final byte[] wasm;
  private final String codeHash;

  /**
   * @param ioKey the network's IO public key (genesis)
   * @param wasm the counter contract
   */
  CrashFeed(byte[] ioKey, byte[] wasm) {
    this.encryptor =
        new TxEncryptor(
            X25519PrivateKey.fromSeed(SignedTxs.sha256("crash feed".getBytes())),
            new X25519PublicKey(ioKey),
            new SecureRandom());
    this.wasm = wasm.clone();
    this.codeHash = CodeHash.of(wasm).hex();
  }

  /** The counter's address: code 1, instance 1, created by d. */
  static byte[] contract() {
    return Addresses.contract(1, 1, SignedTxs.address(CONTRACT_SENDER));
  }

  /** The tx {@code sender} makes with sequence {@code sequence}. */
  byte[] tx(int sender, long sequence) {
    if (sender == CONTRACT_SENDER) {
      return contractTx(sequence);
    }
    int to = (int) ((sender + 1 + sequence % (SENDERS - 1)) % SENDERS);
    long amount = 1 + Math.floorMod(sequence * 7919 + sender * 104729L, 1000);
    return SignedTxs.send(sender, sequence, to, amount);
  }

  private byte[] contractTx(long sequence) {
    if (sequence == 0) {
      return SignedTxs.storeCode(CONTRACT_SENDER, 0, wasm);
    }
    if (sequence == 1) {
      return SignedTxs.instantiate(
          CONTRACT_SENDER, 1, 1, "crash-counter", encrypt("{\"count\":1}", sequence));
    }
    return SignedTxs.execute(
        CONTRACT_SENDER, sequence, contract(), encrypt("{\"increment\":{}}", sequence));
  }

  private byte[] encrypt(String json, long sequence) {
    byte[] nonce = SignedTxs.sha256(("nonce " + sequence).getBytes(StandardCharsets.UTF_8));
    return encryptor.encrypt(
        CodeHash.parse(codeHash), json.getBytes(StandardCharsets.UTF_8), nonce);
  }

  /** The counter's count, by an encrypted smart query as secret.js makes it. */
  long count(ChainApp app) throws InvalidProtocolBufferException {
    byte[] wire = encryptor.encrypt(codeHash, "{\"get_count\":{}}");
    QueryResponse response =
        app.query(
            new QueryRequest(
                "/secret.compute.v1beta1.Query/QuerySecretContract",
                QuerySecretContractRequest.newBuilder()
                    .setContractAddress(Addresses.bech32(contract()))
                    .setQuery(ByteString.copyFrom(wire))
                    .build()
                    .toByteArray(),
                0,
                false));
    if (!response.isOk()) {
      throw new IllegalStateException("count query: " + response.log());
    }
    byte[] data = QuerySecretContractResponse.parseFrom(response.value()).getData().toByteArray();
    String json =
        new String(
            encryptor.txEncryptionKey(Arrays.copyOf(wire, 32)).decryptData(data),
            StandardCharsets.UTF_8);
    Matcher m = COUNT.matcher(json);
    if (!m.matches()) {
      throw new IllegalStateException("unexpected count answer " + json.length() + " chars");
    }
    return Long.parseLong(m.group(1));
  }

  /** The committed sequence of LocalSecret account {@code account}. */
  static long sequence(ChainApp app, int account) {
    QueryResponse response =
        app.query(
            new QueryRequest(
                AuthQueryHandler.ACCOUNT,
                QueryAccountRequest.newBuilder()
                    .setAddress(SignedTxs.bech32(account))
                    .build()
                    .toByteArray(),
                0,
                false));
    if (!response.isOk()) {
      throw new IllegalStateException("account query: " + response.log());
    }
    try {
      return QueryAccountResponse.parseFrom(response.value())
          .getAccount()
          .unpack(BaseAccount.class)
          .getSequence();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Applies a successful tx, decoded from its bytes with the generated proto classes only: the fee
   * leaves the signer for the fee collector; a send's amount goes to its recipient (the contract
   * txs move no coins).
   */
  static void replay(byte[] txBytes, Map<String, BigInteger> balances, String feeCollector)
      throws InvalidProtocolBufferException {
    TxRaw raw = TxRaw.parseFrom(txBytes);
    TxBody body = TxBody.parseFrom(raw.getBodyBytes());
    AuthInfo authInfo = AuthInfo.parseFrom(raw.getAuthInfoBytes());
    BigInteger fee = sum(authInfo.getFee().getAmountList());
    balances.merge(signer(raw), fee.negate(), BigInteger::add);
    balances.merge(feeCollector, fee, BigInteger::add);
    if (body.getMessages(0).is(MsgSend.class)) {
      MsgSend send = body.getMessages(0).unpack(MsgSend.class);
      BigInteger amount = sum(send.getAmountList());
      balances.merge(send.getFromAddress(), amount.negate(), BigInteger::add);
      balances.merge(send.getToAddress(), amount, BigInteger::add);
    }
  }

  /** The signer's address, from the public key in the tx's signer info. */
  static String signer(TxRaw raw) throws InvalidProtocolBufferException {
    byte[] key =
        io.arcanum.proto.cosmos.crypto.secp256k1.PubKey.parseFrom(
                AuthInfo.parseFrom(raw.getAuthInfoBytes())
                    .getSignerInfos(0)
                    .getPublicKey()
                    .getValue())
            .getKey()
            .toByteArray();
    for (int account = 0; account < 5; account++) {
      if (Arrays.equals(SignedTxs.KEYS.get(account).publicKey().compressed(), key)) {
        return SignedTxs.bech32(account);
      }
    }
    throw new IllegalStateException("a tx signed by none of the feed's accounts");
  }

  private static BigInteger sum(Iterable<Coin> coins) {
    BigInteger total = BigInteger.ZERO;
    for (Coin coin : coins) {
      if (!coin.getDenom().equals(SignedTxs.DENOM)) {
        throw new IllegalStateException("unexpected denom " + coin.getDenom());
      }
      total = total.add(new BigInteger(coin.getAmount()));
    }
    return total;
  }
}
