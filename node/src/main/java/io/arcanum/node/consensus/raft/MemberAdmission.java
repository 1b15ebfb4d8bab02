package io.arcanum.node.consensus.raft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.crypto.ed25519.Ed25519PublicKey;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.JsonFiles;
import io.arcanum.node.home.NetworkConfig;
import io.arcanum.node.home.NodeKey;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A member operator's permission for a node to join the Raft group (docs/network.md § Adding a
 * member): names the chain, the new node's Raft id and address, its node key and the registration
 * key its enclave registered with on chain, and is signed by the node key of a member. The leader
 * admits the node only if the signer is one of the members its {@code network.json} lists and the
 * registration key holds an encrypted seed on chain — so reaching a Raft port is not enough to
 * join, and a node without a genuine, registered enclave is never added.
 *
 * <p>Signed bytes: {@code "arcanum member admission v1" ‖ for each of chain id, node id, address,
 * node key, registration key: u16 length ‖ bytes}.
 */
public record MemberAdmission(
    String chainId,
    String nodeId,
    String raftAddress,
    byte[] nodeKey,
    byte[] registrationKey,
    byte[] signer,
    byte[] signature) {

  private static final String DOMAIN = "arcanum member admission v1";
  private static final List<String> FIELDS =
      List.of(
          "chain_id",
          "node_id",
          "raft_address",
          "node_key",
          "registration_key",
          "signer",
          "signature");

  public MemberAdmission {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(raftAddress, "raftAddress");
    nodeKey = exact("node_key", nodeKey, 32);
    registrationKey = exact("registration_key", registrationKey, 32);
    signer = exact("signer", signer, 32);
    signature = exact("signature", signature, 64);
  }

  private static byte[] exact(String field, byte[] value, int length) {
    if (value == null || value.length != length) {
      throw new IllegalArgumentException(field + " must be " + length + " bytes");
    }
    return value.clone();
  }

  /** Signs an admission with a member's node key. */
  public static MemberAdmission sign(
      String chainId,
      String nodeId,
      String raftAddress,
      byte[] nodeKey,
      byte[] registrationKey,
      NodeKey member) {
    byte[] message = signedBytes(chainId, nodeId, raftAddress, nodeKey, registrationKey);
    return new MemberAdmission(
        chainId,
        nodeId,
        raftAddress,
        nodeKey,
        registrationKey,
        member.publicKey().bytes(),
        member.sign(message));
  }

  static byte[] signedBytes(
      String chainId, String nodeId, String address, byte[] nodeKey, byte[] registrationKey) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(DOMAIN.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      for (byte[] field :
          List.of(
              chainId.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              nodeId.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              address.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              nodeKey,
              registrationKey)) {
        BlockProposal.writeShortBytes(out, field);
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Why the leader must refuse this admission, or {@code null} if its signature is valid and by one
   * of {@code members} for {@code chainId}.
   */
  public String refusal(String expectedChainId, List<NetworkConfig.Member> members) {
    if (!chainId.equals(expectedChainId)) {
      return "the admission is for chain " + chainId + ", not " + expectedChainId;
    }
    boolean known = members.stream().anyMatch(m -> java.util.Arrays.equals(m.pubKey(), signer));
    if (!known) {
      return "the admission is not signed by a member's node key";
    }
    byte[] message = signedBytes(chainId, nodeId, raftAddress, nodeKey, registrationKey);
    if (!new Ed25519PublicKey(signer).isValid(message, signature)) {
      return "the admission's signature does not verify";
    }
    return null;
  }

  public byte[] toJsonBytes() {
    Base64.Encoder b64 = Base64.getEncoder();
    ObjectNode json = JsonFiles.MAPPER.createObjectNode();
    json.put("chain_id", chainId);
    json.put("node_id", nodeId);
    json.put("raft_address", raftAddress);
    json.put("node_key", b64.encodeToString(nodeKey));
    json.put("registration_key", b64.encodeToString(registrationKey));
    json.put("signer", b64.encodeToString(signer));
    json.put("signature", b64.encodeToString(signature));
    try {
      return JsonFiles.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @throws IllegalArgumentException naming the malformed field
   */
  public static MemberAdmission fromJsonBytes(byte[] bytes) {
    JsonNode json;
    try {
      json = JsonFiles.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("the admission is not JSON: " + e.getMessage());
    }
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("the admission must be a JSON object");
    }
    for (String field : FIELDS) {
      if (!json.path(field).isTextual()) {
        throw new IllegalArgumentException("the admission's \"" + field + "\" is missing");
      }
    }
    Base64.Decoder b64 = Base64.getDecoder();
    try {
      return new MemberAdmission(
          json.get("chain_id").asText(),
          json.get("node_id").asText(),
          json.get("raft_address").asText(),
          b64.decode(json.get("node_key").asText()),
          b64.decode(json.get("registration_key").asText()),
          b64.decode(json.get("signer").asText()),
          b64.decode(json.get("signature").asText()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the admission is malformed: " + e.getMessage());
    }
  }

  /** Reads {@code config/admission.json}. */
  public static MemberAdmission read(Path file) throws ConfigException {
    try {
      return fromJsonBytes(java.nio.file.Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
  }
}
