package io.arcanum.node.rest.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.util.Timestamps;
import io.arcanum.chain.blocks.BlockRecord;
import io.arcanum.chain.blocks.TxRecord;
import io.arcanum.crypto.bech32.Bech32;
import io.arcanum.node.rest.NodeIdentity;
import io.arcanum.node.rest.http.RestJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * A committed block in the shape of {@code cosmos.base.tendermint.v1beta1} {@code GetBlockByHeight}
 * (CometBFT's {@code Block} in {@code block}, the SDK's with a bech32 proposer in {@code
 * sdk_block}), gateway conventions: 64-bit integers as strings, bytes as base64, empty bytes {@code
 * null}, time in RFC 3339.
 *
 * <p>What a solo node has, it gives: height, time, chain id, the app hash of the previous block
 * (CometBFT's header carries that one), {@code data_hash} as CometBFT computes it (Merkle root of
 * the tx hashes) and the txs. There are no votes, validator sets or evidence, so those hashes are
 * null and {@code last_commit} has no signatures. {@code block_id.hash} is Arcanum's own block id,
 * SHA-256 over the header fields it has (not CometBFT's header hash); {@code last_block_id} is the
 * previous block's.
 */
final class BlockJson {
  /** CometBFT 0.38's block protocol version. */
  static final String BLOCK_PROTOCOL = "11";

  private BlockJson() {}

  /**
   * @param previous the block before, if {@code block} is not the first
   */
  static ObjectNode response(
      BlockRecord block, BlockRecord previous, List<TxRecord> txs, NodeIdentity node) {
    ObjectNode out = RestJson.object();
    out.set("block_id", blockId(id(block)));
    out.set("block", block(block, previous, txs, node, false));
    out.set("sdk_block", block(block, previous, txs, node, true));
    return out;
  }

  private static ObjectNode block(
      BlockRecord block, BlockRecord previous, List<TxRecord> txs, NodeIdentity node, boolean sdk) {
    ObjectNode out = RestJson.object();
    ObjectNode header = out.putObject("header");
    ObjectNode version = header.putObject("version");
    version.put("block", BLOCK_PROTOCOL);
    version.put("app", "0");
    header.put("chain_id", block.chainId());
    header.put("height", Long.toString(block.height()));
    header.put("time", Timestamps.toString(Timestamps.fromNanos(block.timeNanos())));
    header.set("last_block_id", blockId(previous == null ? null : id(previous)));
    header.putNull("last_commit_hash");
    bytes(header, "data_hash", dataHash(block.txHashes()));
    header.putNull("validators_hash");
    header.putNull("next_validators_hash");
    header.putNull("consensus_hash");
    bytes(header, "app_hash", block.lastAppHash());
    header.putNull("last_results_hash");
    header.putNull("evidence_hash");
    byte[] proposer = block.proposer().length > 0 ? block.proposer() : node.validatorAddress();
    if (sdk) {
      header.put("proposer_address", Bech32.encodeBytes(node.bech32Prefix() + "valcons", proposer));
    } else {
      bytes(header, "proposer_address", proposer);
    }
    ArrayNode data = out.putObject("data").putArray("txs");
    for (TxRecord tx : txs) {
      data.add(Base64.getEncoder().encodeToString(tx.tx()));
    }
    out.putObject("evidence").putArray("evidence");
    ObjectNode lastCommit = out.putObject("last_commit");
    lastCommit.put("height", Long.toString(block.height() - 1));
    lastCommit.put("round", 0);
    lastCommit.set("block_id", blockId(previous == null ? null : id(previous)));
    lastCommit.putArray("signatures");
    return out;
  }

  private static ObjectNode blockId(byte[] hash) {
    ObjectNode out = RestJson.object();
    bytes(out, "hash", hash);
    ObjectNode parts = out.putObject("part_set_header");
    parts.put("total", 0);
    parts.putNull("hash");
    return out;
  }

  private static void bytes(ObjectNode node, String field, byte[] value) {
    if (value == null || value.length == 0) {
      node.putNull(field);
    } else {
      node.put(field, Base64.getEncoder().encodeToString(value));
    }
  }

  /** Arcanum's block id: SHA-256 of the header fields a solo block has. */
  static byte[] id(BlockRecord block) {
    MessageDigest sha = sha256();
    sha.update("arcanum/block-id/v1".getBytes(StandardCharsets.US_ASCII));
    byte[] chainId = block.chainId().getBytes(StandardCharsets.UTF_8);
    sha.update(ByteBuffer.allocate(4).putInt(chainId.length).array());
    sha.update(chainId);
    sha.update(ByteBuffer.allocate(16).putLong(block.height()).putLong(block.timeNanos()).array());
    sha.update(dataHash(block.txHashes()));
    byte[] lastAppHash = block.lastAppHash();
    sha.update(ByteBuffer.allocate(4).putInt(lastAppHash.length).array());
    sha.update(lastAppHash);
    sha.update(block.appHash());
    return sha.digest();
  }

  /**
   * CometBFT's {@code Txs.Hash}: the RFC 6962 Merkle root of the tx hashes (leaf {@code
   * SHA-256(0x00 ‖ hash)}, inner node {@code SHA-256(0x01 ‖ left ‖ right)}, split at the largest
   * power of two below the count; SHA-256 of nothing for no txs).
   */
  static byte[] dataHash(List<byte[]> txHashes) {
    if (txHashes.isEmpty()) {
      return sha256().digest();
    }
    return merkle(txHashes, 0, txHashes.size());
  }

  private static byte[] merkle(List<byte[]> leaves, int from, int to) {
    MessageDigest sha = sha256();
    if (to - from == 1) {
      sha.update((byte) 0);
      sha.update(leaves.get(from));
      return sha.digest();
    }
    int split = Integer.highestOneBit(to - from - 1);
    byte[] left = merkle(leaves, from, from + split);
    byte[] right = merkle(leaves, from + split, to);
    sha.update((byte) 1);
    sha.update(left);
    sha.update(right);
    return sha.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
