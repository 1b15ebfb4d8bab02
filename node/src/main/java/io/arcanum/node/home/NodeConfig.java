package io.arcanum.node.home;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.enclave.api.EnclaveMode;
import io.arcanum.node.consensus.BlockLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code config/node.json}: this node's settings (not consensus rules, which genesis holds).
 *
 * <pre>{@code
 * {
 *   "chain_id": "secretdev-1",
 *   "bech32_prefix": "secret",
 *   "min_gas_price": "0.0125uscrt",      // secretd's default, LocalSecret does not override it
 *   "block_interval_ms": 1000,           // an empty block at least this often
 *   "min_block_interval_ms": 200,        // a waiting tx gets a block this soon after the last
 *   "rest_port": 1317,                   // the LCD/REST API (secretjs-api.md §3, docs/rest.md)
 *   "rest_address": "0.0.0.0",           // where it listens: every interface, as LocalSecret's
 *                                        // published port; "127.0.0.1" keeps it on this machine
 *   "enclave_mode": "in-process",        // or "process": the enclave in a child JVM
 *   "max_block_txs": 5000,               // a block takes at most this many txs …
 *   "max_block_bytes": 22020096          // … and this many bytes of txs (CometBFT's 21 MiB)
 * }
 * }</pre>
 *
 * The two block limits and {@code rest_address} were added later: a file without them gets {@link
 * BlockLimits#DEFAULT} and {@value #DEFAULT_REST_ADDRESS}.
 */
public record NodeConfig(
    String chainId,
    String bech32Prefix,
    String minGasPrice,
    Duration blockInterval,
    Duration minBlockInterval,
    int restPort,
    String restAddress,
    EnclaveMode enclaveMode,
    BlockLimits blockLimits) {

  static final List<String> FIELDS =
      List.of(
          "chain_id",
          "bech32_prefix",
          "min_gas_price",
          "block_interval_ms",
          "min_block_interval_ms",
          "rest_port",
          "rest_address",
          "enclave_mode",
          "max_block_txs",
          "max_block_bytes");

  /** Fields a file may leave out (added after the first homes were made), with defaults. */
  static final List<String> OPTIONAL = List.of("max_block_txs", "max_block_bytes", "rest_address");

  /** Every interface: the REST API is reachable from other machines and containers. */
  public static final String DEFAULT_REST_ADDRESS = "0.0.0.0";

  /** CometBFT's chain-id limit is 50 characters; Cosmos ids are letters, digits and {@code -_.}. */
  private static final Pattern CHAIN_ID = Pattern.compile("[A-Za-z0-9_.-]{1,50}");

  /** A host name or an IPv4/IPv6 literal; resolved when the server binds. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:%_\\[\\]-]{1,253}");

  private static final Pattern PREFIX = Pattern.compile("[a-z]{1,20}");

  /** A decimal amount and a denom, as the SDK's {@code minimum-gas-prices} (one denom here). */
  private static final Pattern GAS_PRICE =
      Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]{1,18})?[a-zA-Z][a-zA-Z0-9/:._-]{2,127}");

  public NodeConfig {
    Objects.requireNonNull(enclaveMode, "enclaveMode");
    Objects.requireNonNull(blockLimits, "blockLimits");
    Objects.requireNonNull(restAddress, "restAddress");
    check(CHAIN_ID.matcher(chainId).matches(), "chain_id", "1-50 letters, digits, '-', '_', '.'");
    check(PREFIX.matcher(bech32Prefix).matches(), "bech32_prefix", "lower-case letters");
    check(GAS_PRICE.matcher(minGasPrice).matches(), "min_gas_price", "like 0.0125uscrt");
    check(
        blockInterval.toMillis() >= 1 && blockInterval.compareTo(Duration.ofHours(1)) <= 0,
        "block_interval_ms",
        "between 1 and 3600000");
    check(
        minBlockInterval.toMillis() >= 1 && minBlockInterval.compareTo(blockInterval) <= 0,
        "min_block_interval_ms",
        "at least 1 and at most block_interval_ms");
    check(restPort >= 1 && restPort <= 65535, "rest_port", "a TCP port, 1-65535");
    check(HOST.matcher(restAddress).matches(), "rest_address", "a host name or IP address");
  }

  private static void check(boolean ok, String field, String expected) {
    if (!ok) {
      throw new IllegalArgumentException("\"" + field + "\" must be " + expected);
    }
  }

  /** LocalSecret's settings for {@code chainId} (secretjs-api.md §8). */
  public static NodeConfig defaults(String chainId) {
    return new NodeConfig(
        chainId,
        "secret",
        "0.0125uscrt",
        Duration.ofSeconds(1),
        Duration.ofMillis(200),
        1317,
        DEFAULT_REST_ADDRESS,
        EnclaveMode.IN_PROCESS,
        BlockLimits.DEFAULT);
  }

  public NodeConfig withEnclaveMode(EnclaveMode mode) {
    return new NodeConfig(
        chainId,
        bech32Prefix,
        minGasPrice,
        blockInterval,
        minBlockInterval,
        restPort,
        restAddress,
        mode,
        blockLimits);
  }

  public NodeConfig withBlockIntervals(Duration interval, Duration minInterval) {
    return new NodeConfig(
        chainId,
        bech32Prefix,
        minGasPrice,
        interval,
        minInterval,
        restPort,
        restAddress,
        enclaveMode,
        blockLimits);
  }

  /** With the REST API at {@code address}:{@code port}. */
  public NodeConfig withRest(String address, int port) {
    return new NodeConfig(
        chainId,
        bech32Prefix,
        minGasPrice,
        blockInterval,
        minBlockInterval,
        port,
        address,
        enclaveMode,
        blockLimits);
  }

  public NodeConfig withBlockLimits(BlockLimits limits) {
    return new NodeConfig(
        chainId,
        bech32Prefix,
        minGasPrice,
        blockInterval,
        minBlockInterval,
        restPort,
        restAddress,
        enclaveMode,
        limits);
  }

  public ObjectNode toJson() {
    ObjectNode out = JsonFiles.MAPPER.createObjectNode();
    out.put("chain_id", chainId);
    out.put("bech32_prefix", bech32Prefix);
    out.put("min_gas_price", minGasPrice);
    out.put("block_interval_ms", blockInterval.toMillis());
    out.put("min_block_interval_ms", minBlockInterval.toMillis());
    out.put("rest_port", restPort);
    out.put("rest_address", restAddress);
    out.put("enclave_mode", enclaveMode.configValue());
    out.put("max_block_txs", blockLimits.maxTxs());
    out.put("max_block_bytes", blockLimits.maxBytes());
    return out;
  }

  public void write(Path file) throws IOException {
    JsonFiles.write(file, toJson(), false);
  }

  /**
   * @throws ConfigException naming the file and field that is missing, unknown or out of range
   */
  public static NodeConfig read(Path file) throws ConfigException {
    JsonNode json = JsonFiles.read(file);
    JsonFiles.onlyFields(file, "the top level", json, FIELDS);
    for (String field : FIELDS) {
      if (!json.has(field) && !OPTIONAL.contains(field)) {
        throw new ConfigException(file + ": \"" + field + "\" is missing");
      }
    }
    long maxTxs =
        json.has("max_block_txs")
            ? JsonFiles.integer(file, json, "max_block_txs")
            : BlockLimits.DEFAULT.maxTxs();
    long maxBytes =
        json.has("max_block_bytes")
            ? JsonFiles.integer(file, json, "max_block_bytes")
            : BlockLimits.DEFAULT.maxBytes();
    if (maxTxs < 1 || maxTxs > Integer.MAX_VALUE) {
      throw new ConfigException(file + ": \"max_block_txs\" must be between 1 and 2147483647");
    }
    if (maxBytes < 1) {
      throw new ConfigException(file + ": \"max_block_bytes\" must be at least 1");
    }
    try {
      return new NodeConfig(
          JsonFiles.text(file, json, "chain_id"),
          JsonFiles.text(file, json, "bech32_prefix"),
          JsonFiles.text(file, json, "min_gas_price"),
          Duration.ofMillis(JsonFiles.integer(file, json, "block_interval_ms")),
          Duration.ofMillis(JsonFiles.integer(file, json, "min_block_interval_ms")),
          Math.toIntExact(JsonFiles.integer(file, json, "rest_port")),
          json.has("rest_address")
              ? JsonFiles.text(file, json, "rest_address")
              : DEFAULT_REST_ADDRESS,
          EnclaveMode.parse(JsonFiles.text(file, json, "enclave_mode")),
          new BlockLimits((int) maxTxs, maxBytes));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
  }
}
