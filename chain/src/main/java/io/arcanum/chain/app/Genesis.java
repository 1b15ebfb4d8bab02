package io.arcanum.chain.app;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.chain.bank.Coin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The genesis file, shaped like a Cosmos one (docs/chain.md "Genesis"):
 *
 * <pre>{@code
 * {"genesis_time": "2024-01-01T00:00:00Z", "chain_id": "secretdev-1", "initial_height": "1",
 *  "app_state": {"auth": {…}, "bank": {…}, "compute": {…}, "registration": {…}}}
 * }</pre>
 *
 * Each {@code app_state} section belongs to the module of that name; the application refuses a
 * section no module claims. Other top-level keys are refused too, so a typo cannot go unnoticed.
 */
public final class Genesis {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();
  private static final Set<String> FIELDS =
      Set.of("genesis_time", "chain_id", "initial_height", "app_state");

  private final Instant genesisTime;
  private final String chainId;
  private final Map<String, JsonNode> appState;

  /**
   * @throws IllegalArgumentException for an empty chain id or a section that is not an object
   */
  public Genesis(Instant genesisTime, String chainId, Map<String, JsonNode> appState) {
    this.genesisTime = Objects.requireNonNull(genesisTime, "genesisTime");
    this.chainId = Objects.requireNonNull(chainId, "chainId");
    if (chainId.isEmpty() || chainId.length() > 50) {
      throw new IllegalArgumentException("chain_id must have 1 to 50 characters: " + chainId);
    }
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    appState.forEach(
        (module, section) -> {
          if (!section.isObject()) {
            throw new IllegalArgumentException("app_state." + module + " must be an object");
          }
          copy.put(module, section.deepCopy());
        });
    this.appState = Collections.unmodifiableMap(copy);
  }

  /**
   * Reads a genesis file's JSON.
   *
   * @throws IllegalArgumentException naming what is missing or malformed
   */
  public static Genesis parse(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("genesis is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("genesis is not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("genesis must be a JSON object");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException("unknown genesis field '" + name + "'");
      }
    }
    Instant time = time(text(root, "genesis_time"));
    String chainId = text(root, "chain_id");
    JsonNode height = root.path("initial_height");
    if (!height.isMissingNode() && !height.asText().equals("1")) {
      throw new IllegalArgumentException(
          "initial_height must be \"1\" (block heights equal store versions): " + height);
    }
    JsonNode state = root.path("app_state");
    if (!state.isMissingNode() && !state.isObject()) {
      throw new IllegalArgumentException("app_state must be an object");
    }
    Map<String, JsonNode> sections = new LinkedHashMap<>();
    state.fields().forEachRemaining(e -> sections.put(e.getKey(), e.getValue()));
    return new Genesis(time, chainId, sections);
  }

  public static Genesis read(Path file) throws IOException {
    return parse(Files.readAllBytes(file));
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException("genesis " + field + " must be a string");
    }
    return node.asText();
  }

  private static Instant time(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("genesis_time is not RFC 3339: " + text);
    }
  }

  public Instant genesisTime() {
    return genesisTime;
  }

  /** The genesis time in Unix nanoseconds. */
  public long genesisTimeNanos() {
    return Math.addExact(
        Math.multiplyExact(genesisTime.getEpochSecond(), 1_000_000_000L), genesisTime.getNano());
  }

  public String chainId() {
    return chainId;
  }

  /** The module names with a section, in file order. */
  public Set<String> modules() {
    return appState.keySet();
  }

  /** A copy of a module's section, or a missing node if the file has none. */
  public JsonNode section(String module) {
    JsonNode section = appState.get(module);
    return section == null ? MissingNode.getInstance() : section.deepCopy();
  }

  /** The file's JSON (indented). */
  public byte[] toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("genesis_time", rfc3339(genesisTime));
    root.put("chain_id", chainId);
    root.put("initial_height", "1");
    ObjectNode state = root.putObject("app_state");
    appState.forEach((module, section) -> state.set(module, section.deepCopy()));
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * RFC 3339 in UTC with the fraction's trailing zeros dropped, as Go's {@code time.RFC3339Nano}
   * writes CometBFT's {@code genesis_time} (Java's {@code Instant} writes groups of three digits).
   */
  static String rfc3339(Instant time) {
    String text = time.toString(); // …:ssZ or …:ss.fff[fff[fff]]Z
    int dot = text.indexOf('.');
    if (dot < 0) {
      return text;
    }
    int end = text.length() - 1; // the Z
    while (text.charAt(end - 1) == '0') {
      end--;
    }
    return text.substring(0, end) + "Z";
  }

  public void write(Path file) throws IOException {
    Files.write(file, toJson());
  }

  /** SHA-256 of {@link #toJson()}: identifies this genesis. */
  public byte[] hash() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(toJson());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Builder builder(String chainId, Instant genesisTime) {
    return new Builder(chainId, genesisTime);
  }

  /** Builds a genesis in code: funded accounts in the auth and bank sections, other sections. */
  public static final class Builder {
    private final String chainId;
    private final Instant time;
    private final ArrayNode accounts = JSON.createArrayNode();
    private final ArrayNode balances = JSON.createArrayNode();
    private final Map<String, JsonNode> sections = new LinkedHashMap<>();

    private Builder(String chainId, Instant time) {
      this.chainId = chainId;
      this.time = time;
    }

    /**
     * An account with the next account number (0, 1, …) and a balance, like LocalSecret's genesis
     * accounts (secretjs-api.md §8).
     *
     * @param coins sorted by denom
     */
    public Builder account(String bech32, List<Coin> coins) {
      ObjectNode account = accounts.addObject();
      account.put("@type", "/cosmos.auth.v1beta1.BaseAccount");
      account.put("address", bech32);
      account.putNull("pub_key");
      account.put("account_number", Integer.toString(accounts.size() - 1));
      account.put("sequence", "0");
      if (!coins.isEmpty()) {
        ObjectNode balance = balances.addObject();
        balance.put("address", bech32);
        ArrayNode list = balance.putArray("coins");
        for (Coin coin : coins) {
          list.addObject().put("denom", coin.denom()).put("amount", coin.amount().toString());
        }
      }
      return this;
    }

    /** A module's section as is (replaces what {@link #account} built for auth or bank). */
    public Builder section(String module, JsonNode section) {
      sections.put(module, section.deepCopy());
      return this;
    }

    public Genesis build() {
      Map<String, JsonNode> state = new LinkedHashMap<>();
      ObjectNode auth = JSON.createObjectNode();
      auth.set("accounts", accounts.deepCopy());
      state.put("auth", auth);
      ObjectNode bank = JSON.createObjectNode();
      bank.set("balances", balances.deepCopy());
      state.put("bank", bank);
      state.putAll(sections);
      return new Genesis(time, chainId, state);
    }
  }
}
