package io.arcanum.chain.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.bip32.HdWallet;
import io.arcanum.crypto.bip39.Mnemonic;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.cosmos.bank.v1beta1.MsgSend;
import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import io.arcanum.proto.cosmos.crypto.secp256k1.PubKey;
import io.arcanum.proto.cosmos.tx.signing.v1beta1.SignMode;
import io.arcanum.proto.cosmos.tx.v1beta1.AuthInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.Fee;
import io.arcanum.proto.cosmos.tx.v1beta1.ModeInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.SignDoc;
import io.arcanum.proto.cosmos.tx.v1beta1.SignerInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.TxBody;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Signed txs for the chain tests, built independently of the code under test: protobuf through the
 * generated builders, the amino sign doc through Jackson's sorted maps, signatures with the crypto
 * module's secp256k1. Keys are LocalSecret's public test accounts (secretjs-api.md §8).
 */
final class TestTxs {
  static final String CHAIN_ID = "secretdev-1";

  static final Secp256k1PrivateKey A =
      key(
          "grant rice replace explain federal release fix clever romance raise often wild taxi"
              + " quarter soccer fiber love must tape steak together observe swap guitar");
  static final Secp256k1PrivateKey B =
      key(
          "jelly shadow frog dirt dragon use armed praise universe win jungle close inmate rain"
              + " oil canvas beauty pioneer chef soccer icon dizzy thunder meadow");
  static final Secp256k1PrivateKey C =
      key(
          "chair love bleak wonder skirt permit say assist aunt credit roast size obtain minute"
              + " throw sand usual age smart exact enough room shadow charge");
  static final Secp256k1PrivateKey D =
      key(
          "word twist toast cloth movie predict advance crumble escape whale sail such angry"
              + " muffin balcony keen move employ cook valve hurt glimpse breeze brick");

  private TestTxs() {}

  static Secp256k1PrivateKey key(String mnemonic) {
    return HdWallet.secretAccountKey(Mnemonic.parse(mnemonic), 0);
  }

  static byte[] address(Secp256k1PrivateKey key) {
    return CosmosAddress.fromPublicKey(key.publicKey()).bytes();
  }

  static String bech32(Secp256k1PrivateKey key) {
    return bech32(address(key));
  }

  static String bech32(byte[] address) {
    return new CosmosAddress(address).toBech32("secret");
  }

  static Coin coin(long amount) {
    return Coin.newBuilder().setDenom("uscrt").setAmount(Long.toString(amount)).build();
  }

  static Any send(Secp256k1PrivateKey from, Secp256k1PrivateKey to, long amount) {
    return send(bech32(from), bech32(to), amount);
  }

  static Any send(String from, String to, long amount) {
    return ProtoTypes.pack(
        MsgSend.newBuilder().setFromAddress(from).setToAddress(to).addAmount(coin(amount)).build());
  }

  /** One of the example contracts' committed binaries ({@code contracts/<name>/<name>.wasm}). */
  static byte[] contractWasm(String name) {
    try {
      return Files.readAllBytes(Path.of("..", "contracts", name, name + ".wasm"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Any storeCode(Secp256k1PrivateKey sender, byte[] wasm) {
    return ProtoTypes.pack(
        MsgStoreCode.newBuilder()
            .setSender(ByteString.copyFrom(address(sender)))
            .setWasmByteCode(ByteString.copyFrom(wasm))
            .build());
  }

  /** As secretjs sends it: fields 1, 3, 4, 5 (and 6 with funds). */
  static Any instantiate(
      Secp256k1PrivateKey sender, long codeId, String label, byte[] initMsg, long funds) {
    MsgInstantiateContract.Builder msg =
        MsgInstantiateContract.newBuilder()
            .setSender(ByteString.copyFrom(address(sender)))
            .setCodeId(codeId)
            .setLabel(label)
            .setInitMsg(ByteString.copyFrom(initMsg));
    if (funds > 0) {
      msg.addInitFunds(coin(funds));
    }
    return ProtoTypes.pack(msg.build());
  }

  /** As secretjs sends it: fields 1, 2, 3 (and 5 with funds). */
  static Any execute(Secp256k1PrivateKey sender, byte[] contract, byte[] msg, long funds) {
    MsgExecuteContract.Builder execute =
        MsgExecuteContract.newBuilder()
            .setSender(ByteString.copyFrom(address(sender)))
            .setContract(ByteString.copyFrom(contract))
            .setMsg(ByteString.copyFrom(msg));
    if (funds > 0) {
      execute.addSentFunds(coin(funds));
    }
    return ProtoTypes.pack(execute.build());
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Tx tx(Secp256k1PrivateKey signer, Any... messages) {
    return new Tx(signer, List.of(messages));
  }

  /** A tx being built; {@link #build} signs it. Defaults: DIRECT, gas 200 000, fee 5 000uscrt. */
  static final class Tx {
    private final Secp256k1PrivateKey signer;
    private final List<Any> messages;
    private String memo = "";
    private long timeoutHeight;
    private long gasLimit = 200_000;
    private List<Coin> fee = List.of(coin(5_000));
    private long sequence;
    private long accountNumber;
    private String chainId = CHAIN_ID;
    private int mode = SignMode.SIGN_MODE_DIRECT_VALUE;
    private boolean includePublicKey = true;
    private final List<Any> extensionOptions = new ArrayList<>();
    private Any publicKeyOverride;

    private Tx(Secp256k1PrivateKey signer, List<Any> messages) {
      this.signer = signer;
      this.messages = messages;
    }

    Tx memo(String value) {
      memo = value;
      return this;
    }

    Tx timeoutHeight(long value) {
      timeoutHeight = value;
      return this;
    }

    Tx gas(long value) {
      gasLimit = value;
      return this;
    }

    Tx fee(long uscrt) {
      fee = List.of(coin(uscrt));
      return this;
    }

    Tx noFee() {
      fee = List.of();
      return this;
    }

    Tx sequence(long value) {
      sequence = value;
      return this;
    }

    Tx accountNumber(long value) {
      accountNumber = value;
      return this;
    }

    Tx chainId(String value) {
      chainId = value;
      return this;
    }

    Tx amino() {
      mode = SignMode.SIGN_MODE_LEGACY_AMINO_JSON_VALUE;
      return this;
    }

    Tx withoutPublicKey() {
      includePublicKey = false;
      return this;
    }

    Tx publicKey(Any key) {
      publicKeyOverride = key;
      return this;
    }

    Tx extensionOption(Any option) {
      extensionOptions.add(option);
      return this;
    }

    TxBody body() {
      return TxBody.newBuilder()
          .addAllMessages(messages)
          .setMemo(memo)
          .setTimeoutHeight(timeoutHeight)
          .addAllExtensionOptions(extensionOptions)
          .build();
    }

    AuthInfo authInfo() {
      SignerInfo.Builder info =
          SignerInfo.newBuilder()
              .setModeInfo(
                  ModeInfo.newBuilder().setSingle(ModeInfo.Single.newBuilder().setModeValue(mode)))
              .setSequence(sequence);
      if (publicKeyOverride != null) {
        info.setPublicKey(publicKeyOverride);
      } else if (includePublicKey) {
        info.setPublicKey(publicKeyAny(signer));
      }
      return AuthInfo.newBuilder()
          .addSignerInfos(info)
          .setFee(Fee.newBuilder().addAllAmount(fee).setGasLimit(gasLimit))
          .build();
    }

    /** The bytes this signer signs. */
    byte[] signBytes(byte[] bodyBytes, byte[] authInfoBytes) {
      if (mode == SignMode.SIGN_MODE_LEGACY_AMINO_JSON_VALUE) {
        return stdSignDoc();
      }
      return SignDoc.newBuilder()
          .setBodyBytes(ByteString.copyFrom(bodyBytes))
          .setAuthInfoBytes(ByteString.copyFrom(authInfoBytes))
          .setChainId(chainId)
          .setAccountNumber(accountNumber)
          .build()
          .toByteArray();
    }

    private byte[] stdSignDoc() {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("account_number", Long.toString(accountNumber));
      doc.put("chain_id", chainId);
      doc.put("fee", Map.of("amount", coins(fee), "gas", Long.toUnsignedString(gasLimit)));
      doc.put("memo", memo);
      List<Object> msgs = new ArrayList<>();
      for (Any message : messages) {
        try {
          MsgSend send = message.unpack(MsgSend.class);
          msgs.add(
              Map.of(
                  "type",
                  "cosmos-sdk/MsgSend",
                  "value",
                  Map.of(
                      "from_address", send.getFromAddress(),
                      "to_address", send.getToAddress(),
                      "amount", coins(send.getAmountList()))));
        } catch (Exception e) {
          throw new AssertionError("the test amino signer knows MsgSend only", e);
        }
      }
      doc.put("msgs", msgs);
      doc.put("sequence", Long.toString(sequence));
      try {
        return json.writeValueAsBytes(doc);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    private static List<Map<String, String>> coins(List<Coin> coins) {
      List<Map<String, String>> out = new ArrayList<>();
      for (Coin c : coins) {
        out.add(Map.of("amount", c.getAmount(), "denom", c.getDenom()));
      }
      return out;
    }

    byte[] build() {
      byte[] body = body().toByteArray();
      byte[] authInfo = authInfo().toByteArray();
      byte[] signature = signer.sign(sha256(signBytes(body, authInfo))).bytes();
      return raw(body, authInfo, signature);
    }

    /** The tx with {@code signature} instead of a real one. */
    byte[] buildWithSignature(byte[] signature) {
      return raw(body().toByteArray(), authInfo().toByteArray(), signature);
    }

    byte[] buildUnsigned() {
      return TxRaw.newBuilder()
          .setBodyBytes(body().toByteString())
          .setAuthInfoBytes(authInfo().toByteString())
          .build()
          .toByteArray();
    }
  }

  static byte[] raw(byte[] body, byte[] authInfo, byte[] signature) {
    return TxRaw.newBuilder()
        .setBodyBytes(ByteString.copyFrom(body))
        .setAuthInfoBytes(ByteString.copyFrom(authInfo))
        .addSignatures(ByteString.copyFrom(signature))
        .build()
        .toByteArray();
  }

  static Any publicKeyAny(Secp256k1PrivateKey key) {
    return Any.newBuilder()
        .setTypeUrl("/cosmos.crypto.secp256k1.PubKey")
        .setValue(
            PubKey.newBuilder()
                .setKey(ByteString.copyFrom(key.publicKey().compressed()))
                .build()
                .toByteString())
        .build();
  }
}
