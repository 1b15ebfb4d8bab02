package io.arcanum.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.client.encryption.EncryptionUtils;
import io.arcanum.client.encryption.EncryptionUtilsImpl;
import io.arcanum.client.lcd.LcdClient;
import io.arcanum.client.tx.SignedTx;
import io.arcanum.client.wallet.Wallet;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.proto.cosmos.base.abci.v1beta1.GasInfo;
import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCodeResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client of a Secret-compatible network, secret.js's {@code SecretNetworkClient} in Java: the
 * wallet signs, contract messages are encrypted to the network's tx key, txs are broadcast and
 * waited for by polling, and results come back decrypted (secretjs-api.md §2, §6.1).
 *
 * <pre>{@code
 * SecretNetworkClient client = SecretNetworkClient.builder()
 *     .url("http://localhost:1317").chainId("secretdev-1").wallet(wallet).build();
 * StoreCodeResult code = client.storeCode(wasm, TxOptions.withGasLimit(2_000_000));
 * InstantiateResult counter = client.instantiate(
 *     InstantiateContract.of(code.codeId(), Map.of("count", 1), "counter")
 *         .withCodeHash(code.codeHash().hex()),
 *     TxOptions.withGasLimit(200_000));
 * client.execute(ExecuteContract.of(counter.contractAddress(), Map.of("increment", Map.of())),
 *     TxOptions.withGasLimit(200_000));
 * JsonNode count = client.query(counter.contractAddress(), null, Map.of("get_count", Map.of()));
 * }</pre>
 *
 * <p>Typed calls ({@link #storeCode}, {@link #instantiate}, {@link #execute}, {@link #bankSend})
 * throw {@link TxFailedException} when the tx fails in its block; {@link #broadcast} returns the
 * failed {@link TxResponse} instead, as secret.js does. A client is thread-safe, but txs of one
 * wallet must be sent one after another (each reads the account's sequence first).
 */
public final class SecretNetworkClient {
  private final LcdClient lcd;
  private final String chainId;
  private final Wallet wallet;
  private final EncryptionUtils encryption;
  private final String bech32Prefix;
  private final TxOptions defaultTxOptions;
  private final MessageEncoder encoder;
  private final TxResponseDecoder decoder;
  private final ContractQueries queries;
  private final TxSender sender;

  private SecretNetworkClient(Builder b, LcdClient lcd, EncryptionUtils encryption) {
    this.lcd = lcd;
    this.chainId = b.chainId;
    this.wallet = b.wallet;
    this.encryption = encryption;
    this.bech32Prefix =
        b.bech32Prefix != null
            ? b.bech32Prefix
            : wallet != null ? wallet.options().bech32Prefix() : CosmosAddress.SECRET_PREFIX;
    this.defaultTxOptions = b.defaultTxOptions;
    this.encoder = new MessageEncoder(lcd, encryption, bech32Prefix);
    this.decoder = new TxResponseDecoder(encryption);
    this.queries = new ContractQueries(lcd, encryption);
    this.sender = new TxSender(lcd, chainId, wallet, encoder, decoder, b.ticker);
  }

  public static Builder builder() {
    return new Builder();
  }

  public LcdClient lcd() {
    return lcd;
  }

  /** The chain id txs are signed for ({@code ""} for a query-only client). */
  public String chainId() {
    return chainId;
  }

  public Optional<Wallet> wallet() {
    return Optional.ofNullable(wallet);
  }

  /**
   * The wallet's address.
   *
   * @throws IllegalStateException for a query-only client
   */
  public String address() {
    return sender.requireWallet().address();
  }

  /** The key pair contract messages are encrypted with. */
  public EncryptionUtils encryption() {
    return encryption;
  }

  // ---- queries ----

  /** The wallet's uscrt balance. */
  public Coin balance() {
    return lcd.balance(address(), "uscrt");
  }

  /** {@code address}'s balance of {@code denom} (E1). */
  public Coin balance(String address, String denom) {
    return lcd.balance(address, denom);
  }

  /** The code hash of a stored code (E4), cached. */
  public CodeHash codeHashByCodeId(long codeId) {
    return lcd.codeHashByCodeId(codeId);
  }

  /** The code hash of a contract (E5), cached. */
  public CodeHash codeHashByContractAddress(String contractAddress) {
    encoder.address(contractAddress, "contract address");
    return lcd.codeHashByContractAddress(contractAddress);
  }

  /**
   * A smart query (E8): {@code queryMsg} encrypted for the contract's code hash (asked of the node
   * and cached when {@code codeHash} is null), the answer decrypted and parsed; an empty answer is
   * {@code {}}.
   *
   * @param queryMsg a JsonNode, Map, record or JSON String
   * @throws ContractQueryException with the decrypted error when the contract fails
   * @throws IllegalArgumentException for a malformed address, code hash or message
   */
  public JsonNode query(String contractAddress, String codeHash, Object queryMsg) {
    encoder.address(contractAddress, "contract address");
    String json = ContractJson.write(queryMsg, "query msg");
    CodeHash hash =
        codeHash != null
            ? CodeHash.parse(codeHash)
            : lcd.codeHashByContractAddress(contractAddress);
    return queries.query(contractAddress, hash.hex(), json);
  }

  /** {@link #query} mapped to {@code type} with Jackson. */
  public <T> T query(String contractAddress, String codeHash, Object queryMsg, Class<T> type) {
    JsonNode answer = query(contractAddress, codeHash, queryMsg);
    try {
      return ContractJson.MAPPER.treeToValue(answer, type);
    } catch (JsonProcessingException e) {
      throw new SecretNetworkException(
          "the answer of contract " + contractAddress + " does not map to " + type.getName(), e);
    }
  }

  /**
   * A committed tx by hash (E7), decoded and decrypted as far as this client's key opens it; empty
   * while the node does not know it.
   */
  public Optional<TxResponse> getTx(String hash) {
    return lcd.getTx(hash).map(decoder::decode);
  }

  // ---- typed txs ----

  /** {@link #storeCode(byte[], TxOptions)} with the default options. */
  public StoreCodeResult storeCode(byte[] wasm) {
    return storeCode(wasm, defaultTxOptions);
  }

  /**
   * Uploads a contract (raw wasm is gzipped first).
   *
   * @throws TxFailedException if the upload fails in its block, e.g. out of gas: a store costs
   *     about 10 gas per tx byte (the gzipped wasm) plus 0.8 per byte of inflated wasm, far above
   *     the 25 000 default
   */
  public StoreCodeResult storeCode(byte[] wasm, TxOptions options) {
    return storeCode(StoreCode.of(wasm), options);
  }

  /** Uploads a contract with source and builder set. */
  public StoreCodeResult storeCode(StoreCode msg, TxOptions options) {
    TxResponse response = broadcast(List.of(msg), options).requireSuccess();
    long codeId =
        unpack(response, MsgStoreCodeResponse.class)
            .map(MsgStoreCodeResponse::getCodeId)
            .or(() -> response.attribute(0, "message", "code_id").map(Long::parseUnsignedLong))
            .orElseThrow(() -> missing(response, "code id"));
    return new StoreCodeResult(codeId, MessageEncoder.codeHash(msg.wasm()), response);
  }

  /** {@link #instantiate(InstantiateContract, TxOptions)} with the default options. */
  public InstantiateResult instantiate(InstantiateContract msg) {
    return instantiate(msg, defaultTxOptions);
  }

  /**
   * Instantiates a contract; its init message is encrypted, its output decrypted.
   *
   * @throws TxFailedException with the decrypted contract error if {@code instantiate} fails
   */
  public InstantiateResult instantiate(InstantiateContract msg, TxOptions options) {
    TxResponse response = broadcast(List.of(msg), options).requireSuccess();
    String address =
        unpack(response, MsgInstantiateContractResponse.class)
            .map(MsgInstantiateContractResponse::getAddress)
            .filter(a -> !a.isEmpty())
            .or(() -> response.attribute(0, "message", "contract_address"))
            .orElseThrow(() -> missing(response, "contract address"));
    return new InstantiateResult(address, response.data(0), response);
  }

  /** {@link #execute(ExecuteContract, TxOptions)} with the default options. */
  public ExecuteResult execute(ExecuteContract msg) {
    return execute(msg, defaultTxOptions);
  }

  /**
   * Executes a contract; the message is encrypted, the output data and attributes decrypted.
   *
   * @throws TxFailedException with the decrypted contract error if {@code execute} fails
   */
  public ExecuteResult execute(ExecuteContract msg, TxOptions options) {
    TxResponse response = broadcast(List.of(msg), options).requireSuccess();
    return new ExecuteResult(response.data(0), response);
  }

  /** {@link #bankSend(String, List, TxOptions)} with the default options. */
  public TxResponse bankSend(String toAddress, List<Coin> amount) {
    return bankSend(toAddress, amount, defaultTxOptions);
  }

  /**
   * Sends coins from the wallet.
   *
   * @throws TxFailedException if the send fails in its block
   */
  public TxResponse bankSend(String toAddress, List<Coin> amount, TxOptions options) {
    return broadcast(List.of(new BankSend(toAddress, amount)), options).requireSuccess();
  }

  // ---- general txs ----

  /**
   * secret.js's {@code tx.broadcast(msgs, options)}: sign (reading the account first), broadcast,
   * wait for the block and decode. A tx that fails in its block is returned, not thrown.
   *
   * @throws BroadcastRejectedException if the node refuses the tx at CheckTx
   * @throws TxTimeoutException if it is not committed within the broadcast timeout
   */
  public TxResponse broadcast(List<? extends TxMsg> msgs, TxOptions options) {
    return broadcastSigned(sign(msgs, options), options);
  }

  /**
   * Signs without broadcasting: gas limit explicit, estimated by simulation or the default, fee =
   * ceil(limit × price).
   *
   * @throws IllegalStateException for a client without wallet or chain id
   */
  public SignedTx sign(List<? extends TxMsg> msgs, TxOptions options) {
    return sender.sign(msgs, options);
  }

  /** Gas a tx of {@code msgs} would use, by {@code POST /cosmos/tx/v1beta1/simulate}. */
  public GasInfo simulate(List<? extends TxMsg> msgs, TxOptions options) {
    return sender.simulate(msgs, options);
  }

  /**
   * Broadcasts a signed tx and, unless {@link TxOptions#waitForCommit()} is off, waits for its
   * block by polling {@code GET /cosmos/tx/v1beta1/txs/{hash}}: first after half the check
   * interval, then every interval until the timeout.
   *
   * @throws BroadcastRejectedException if the node refuses the tx at CheckTx
   * @throws TxTimeoutException if it is not committed in time
   */
  public TxResponse broadcastSigned(SignedTx tx, TxOptions options) {
    return sender.broadcastSigned(tx, options);
  }

  private static <T extends com.google.protobuf.Message> Optional<T> unpack(
      TxResponse response, Class<T> type) {
    if (response.msgResponses().isEmpty() || !response.msgResponses().get(0).is(type)) {
      return Optional.empty();
    }
    try {
      return Optional.of(response.msgResponses().get(0).unpack(type));
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }

  private static SecretNetworkException missing(TxResponse response, String what) {
    return new SecretNetworkException(
        "tx " + response.txhash() + " succeeded but its result has no " + what);
  }

  @Override
  public String toString() {
    return "SecretNetworkClient["
        + lcd.url()
        + ", "
        + (chainId.isEmpty() ? "no chain id" : chainId)
        + ", "
        + (wallet == null ? "query only" : wallet.address())
        + "]";
  }

  /** Options of a {@link SecretNetworkClient}. */
  public static final class Builder {
    private String url;
    private LcdClient lcd;
    private Duration timeout;
    private String chainId = "";
    private Wallet wallet;
    private byte[] encryptionSeed;
    private EncryptionUtils encryptionUtils;
    private X25519PublicKey txKey;
    private String bech32Prefix;
    private TxOptions defaultTxOptions = TxOptions.defaults();
    private Ticker ticker = Ticker.SYSTEM;

    private Builder() {}

    /** The node's REST URL, e.g. {@code http://localhost:1317}. */
    public Builder url(String url) {
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    /** An LCD client of the caller's (instead of {@link #url}). */
    public Builder lcd(LcdClient client) {
      this.lcd = Objects.requireNonNull(client, "lcd");
      return this;
    }

    /** The per-request HTTP timeout (default 30 s); with {@link #url} only. */
    public Builder timeout(Duration requestTimeout) {
      this.timeout = Objects.requireNonNull(requestTimeout, "timeout");
      return this;
    }

    /** The chain id to sign for, e.g. {@code secretdev-1}; needed to send txs. */
    public Builder chainId(String id) {
      this.chainId = Objects.requireNonNull(id, "chainId");
      return this;
    }

    /** The signer; without one the client only queries. */
    public Builder wallet(Wallet signer) {
      this.wallet = Objects.requireNonNull(signer, "wallet");
      return this;
    }

    /**
     * secret.js's {@code encryptionSeed}: a fixed 32-byte seed for the encryption key pair, so
     * outputs of txs sent earlier (or by secret.js with the same seed) can be decrypted later.
     * Without it the key pair is random per client.
     */
    public Builder encryptionSeed(byte[] seed) {
      if (seed == null || seed.length != EncryptionUtilsImpl.SEED_LENGTH) {
        throw new IllegalArgumentException(
            "encryptionSeed must be 32 bytes, got " + (seed == null ? "none" : seed.length));
      }
      this.encryptionSeed = seed.clone();
      return this;
    }

    /** secret.js's {@code encryptionUtils}: an encryption implementation of the caller's. */
    public Builder encryptionUtils(EncryptionUtils utils) {
      this.encryptionUtils = Objects.requireNonNull(utils, "encryptionUtils");
      return this;
    }

    /** The network's tx key, if known, so it is not fetched (E3). */
    public Builder txKey(X25519PublicKey key) {
      this.txKey = Objects.requireNonNull(key, "txKey");
      return this;
    }

    /** The bech32 prefix of addresses (default: the wallet's, else {@code secret}). */
    public Builder bech32Prefix(String prefix) {
      this.bech32Prefix = Objects.requireNonNull(prefix, "bech32Prefix");
      return this;
    }

    /** Options for calls that take none (default {@link TxOptions#defaults()}). */
    public Builder defaultTxOptions(TxOptions options) {
      this.defaultTxOptions = Objects.requireNonNull(options, "defaultTxOptions");
      return this;
    }

    Builder ticker(Ticker t) {
      this.ticker = t;
      return this;
    }

    /**
     * @throws IllegalStateException if neither a url nor an LCD client is given, or a wallet is
     *     given without a chain id
     */
    public SecretNetworkClient build() {
      if ((url == null) == (lcd == null)) {
        throw new IllegalStateException("give exactly one of url(...) and lcd(...)");
      }
      if (wallet != null && chainId.isEmpty()) {
        throw new IllegalStateException("a client with a wallet needs chainId(...) to sign for");
      }
      if (encryptionUtils != null && (encryptionSeed != null || txKey != null)) {
        throw new IllegalStateException(
            "encryptionUtils(...) replaces encryptionSeed(...) and txKey(...); give one or the other");
      }
      LcdClient client = lcd;
      if (client == null) {
        LcdClient.Builder b = LcdClient.builder().url(url);
        if (timeout != null) {
          b.timeout(timeout);
        }
        client = b.build();
      }
      EncryptionUtils utils = encryptionUtils;
      if (utils == null) {
        java.util.function.Supplier<X25519PublicKey> source =
            txKey != null ? EncryptionUtilsImpl.fixedTxKey(txKey) : client::txKey;
        utils =
            encryptionSeed != null
                ? EncryptionUtilsImpl.fromSeed(encryptionSeed, source)
                : EncryptionUtilsImpl.random(source);
      }
      return new SecretNetworkClient(this, client, utils);
    }
  }
}
