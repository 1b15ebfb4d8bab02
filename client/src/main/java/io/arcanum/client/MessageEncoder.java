package io.arcanum.client;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.client.encryption.EncryptionUtils;
import io.arcanum.client.lcd.LcdClient;
import io.arcanum.client.wallet.Wallet;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.bech32.InvalidBech32Exception;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.cosmos.bank.v1beta1.MsgSend;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Turns {@link TxMsg}s into the proto messages secret.js 1.22.1 sends (secretjs-api.md §5): compute
 * senders and contracts as 20 raw bytes, contract messages encrypted for their code hash (looked up
 * and cached when not given), only the fields secret.js sets.
 */
final class MessageEncoder {
  private final LcdClient lcd;
  private final EncryptionUtils encryption;
  private final String prefix;

  MessageEncoder(LcdClient lcd, EncryptionUtils encryption, String prefix) {
    this.lcd = lcd;
    this.encryption = encryption;
    this.prefix = prefix;
  }

  Any encode(TxMsg msg, Wallet sender) {
    ByteString senderBytes = ByteString.copyFrom(sender.accountAddress().bytes());
    return switch (msg) {
      case StoreCode store ->
          ProtoTypes.pack(
              MsgStoreCode.newBuilder()
                  .setSender(senderBytes)
                  .setWasmByteCode(ByteString.copyFrom(gzipped(store.wasm())))
                  .setSource(store.source())
                  .setBuilder(store.builder())
                  .build());
      case InstantiateContract init -> {
        if (!init.admin().isEmpty()) {
          address(init.admin(), "admin address");
        }
        CodeHash hash = init.codeHash().orElseGet(() -> lcd.codeHashByCodeId(init.codeId()));
        yield ProtoTypes.pack(
            MsgInstantiateContract.newBuilder()
                .setSender(senderBytes)
                .setCodeId(init.codeId())
                .setLabel(init.label())
                .setInitMsg(ByteString.copyFrom(encryption.encrypt(hash.hex(), init.initMsgJson())))
                .addAllInitFunds(init.funds())
                .setAdmin(init.admin())
                .build());
      }
      case ExecuteContract execute -> {
        byte[] contract = address(execute.contractAddress(), "contract address");
        CodeHash hash =
            execute
                .codeHash()
                .orElseGet(() -> lcd.codeHashByContractAddress(execute.contractAddress()));
        yield ProtoTypes.pack(
            MsgExecuteContract.newBuilder()
                .setSender(senderBytes)
                .setContract(ByteString.copyFrom(contract))
                .setMsg(ByteString.copyFrom(encryption.encrypt(hash.hex(), execute.msgJson())))
                .addAllSentFunds(execute.funds())
                .build());
      }
      case BankSend send -> {
        address(send.toAddress(), "recipient address");
        yield ProtoTypes.pack(
            MsgSend.newBuilder()
                .setFromAddress(sender.address())
                .setToAddress(send.toAddress())
                .addAllAmount(send.amount())
                .build());
      }
      case AnyMsg any -> any.message();
    };
  }

  /**
   * The 20 bytes of a bech32 address of this client's prefix.
   *
   * @throws IllegalArgumentException naming {@code what} and the rule it breaks
   */
  byte[] address(String text, String what) {
    try {
      return CosmosAddress.parse(prefix, text).bytes();
    } catch (InvalidBech32Exception e) {
      throw new IllegalArgumentException(what + " '" + text + "' is invalid: " + e.getMessage(), e);
    }
  }

  /** gzip magic {@code 1f 8b 08} (secretjs-api.md §5). */
  static boolean isGzip(byte[] wasm) {
    return wasm.length >= 3
        && (wasm[0] & 0xff) == 0x1f
        && (wasm[1] & 0xff) == 0x8b
        && (wasm[2] & 0xff) == 0x08;
  }

  static byte[] gzipped(byte[] wasm) {
    if (isGzip(wasm)) {
      return wasm;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(wasm.length / 2 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(wasm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The code hash the node will compute: SHA-256 of the inflated wasm. */
  static CodeHash codeHash(byte[] wasm) {
    if (!isGzip(wasm)) {
      return CodeHash.of(wasm);
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(wasm))) {
      return CodeHash.of(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "wasm starts like gzip but does not inflate: " + e.getMessage(), e);
    }
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
