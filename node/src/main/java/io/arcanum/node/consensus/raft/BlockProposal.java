package io.arcanum.node.consensus.raft;

import io.arcanum.chain.abci.Block;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One Raft log entry: the block the leader proposes and the app hash of the block before it, which
 * every node compares with its own before executing (a node that differs stops, naming the height).
 *
 * <p>Bytes: {@code "ARCB" ‖ u8 version=1 ‖ i64 height ‖ i64 time_nanos ‖ u16 len ‖ proposer ‖ u16
 * len ‖ last_app_hash ‖ i32 count ‖ count × (i32 len ‖ tx)}, big-endian.
 */
record BlockProposal(Block block, byte[] lastAppHash) {
  private static final int MAGIC = 0x41524342; // "ARCB"
  private static final int VERSION = 1;

  BlockProposal {
    lastAppHash = lastAppHash.clone();
  }

  @Override
  public byte[] lastAppHash() {
    return lastAppHash.clone();
  }

  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeByte(VERSION);
      out.writeLong(block.height());
      out.writeLong(block.timeNanos());
      writeShortBytes(out, block.proposer());
      writeShortBytes(out, lastAppHash);
      List<byte[]> txs = block.txs();
      out.writeInt(txs.size());
      for (byte[] tx : txs) {
        out.writeInt(tx.length);
        out.write(tx);
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * @throws IllegalArgumentException naming what is malformed
   */
  static BlockProposal decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != MAGIC || in.readUnsignedByte() != VERSION) {
        throw new IllegalArgumentException("not an Arcanum block proposal (version 1)");
      }
      long height = in.readLong();
      long time = in.readLong();
      byte[] proposer = readShortBytes(in);
      byte[] lastAppHash = readShortBytes(in);
      int count = in.readInt();
      if (count < 0 || count > bytes.length / 4) {
        throw new IllegalArgumentException("block proposal names " + count + " txs");
      }
      List<byte[]> txs = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
          throw new IllegalArgumentException("tx " + i + " of the proposal is cut short");
        }
        txs.add(in.readNBytes(length));
      }
      if (in.available() != 0) {
        throw new IllegalArgumentException("trailing bytes after the proposal's txs");
      }
      return new BlockProposal(new Block(height, time, proposer, txs), lastAppHash);
    } catch (IOException e) {
      throw new IllegalArgumentException("block proposal is cut short", e);
    }
  }

  static void writeShortBytes(DataOutputStream out, byte[] value) throws IOException {
    out.writeShort(value.length);
    out.write(value);
  }

  static byte[] readShortBytes(DataInputStream in) throws IOException {
    int length = in.readUnsignedShort();
    if (length > in.available()) {
      throw new IOException("field cut short");
    }
    return in.readNBytes(length);
  }
}
