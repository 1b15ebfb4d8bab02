package io.arcanum.node.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * {@code config/genesis.json}, Cosmos-shaped:
 *
 * <pre>{@code
 * {"genesis_time": "2026-11-24T05:16:53.123456789Z", "chain_id": "secretdev-1",
 *  "initial_height": "1",
 *  "app_state": {"auth": {…}, "bank": {…}, "compute": {…}, "registration": {…}}}
 * }</pre>
 *
 * The node reads the header and the registration section (its enclave's trust settings); the
 * application reads {@code app_state} as a whole.
 */
public record GenesisDocument(
    Instant genesisTime, String chainId, long initialHeight, ObjectNode appState) {
  static final List<String> FIELDS =
      List.of("genesis_time", "chain_id", "initial_height", "app_state");

  public GenesisDocument {
    Objects.requireNonNull(genesisTime, "genesisTime");
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(appState, "appState");
    if (initialHeight != 1) {
      throw new IllegalArgumentException("initial_height must be 1, got " + initialHeight);
    }
  }

  /** Genesis time in nanoseconds since the epoch: the first block's time cannot be earlier. */
  public long genesisTimeNanos() {
    return genesisTime.getEpochSecond() * 1_000_000_000L + genesisTime.getNano();
  }

  /** The registration section, checked strictly (RegistrationGenesis documents its shape). */
  public RegistrationGenesis registration() throws ChainException {
    return RegistrationGenesis.parse(appState.get(RegistrationGenesis.MODULE));
  }

  public ObjectNode toJson() {
    ObjectNode out = JsonFiles.MAPPER.createObjectNode();
    out.put("genesis_time", rfc3339(genesisTime));
    out.put("chain_id", chainId);
    out.put("initial_height", Long.toString(initialHeight));
    out.set("app_state", appState.deepCopy());
    return out;
  }

  public void write(Path file) throws IOException {
    JsonFiles.write(file, toJson(), false);
  }

  /**
   * @throws ConfigException naming the field; the registration section is checked too
   */
  public static GenesisDocument read(Path file) throws ConfigException {
    JsonNode json = JsonFiles.read(file);
    JsonFiles.onlyFields(file, "the top level", json, FIELDS);
    Instant time;
    try {
      time = Instant.parse(JsonFiles.text(file, json, "genesis_time"));
    } catch (DateTimeParseException e) {
      throw new ConfigException(file + ": \"genesis_time\" is not an RFC 3339 UTC time");
    }
    String height = JsonFiles.text(file, json, "initial_height");
    if (!height.equals("1")) {
      throw new ConfigException(
          file + ": \"initial_height\" must be \"1\", got \"" + height + "\"");
    }
    JsonNode appState = json.get("app_state");
    if (appState == null || !appState.isObject()) {
      throw new ConfigException(file + ": \"app_state\" must be an object");
    }
    GenesisDocument genesis =
        new GenesisDocument(time, JsonFiles.text(file, json, "chain_id"), 1, (ObjectNode) appState);
    try {
      genesis.registration();
    } catch (ChainException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
    return genesis;
  }

  /** RFC 3339 with nanoseconds and trailing zeros dropped, as Go's {@code RFC3339Nano}. */
  static String rfc3339(Instant time) {
    String text = time.toString(); // ISO-8601 in UTC: …:ssZ or …:ss.fffZ (groups of three)
    if (text.contains(".")) {
      text =
          text.substring(0, text.length() - 1).replaceAll("0+$", "").replaceAll("\\.$", "") + "Z";
    }
    return text;
  }
}
