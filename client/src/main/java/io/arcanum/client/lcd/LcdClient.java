package io.arcanum.client.lcd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.arcanum.client.SecretNetworkException;
import io.arcanum.crypto.bech32.Bech32;
import io.arcanum.crypto.bech32.InvalidBech32Exception;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.proto.ProtoJson;
import io.arcanum.proto.cosmos.auth.v1beta1.BaseAccount;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryAllBalancesResponse;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryBalanceResponse;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxResponse;
import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import io.arcanum.proto.cosmos.tx.v1beta1.BroadcastMode;
import io.arcanum.proto.cosmos.tx.v1beta1.BroadcastTxResponse;
import io.arcanum.proto.cosmos.tx.v1beta1.SimulateResponse;
import io.arcanum.proto.secret.compute.v1beta1.CodeInfoResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryCodeHashResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryCodesResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractInfoResponse;
import io.arcanum.proto.secret.compute.v1beta1.QuerySecretContractResponse;
import io.arcanum.proto.secret.registration.v1beta1.Key;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The node's REST (LCD / gRPC-gateway) routes secret.js uses (secretjs-api.md §2–§3), typed: JSON
 * answers are read into this project's proto types with {@link ProtoJson} where the gateway's shape
 * allows, and any error becomes an {@link LcdException} with the HTTP status, gRPC code and
 * message. Code hashes are cached per client, as secret.js caches them. Thread-safe.
 *
 * <pre>{@code
 * LcdClient lcd = LcdClient.builder().url("http://localhost:1317").build();
 * Coin balance = lcd.balance("secret1…", "uscrt");
 * }</pre>
 */
public final class LcdClient {
  private static final JsonFormatParser PARSER = new JsonFormatParser();

  private final LcdHttp http;
  private final ObjectMapper json;
  private final Map<Long, CodeHash> codeHashByCodeId = new ConcurrentHashMap<>();
  private final Map<String, CodeHash> codeHashByContract = new ConcurrentHashMap<>();

  private LcdClient(LcdHttp http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  /** A client of {@code url} with the default timeouts. */
  public static LcdClient of(String url) {
    return builder().url(url).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The base URL, without a trailing slash. */
  public String url() {
    return http.base();
  }

  /**
   * E2 {@code GET /cosmos/auth/v1beta1/accounts/{address}}: the base account of a {@code
   * BaseAccount}, a {@code ModuleAccount} or a continuous/delayed vesting account, as secret.js
   * reads it.
   *
   * @throws LcdException {@linkplain LcdException#isNotFound() not found} for an account that never
   *     received funds
   * @throws SecretNetworkException for any other account type
   */
  public BaseAccount account(String address) {
    JsonNode account =
        get("/cosmos/auth/v1beta1/accounts/" + LcdHttp.segment(address)).path("account");
    String type = account.path("@type").asText("");
    JsonNode base =
        switch (type) {
          case "/cosmos.auth.v1beta1.BaseAccount" -> account;
          case "/cosmos.auth.v1beta1.ModuleAccount" -> account.path("base_account");
          case "/cosmos.vesting.v1beta1.ContinuousVestingAccount",
              "/cosmos.vesting.v1beta1.DelayedVestingAccount" ->
              account.path("base_vesting_account").path("base_account");
          default ->
              throw new SecretNetworkException(
                  "account " + address + " has type '" + type + "', which cannot sign");
        };
    if (!base.isObject()) {
      throw new SecretNetworkException(
          "account " + address + " of type " + type + " has no base account");
    }
    ObjectNode fields = ((ObjectNode) base).deepCopy();
    fields.remove("@type");
    try {
      return PARSER.parse(fields, BaseAccount.newBuilder()).build();
    } catch (InvalidProtocolBufferException keyOfAnotherType) {
      fields.remove("pub_key"); // a key type this SDK does not know; the tx carries its own key
      return parse("account " + address, fields, BaseAccount.newBuilder()).build();
    }
  }

  /** E1 {@code GET /cosmos/bank/v1beta1/balances/{address}/by_denom?denom=}: 0 if none. */
  public Coin balance(String address, String denom) {
    JsonNode answer =
        get(
            "/cosmos/bank/v1beta1/balances/" + LcdHttp.segment(address) + "/by_denom",
            Map.of("denom", denom));
    QueryBalanceResponse response =
        parse("balance", answer, QueryBalanceResponse.newBuilder()).build();
    return response.hasBalance()
        ? response.getBalance()
        : Coin.newBuilder().setDenom(denom).setAmount("0").build();
  }

  /** {@code GET /cosmos/bank/v1beta1/balances/{address}}: every denom (first page). */
  public List<Coin> allBalances(String address) {
    JsonNode answer = get("/cosmos/bank/v1beta1/balances/" + LcdHttp.segment(address));
    return parse("balances", answer, QueryAllBalancesResponse.newBuilder()).getBalancesList();
  }

  /**
   * E3 {@code GET /registration/v1beta1/tx-key}: the network's 32-byte X25519 IO public key that
   * contract messages are encrypted to.
   */
  public X25519PublicKey txKey() {
    Key key = parse("tx key", get("/registration/v1beta1/tx-key"), Key.newBuilder()).build();
    if (key.getKey().size() != X25519PublicKey.LENGTH) {
      throw new SecretNetworkException(
          "the node's tx key is " + key.getKey().size() + " bytes, expected 32");
    }
    return new X25519PublicKey(key.getKey().toByteArray());
  }

  /** E4 {@code GET /compute/v1beta1/code_hash/by_code_id/{id}}, cached. */
  public CodeHash codeHashByCodeId(long codeId) {
    CodeHash cached = codeHashByCodeId.get(codeId);
    if (cached != null) {
      return cached;
    }
    CodeHash hash =
        codeHash(get("/compute/v1beta1/code_hash/by_code_id/" + Long.toUnsignedString(codeId)));
    codeHashByCodeId.put(codeId, hash);
    return hash;
  }

  /** E5 {@code GET /compute/v1beta1/code_hash/by_contract_address/{address}}, cached. */
  public CodeHash codeHashByContractAddress(String contractAddress) {
    CodeHash cached = codeHashByContract.get(contractAddress);
    if (cached != null) {
      return cached;
    }
    CodeHash hash =
        codeHash(
            get(
                "/compute/v1beta1/code_hash/by_contract_address/"
                    + LcdHttp.segment(contractAddress)));
    codeHashByContract.put(contractAddress, hash);
    return hash;
  }

  private CodeHash codeHash(JsonNode answer) {
    String text =
        parse("code hash", answer, QueryCodeHashResponse.newBuilder()).build().getCodeHash();
    return CodeHash.parse(text);
  }

  /**
   * E6 {@code POST /cosmos/tx/v1beta1/txs} {@code {"txBytes", "mode"}}: the CheckTx answer (code ≠
   * 0 when the node refused the tx; HTTP 200 either way).
   */
  public TxResponse broadcastTx(byte[] txBytes, BroadcastMode mode) {
    ObjectNode body = json.createObjectNode();
    body.put("txBytes", Base64.getEncoder().encodeToString(txBytes));
    body.put("mode", mode.name());
    JsonNode answer = http.post("/cosmos/tx/v1beta1/txs", body);
    return parse("broadcast answer", answer, BroadcastTxResponse.newBuilder()).getTxResponse();
  }

  /**
   * E7 {@code GET /cosmos/tx/v1beta1/txs/{hash}}: empty while the node answers "tx not found" (not
   * committed yet, or unknown); any other error is thrown.
   */
  public Optional<IndexedTx> getTx(String hash) {
    JsonNode answer;
    try {
      answer = get("/cosmos/tx/v1beta1/txs/" + LcdHttp.segment(hash));
    } catch (LcdException e) {
      if (txNotFound(hash).matcher(e.serverMessage()).find()) {
        return Optional.empty();
      }
      throw e;
    }
    JsonNode txResponse = answer.path("tx_response");
    if (!txResponse.isObject()) {
      throw new SecretNetworkException("the answer for tx " + hash + " has no tx_response");
    }
    ObjectNode withoutTx = ((ObjectNode) txResponse).deepCopy();
    JsonNode tx = withoutTx.remove("tx");
    if (tx == null || tx.isNull()) {
      tx = answer.path("tx"); // the top-level copy, without "@type"
    }
    TxResponse response = parse("tx " + hash, withoutTx, TxResponse.newBuilder()).build();
    return Optional.of(new IndexedTx(response, tx));
  }

  /**
   * secret.js's "tx not found" test (secretjs-api.md §6.1): {@code tx not found: HASH} or {@code tx
   * (HASH) not found}.
   */
  static Pattern txNotFound(String hash) {
    String quoted = Pattern.quote(hash);
    return Pattern.compile(
        "tx not found: " + quoted + "|tx \\(" + quoted + "\\) not found", Pattern.CASE_INSENSITIVE);
  }

  /** {@code POST /cosmos/tx/v1beta1/simulate} {@code {"txBytes"}}: gas used and the result. */
  public SimulateResponse simulate(byte[] txBytes) {
    ObjectNode body = json.createObjectNode();
    body.put("txBytes", Base64.getEncoder().encodeToString(txBytes));
    return parse(
            "simulation answer",
            http.post("/cosmos/tx/v1beta1/simulate", body),
            SimulateResponse.newBuilder())
        .build();
  }

  /**
   * E8 {@code GET /compute/v1beta1/query/{contract}?query={base64}}: the raw encrypted answer
   * ({@code data}). A contract error is an {@link LcdException} whose {@linkplain
   * LcdException#serverMessage() message} holds {@code encrypted: <b64>: query contract failed}.
   */
  public byte[] querySecretContract(String contractAddress, byte[] encryptedQuery) {
    JsonNode answer =
        get(
            "/compute/v1beta1/query/" + LcdHttp.segment(contractAddress),
            Map.of("query", Base64.getEncoder().encodeToString(encryptedQuery)));
    return parse("query answer", answer, QuerySecretContractResponse.newBuilder())
        .getData()
        .toByteArray();
  }

  /**
   * {@code GET /compute/v1beta1/info/{address}}: code id, creator, label, admin. The creator is
   * read as base64 (secretjs-api.md §3's shape, Arcanum's) or as bech32: {@code creator} is {@code
   * bytes} cast to {@code sdk.AccAddress} in Secret's proto, the cast that makes the gateway print
   * a tx's compute {@code sender} in bech32 (§1).
   */
  public QueryContractInfoResponse contractInfo(String contractAddress) {
    JsonNode answer = get("/compute/v1beta1/info/" + LcdHttp.segment(contractAddress));
    if (answer.path("contract_info") instanceof ObjectNode info) {
      bech32AsBase64(info, "creator");
    }
    return parse("contract info", answer, QueryContractInfoResponse.newBuilder()).build();
  }

  /**
   * Rewrites a {@code bytes} address field the gateway printed in bech32 as the base64 the proto
   * JSON parser reads; base64 text (never valid bech32: no separator {@code 1} with a checksum over
   * lower-case data) is left alone.
   */
  static void bech32AsBase64(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      return;
    }
    try {
      byte[] raw = Bech32.decode(value.asText()).bytes();
      node.put(field, Base64.getEncoder().encodeToString(raw));
    } catch (InvalidBech32Exception notBech32) {
      // base64 already
    }
  }

  /** {@code GET /compute/v1beta1/codes}: every stored code. */
  public List<CodeInfoResponse> codes() {
    return parse("codes", get("/compute/v1beta1/codes"), QueryCodesResponse.newBuilder())
        .getCodeInfosList();
  }

  /** {@code GET /cosmos/base/tendermint/v1beta1/node_info}: the chain id and node version. */
  public NodeInfo nodeInfo() {
    JsonNode answer = get("/cosmos/base/tendermint/v1beta1/node_info");
    JsonNode node = answer.path("default_node_info");
    String network = node.path("network").asText("");
    if (network.isEmpty()) {
      throw new SecretNetworkException("node_info has no default_node_info.network");
    }
    return new NodeInfo(
        network,
        node.path("moniker").asText(""),
        answer.path("application_version").path("version").asText(""));
  }

  /** {@code GET /cosmos/base/tendermint/v1beta1/blocks/latest}: the newest block's header. */
  public BlockHeader latestBlock() {
    JsonNode answer = get("/cosmos/base/tendermint/v1beta1/blocks/latest");
    JsonNode header = answer.path("sdk_block").path("header");
    if (!header.isObject()) {
      header = answer.path("block").path("header");
    }
    String height = header.path("height").asText("");
    try {
      return new BlockHeader(
          Long.parseLong(height),
          header.path("chain_id").asText(""),
          header.path("time").asText(""));
    } catch (NumberFormatException e) {
      throw new SecretNetworkException("latest block has no height (got '" + height + "')");
    }
  }

  /** Any other GET route, as JSON; errors as for the typed routes. */
  public JsonNode get(String path, Map<String, String> params) {
    return http.get(path, new LinkedHashMap<>(params));
  }

  /** Any other GET route without parameters. */
  public JsonNode get(String path) {
    return http.get(path, Map.of());
  }

  /** Any other POST route with a JSON body. */
  public JsonNode post(String path, JsonNode body) {
    return http.post(path, body);
  }

  private <B extends Message.Builder> B parse(String what, JsonNode answer, B builder) {
    try {
      return PARSER.parse(answer, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new SecretNetworkException(
          "the node's " + what + " does not have the expected shape: " + e.getMessage(), e);
    }
  }

  /** ProtoJson's parser, tolerant of fields a newer node adds. */
  private static final class JsonFormatParser {
    private final com.google.protobuf.util.JsonFormat.Parser parser =
        ProtoJson.parser().ignoringUnknownFields();

    <B extends Message.Builder> B parse(JsonNode answer, B builder)
        throws InvalidProtocolBufferException {
      parser.merge(answer.toString(), builder);
      return builder;
    }
  }

  /** Options of an {@link LcdClient}. */
  public static final class Builder {
    private URI url;
    private Duration timeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private HttpClient httpClient;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The node's REST base URL, e.g. {@code http://localhost:1317} (LocalSecret's LCD port).
     *
     * @throws IllegalArgumentException unless an absolute http or https URL
     */
    public Builder url(String url) {
      Objects.requireNonNull(url, "url");
      URI parsed;
      try {
        parsed = URI.create(url.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("LCD url '" + url + "' is not a URL", e);
      }
      if (!("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
          || parsed.getHost() == null) {
        throw new IllegalArgumentException(
            "LCD url must be an absolute http(s) URL like http://localhost:1317, got '"
                + url
                + "'");
      }
      if (parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "LCD url must not have a query or fragment, got '" + url + "'");
      }
      this.url = parsed;
      return this;
    }

    /** How long one request may take (default 30 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** How long connecting may take (default 10 s); ignored with {@link #httpClient}. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connect timeout");
      return this;
    }

    /** A JDK HTTP client of the caller's (proxy, TLS, executor). */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /** A header sent with every request (e.g. an API key of a hosted LCD). */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public LcdClient build() {
      if (url == null) {
        throw new IllegalStateException("LcdClient needs a url");
      }
      HttpClient client =
          httpClient != null
              ? httpClient
              : HttpClient.newBuilder()
                  .connectTimeout(connectTimeout)
                  .followRedirects(HttpClient.Redirect.NORMAL)
                  .build();
      ObjectMapper json = new ObjectMapper();
      return new LcdClient(new LcdHttp(client, url, timeout, headers, json), json);
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, got " + d);
      }
      return d;
    }
  }
}
