package io.arcanum.chain.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.enclave.api.EnclaveConfig;
import io.arcanum.enclave.api.NetworkPublicKeys;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The genesis file's {@code app_state.registration} section: the network's public keys and any
 * initial registrations with the proto JSON names of {@code GenesisState} (Secret's Go names are
 * {@code reg_info}, {@code node_exch_key}, {@code io_exch_key}), plus Arcanum's attestation trust
 * (protocol.md §14 item 3) under {@code attestation}, which every node hands its enclave:
 *
 * <pre>{@code
 * "registration": {
 *   "registration": [{"certificate": "<b64 evidence>", "encrypted_seed": "<b64>"}],   // optional
 *   "node_exch_master_key": {"bytes": "<b64, 32 bytes>"},
 *   "io_master_key": {"bytes": "<b64, 32 bytes>"},
 *   "attestation": {                                                                   // optional
 *     "development_roots": ["<64 lower-case hex: SHA-256 of a development root certificate>"],
 *     "allowed_measurements": ["<64 lower-case hex MRENCLAVE>"],
 *     "machine_allow_list": ["<40 lower-case hex machine id>"]
 *   }
 * }
 * }</pre>
 *
 * No development roots means real SGX quotes only; no measurements means each enclave admits its
 * own build only. Unknown fields are refused, so a misspelt trust setting cannot silently vanish.
 *
 * @param registrations initial registrations, keyed by the registration key their quote carries
 */
public record RegistrationGenesis(
    NetworkPublicKeys masterKeys,
    List<NodeRegistration> registrations,
    List<String> developmentRoots,
    List<String> allowedMeasurements,
    List<String> machineAllowList) {
  public static final String MODULE = "registration";

  public RegistrationGenesis {
    Objects.requireNonNull(masterKeys, "masterKeys");
    registrations = List.copyOf(registrations);
    developmentRoots = List.copyOf(developmentRoots);
    allowedMeasurements = List.copyOf(allowedMeasurements);
    machineAllowList = List.copyOf(machineAllowList);
  }

  /**
   * What the node's enclave must be told (docs/enclave.md): this section's trust settings with the
   * node's own address prefix and simulated platform directory ({@code ""} for none).
   */
  public EnclaveConfig enclaveConfig(String bech32Prefix, String simulatedPlatform) {
    return new EnclaveConfig(
        bech32Prefix, developmentRoots, allowedMeasurements, machineAllowList, simulatedPlatform);
  }

  /**
   * Reads and checks the section.
   *
   * @throws ChainException {@code sdk} 17 naming the field ({@code
   *     app_state.registration.io_master_key.bytes}) and what is wrong with it
   */
  public static RegistrationGenesis parse(JsonNode section) throws ChainException {
    String at = "app_state." + MODULE;
    if (section == null || section.isMissingNode() || section.isNull()) {
      throw bad(at, "is missing; it must hold the network's master keys");
    }
    object(at, section, "registration", "node_exch_master_key", "io_master_key", "attestation");
    NetworkPublicKeys keys =
        new NetworkPublicKeys(
            masterKey(at + ".node_exch_master_key", section.get("node_exch_master_key")),
            masterKey(at + ".io_master_key", section.get("io_master_key")));
    List<NodeRegistration> registrations = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    JsonNode list = section.get("registration");
    if (list != null && !list.isNull()) {
      array(at + ".registration", list);
      for (int i = 0; i < list.size(); i++) {
        String item = at + ".registration[" + i + "]";
        JsonNode node = list.get(i);
        object(item, node, "certificate", "encrypted_seed");
        byte[] certificate = base64(item + ".certificate", node.get("certificate"));
        byte[] seed = base64(item + ".encrypted_seed", node.get("encrypted_seed"));
        if (seed.length == 0 || seed.length % 48 != 0) {
          throw bad(item + ".encrypted_seed", "must be 48 bytes per seed, got " + seed.length);
        }
        byte[] publicKey;
        try {
          publicKey = EvidenceQuote.registrationPublicKey(certificate);
        } catch (ChainException e) {
          throw bad(item + ".certificate", e.getMessage());
        }
        if (!seen.add(HexFormat.of().formatHex(publicKey))) {
          throw bad(item, "registers a node key that an earlier entry already registers");
        }
        registrations.add(new NodeRegistration(publicKey, certificate, seed));
      }
    }
    List<String> roots = List.of();
    List<String> measurements = List.of();
    List<String> machines = List.of();
    JsonNode attestation = section.get("attestation");
    if (attestation != null && !attestation.isNull()) {
      String trust = at + ".attestation";
      object(trust, attestation, "development_roots", "allowed_measurements", "machine_allow_list");
      roots = hexList(trust + ".development_roots", attestation.get("development_roots"), 32);
      measurements =
          hexList(trust + ".allowed_measurements", attestation.get("allowed_measurements"), 32);
      machines = hexList(trust + ".machine_allow_list", attestation.get("machine_allow_list"), 20);
    }
    return new RegistrationGenesis(keys, registrations, roots, measurements, machines);
  }

  /** The section as {@link #parse} reads it. */
  public ObjectNode toJson() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    Base64.Encoder b64 = Base64.getEncoder();
    ObjectNode out = json.objectNode();
    ArrayNode list = out.putArray("registration");
    for (NodeRegistration node : registrations) {
      list.addObject()
          .put("certificate", b64.encodeToString(node.certificate()))
          .put("encrypted_seed", b64.encodeToString(node.encryptedSeed()));
    }
    out.putObject("node_exch_master_key")
        .put("bytes", b64.encodeToString(masterKeys.seedExchangeKey()));
    out.putObject("io_master_key").put("bytes", b64.encodeToString(masterKeys.ioExchangeKey()));
    ObjectNode trust = out.putObject("attestation");
    developmentRoots.forEach(trust.putArray("development_roots")::add);
    allowedMeasurements.forEach(trust.putArray("allowed_measurements")::add);
    machineAllowList.forEach(trust.putArray("machine_allow_list")::add);
    return out;
  }

  private static byte[] masterKey(String at, JsonNode node) throws ChainException {
    if (node == null || node.isNull()) {
      throw bad(at, "is missing");
    }
    object(at, node, "bytes");
    byte[] key = base64(at + ".bytes", node.get("bytes"));
    if (key.length != NetworkPublicKeys.KEY_LENGTH) {
      throw bad(at + ".bytes", "must be a 32-byte X25519 public key, got " + key.length + " bytes");
    }
    return key;
  }

  private static List<String> hexList(String at, JsonNode node, int bytes) throws ChainException {
    Pattern form = Pattern.compile("[0-9a-f]{" + 2 * bytes + "}");
    if (node == null || node.isNull()) {
      return List.of();
    }
    array(at, node);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (!item.isTextual() || !form.matcher(item.asText()).matches()) {
        throw bad(
            at + "[" + i + "]",
            "must be "
                + 2 * bytes
                + " lower-case hex characters ("
                + bytes
                + " bytes), got "
                + item);
      }
      if (out.contains(item.asText())) {
        throw bad(at + "[" + i + "]", "repeats " + item.asText());
      }
      out.add(item.asText());
    }
    return out;
  }

  private static byte[] base64(String at, JsonNode node) throws ChainException {
    if (node == null || !node.isTextual()) {
      throw bad(at, node == null ? "is missing" : "must be a base64 string, got " + node);
    }
    try {
      return Base64.getDecoder().decode(node.asText());
    } catch (IllegalArgumentException e) {
      throw bad(at, "is not base64: " + e.getMessage());
    }
  }

  private static void array(String at, JsonNode node) throws ChainException {
    if (!node.isArray()) {
      throw bad(at, "must be an array, got " + node.getNodeType());
    }
  }

  /** Checks that {@code node} is an object with no field other than {@code allowed}. */
  private static void object(String at, JsonNode node, String... allowed) throws ChainException {
    if (node == null || !node.isObject()) {
      throw bad(at, "must be an object");
    }
    Set<String> names = Set.of(allowed);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        throw bad(at, "has an unknown field \"" + name + "\"; allowed: " + List.of(allowed));
      }
    }
  }

  private static ChainException bad(String at, String problem) {
    return SdkErrors.JSON_UNMARSHAL.wrap("genesis " + at + " " + problem);
  }
}
