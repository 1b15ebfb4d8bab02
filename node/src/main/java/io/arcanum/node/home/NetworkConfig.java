package io.arcanum.node.home;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code config/network.json}: present on a network member, absent on a solo dev node — the one
 * setting that chooses the consensus engine (docs/network.md).
 *
 * <pre>{@code
 * {
 *   "node_id": "v1",                          // this node's Raft id
 *   "raft_address": "127.0.0.1:26757",        // where it listens for Raft peers (host:port)
 *   "members": [                              // the voters this node knows at start; a joining
 *     {"id": "v0", "address": "127.0.0.1:26756", "pub_key": "<b64 ed25519 node key>"},
 *     ...                                     // node lists the existing members and itself
 *   ],
 *   "snapshot_interval": 1000                 // blocks between state snapshots (optional)
 * }
 * }</pre>
 *
 * The members' {@code pub_key}s are the node keys whose signature admits a new member ({@code
 * MemberAdmission}).
 */
public record NetworkConfig(
    String nodeId, String raftAddress, List<Member> members, long snapshotInterval) {

  public static final long DEFAULT_SNAPSHOT_INTERVAL = 1000;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.\\[\\]:-]{1,253}:[0-9]{1,5}");

  /**
   * A Raft member.
   *
   * @param pubKey its node key's ed25519 public key, 32 bytes
   */
  public record Member(String id, String address, byte[] pubKey) {
    public Member {
      check(
          ID.matcher(Objects.requireNonNull(id, "id")).matches(),
          "member id",
          "1-40 of A-Z a-z 0-9 _ -");
      checkAddress("member " + id + " address", address);
      check(pubKey != null && pubKey.length == 32, "member " + id + " pub_key", "32 bytes");
      pubKey = pubKey.clone();
    }

    @Override
    public byte[] pubKey() {
      return pubKey.clone();
    }
  }

  public NetworkConfig {
    check(
        ID.matcher(Objects.requireNonNull(nodeId, "nodeId")).matches(),
        "node_id",
        "1-40 of A-Z a-z 0-9 _ -");
    checkAddress("raft_address", raftAddress);
    members = List.copyOf(members);
    check(!members.isEmpty(), "members", "at least one member");
    Set<String> ids = new HashSet<>();
    for (Member m : members) {
      check(ids.add(m.id()), "members", "distinct ids (" + m.id() + " twice)");
    }
    check(snapshotInterval >= 1, "snapshot_interval", "at least 1");
  }

  /** This node's own entry among {@link #members}, if it is one of them. */
  public Optional<Member> self() {
    return members.stream().filter(m -> m.id().equals(nodeId)).findFirst();
  }

  private static void checkAddress(String field, String address) {
    Objects.requireNonNull(address, field);
    check(ADDRESS.matcher(address).matches(), field, "host:port");
    int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    check(port >= 1 && port <= 65535, field, "a TCP port 1-65535 after the colon");
  }

  private static void check(boolean ok, String field, String expected) {
    if (!ok) {
      throw new IllegalArgumentException("\"" + field + "\" must be " + expected);
    }
  }

  /** Reads {@code config/network.json} if the home has one. */
  public static Optional<NetworkConfig> readIfPresent(Path file) throws ConfigException {
    return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
  }

  /**
   * @throws ConfigException naming the file and the field that is wrong
   */
  public static NetworkConfig read(Path file) throws ConfigException {
    JsonNode json = JsonFiles.read(file);
    JsonFiles.onlyFields(
        file,
        "the top level",
        json,
        List.of("node_id", "raft_address", "members", "snapshot_interval"));
    JsonNode list = json.get("members");
    if (list == null || !list.isArray()) {
      throw new ConfigException(file + ": \"members\" must be a list of {id, address, pub_key}");
    }
    try {
      List<Member> members = new ArrayList<>();
      for (JsonNode m : list) {
        JsonFiles.onlyFields(file, "members[]", m, List.of("id", "address", "pub_key"));
        byte[] key;
        try {
          key = Base64.getDecoder().decode(JsonFiles.text(file, m, "pub_key"));
        } catch (IllegalArgumentException e) {
          throw new ConfigException(file + ": a member's pub_key is not base64");
        }
        members.add(
            new Member(JsonFiles.text(file, m, "id"), JsonFiles.text(file, m, "address"), key));
      }
      long interval =
          json.has("snapshot_interval")
              ? JsonFiles.integer(file, json, "snapshot_interval")
              : DEFAULT_SNAPSHOT_INTERVAL;
      return new NetworkConfig(
          JsonFiles.text(file, json, "node_id"),
          JsonFiles.text(file, json, "raft_address"),
          members,
          interval);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
  }

  public void write(Path file) throws IOException {
    ObjectNode json = JsonFiles.MAPPER.createObjectNode();
    json.put("node_id", nodeId);
    json.put("raft_address", raftAddress);
    ArrayNode list = json.putArray("members");
    for (Member m : members) {
      list.addObject()
          .put("id", m.id())
          .put("address", m.address())
          .put("pub_key", Base64.getEncoder().encodeToString(m.pubKey()));
    }
    json.put("snapshot_interval", snapshotInterval);
    JsonFiles.write(file, json, false);
  }
}
