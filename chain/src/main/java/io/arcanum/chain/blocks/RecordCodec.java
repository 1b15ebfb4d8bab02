package io.arcanum.chain.blocks;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.abci.EventAttribute;
import io.arcanum.chain.abci.TxResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The block store's record encodings: protobuf wire format with the field numbers below, so any
 * protobuf reader can decode them and fields can be added later (docs/chain.md "Block store").
 *
 * <pre>
 * message BlockRecord { uint64 height = 1; int64 time_nanos = 2; string chain_id = 3;
 *   bytes proposer = 4; repeated bytes tx_hashes = 5; bytes app_hash = 6;
 *   bytes last_app_hash = 7; repeated tendermint.abci.Event events = 8; }
 * message TxRecord { bytes hash = 1; uint64 height = 2; uint32 index = 3; int64 time_nanos = 4;
 *   bytes tx = 5; TxResult result = 6; }
 * message TxResult { uint32 code = 1; string codespace = 2; string log = 3; bytes data = 4;
 *   int64 gas_wanted = 5; int64 gas_used = 6; repeated tendermint.abci.Event events = 7; }
 * </pre>
 */
final class RecordCodec {
  private RecordCodec() {}

  static byte[] encode(BlockRecord block) {
    return write(
        out -> {
          out.writeUInt64(1, block.height());
          out.writeInt64(2, block.timeNanos());
          out.writeString(3, block.chainId());
          out.writeBytes(4, ByteString.copyFrom(block.proposer()));
          for (byte[] hash : block.txHashes()) {
            out.writeBytes(5, ByteString.copyFrom(hash));
          }
          out.writeBytes(6, ByteString.copyFrom(block.appHash()));
          out.writeBytes(7, ByteString.copyFrom(block.lastAppHash()));
          for (Event event : block.events()) {
            out.writeBytes(8, event(event).toByteString());
          }
        });
  }

  static BlockRecord decodeBlock(byte[] bytes) {
    long height = 0;
    long time = 0;
    String chainId = "";
    byte[] proposer = new byte[0];
    List<byte[]> hashes = new ArrayList<>();
    byte[] appHash = new byte[0];
    byte[] lastAppHash = new byte[0];
    List<Event> events = new ArrayList<>();
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (WireFormat.getTagFieldNumber(tag)) {
          case 1 -> height = in.readUInt64();
          case 2 -> time = in.readInt64();
          case 3 -> chainId = in.readString();
          case 4 -> proposer = in.readByteArray();
          case 5 -> hashes.add(in.readByteArray());
          case 6 -> appHash = in.readByteArray();
          case 7 -> lastAppHash = in.readByteArray();
          case 8 -> events.add(event(in.readBytes()));
          default -> in.skipField(tag);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("corrupt block record", e);
    }
    return new BlockRecord(height, time, chainId, proposer, hashes, appHash, lastAppHash, events);
  }

  static byte[] encode(TxRecord tx) {
    return write(
        out -> {
          out.writeBytes(1, ByteString.copyFrom(tx.hash()));
          out.writeUInt64(2, tx.height());
          out.writeUInt32(3, tx.index());
          out.writeInt64(4, tx.timeNanos());
          out.writeBytes(5, ByteString.copyFrom(tx.tx()));
          out.writeBytes(6, ByteString.copyFrom(encode(tx.result())));
        });
  }

  static TxRecord decodeTx(byte[] bytes) {
    byte[] hash = new byte[0];
    long height = 0;
    int index = 0;
    long time = 0;
    byte[] tx = new byte[0];
    TxResult result = null;
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (WireFormat.getTagFieldNumber(tag)) {
          case 1 -> hash = in.readByteArray();
          case 2 -> height = in.readUInt64();
          case 3 -> index = in.readUInt32();
          case 4 -> time = in.readInt64();
          case 5 -> tx = in.readByteArray();
          case 6 -> result = decodeResult(in.readByteArray());
          default -> in.skipField(tag);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("corrupt tx record", e);
    }
    return new TxRecord(hash, height, index, time, tx, result);
  }

  static byte[] encode(TxResult result) {
    return write(
        out -> {
          out.writeUInt32(1, result.code());
          out.writeString(2, result.codespace());
          out.writeString(3, result.log());
          out.writeBytes(4, ByteString.copyFrom(result.data()));
          out.writeInt64(5, result.gasWanted());
          out.writeInt64(6, result.gasUsed());
          for (Event event : result.events()) {
            out.writeBytes(7, event(event).toByteString());
          }
        });
  }

  static TxResult decodeResult(byte[] bytes) throws IOException {
    int code = 0;
    String codespace = "";
    String log = "";
    byte[] data = new byte[0];
    long gasWanted = 0;
    long gasUsed = 0;
    List<Event> events = new ArrayList<>();
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> code = in.readUInt32();
        case 2 -> codespace = in.readString();
        case 3 -> log = in.readString();
        case 4 -> data = in.readByteArray();
        case 5 -> gasWanted = in.readInt64();
        case 6 -> gasUsed = in.readInt64();
        case 7 -> events.add(event(in.readBytes()));
        default -> in.skipField(tag);
      }
    }
    return new TxResult(code, codespace, log, data, gasWanted, gasUsed, events);
  }

  private static io.arcanum.proto.tendermint.abci.Event event(Event event) {
    io.arcanum.proto.tendermint.abci.Event.Builder b =
        io.arcanum.proto.tendermint.abci.Event.newBuilder().setType(event.type());
    for (EventAttribute a : event.attributes()) {
      b.addAttributes(
          io.arcanum.proto.tendermint.abci.EventAttribute.newBuilder()
              .setKey(a.key())
              .setValue(a.value())
              .setIndex(a.index()));
    }
    return b.build();
  }

  private static Event event(ByteString bytes) throws IOException {
    io.arcanum.proto.tendermint.abci.Event e =
        io.arcanum.proto.tendermint.abci.Event.parseFrom(bytes);
    List<EventAttribute> attributes = new ArrayList<>();
    for (io.arcanum.proto.tendermint.abci.EventAttribute a : e.getAttributesList()) {
      attributes.add(new EventAttribute(a.getKey(), a.getValue(), a.getIndex()));
    }
    return new Event(e.getType(), attributes);
  }

  @FunctionalInterface
  private interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] write(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      writer.write(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
