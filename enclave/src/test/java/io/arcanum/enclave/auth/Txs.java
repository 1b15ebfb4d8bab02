package io.arcanum.enclave.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.bip32.HdWallet;
import io.arcanum.crypto.bip39.Mnemonic;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import io.arcanum.enclave.api.Coin;
import io.arcanum.enclave.api.SigInfo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Builds real signed Cosmos txs for the tests, independently of the code under test: protobuf via
 * {@link ProtoWriter}, amino JSON via Jackson, signatures with the crypto module's secp256k1.
 * Accounts are LocalSecret's public test accounts a and b (secretjs-api.md §8).
 */
public final class Txs {
  static final String PREFIX = "secret";
  static final String CHAIN_ID = "secretdev-1";
  public static final Secp256k1PrivateKey A =
      account(
          "grant rice replace explain federal release fix clever romance raise often wild taxi"
              + " quarter soccer fiber love must tape steak together observe swap guitar");
  public static final Secp256k1PrivateKey B =
      account(
          "jelly shadow frog dirt dragon use armed praise universe win jungle close inmate rain"
              + " oil canvas beauty pioneer chef soccer icon dizzy thunder meadow");

  /** The first contract a instantiates on LocalSecret (secretjs-api.md §5). */
  static final byte[] CONTRACT =
      HexFormat.of().parseHex("da6de9eb785611af8a7c96f38b36f533fb4c893a");

  static final String EXECUTE_URL = "/secret.compute.v1beta1.MsgExecuteContract";
  static final String INSTANTIATE_URL = "/secret.compute.v1beta1.MsgInstantiateContract";
  static final String MIGRATE_URL = "/secret.compute.v1beta1.MsgMigrateContract";
  static final String UPDATE_ADMIN_URL = "/secret.compute.v1beta1.MsgUpdateAdmin";
  static final String CLEAR_ADMIN_URL = "/secret.compute.v1beta1.MsgClearAdmin";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private Txs() {}

  private static Secp256k1PrivateKey account(String mnemonic) {
    return HdWallet.secretAccountKey(Mnemonic.parse(mnemonic), 0);
  }

  public static byte[] address(Secp256k1PrivateKey key) {
    return CosmosAddress.fromPublicKey(key.publicKey()).bytes();
  }

  public static String bech32(byte[] address) {
    return new CosmosAddress(address).toBech32(PREFIX);
  }

  static SenderAuthenticator authenticator() {
    return new SenderAuthenticator(PREFIX);
  }

  /** An envelope-shaped input: 32-byte nonce, 32-byte pk, then a tag and ciphertext. */
  static byte[] envelope(Random random) {
    byte[] input = new byte[82 + random.nextInt(100)];
    random.nextBytes(input);
    return input;
  }

  // ---- protobuf ----

  static byte[] any(String typeUrl, byte[] value) {
    return new ProtoWriter().string(1, typeUrl).bytes(2, value).toByteArray();
  }

  static byte[] pubKeyAny(Secp256k1PublicKey key) {
    return any(
        "/cosmos.crypto.secp256k1.PubKey",
        new ProtoWriter().bytes(1, key.compressed()).toByteArray());
  }

  private static void coins(ProtoWriter w, int field, List<Coin> funds) {
    for (Coin coin : funds) {
      w.message(field, new ProtoWriter().string(1, coin.denom()).string(2, coin.amount()));
    }
  }

  public static byte[] executeAny(byte[] sender, byte[] contract, byte[] msg, List<Coin> funds) {
    ProtoWriter w = new ProtoWriter().bytes(1, sender).bytes(2, contract).bytes(3, msg);
    coins(w, 5, funds);
    return any(EXECUTE_URL, w.toByteArray());
  }

  public static byte[] instantiateAny(
      byte[] sender, long codeId, String label, byte[] initMsg, List<Coin> funds, String admin) {
    ProtoWriter w =
        new ProtoWriter().bytes(1, sender).varint(3, codeId).string(4, label).bytes(5, initMsg);
    coins(w, 6, funds);
    if (!admin.isEmpty()) {
      w.string(8, admin);
    }
    return any(INSTANTIATE_URL, w.toByteArray());
  }

  public static byte[] migrateAny(byte[] sender, byte[] contract, long codeId, byte[] msg) {
    ProtoWriter w =
        new ProtoWriter()
            .string(1, bech32(sender))
            .string(2, bech32(contract))
            .varint(3, codeId)
            .bytes(4, msg);
    return any(MIGRATE_URL, w.toByteArray());
  }

  /** MsgUpdateAdmin{1 sender, 2 new_admin, 3 contract} (strings, secretjs-api.md §5). */
  public static byte[] updateAdminAny(byte[] sender, byte[] contract, String newAdmin) {
    ProtoWriter w =
        new ProtoWriter().string(1, bech32(sender)).string(2, newAdmin).string(3, bech32(contract));
    return any(UPDATE_ADMIN_URL, w.toByteArray());
  }

  /** MsgClearAdmin{1 sender, 3 contract}. */
  public static byte[] clearAdminAny(byte[] sender, byte[] contract) {
    ProtoWriter w = new ProtoWriter().string(1, bech32(sender)).string(3, bech32(contract));
    return any(CLEAR_ADMIN_URL, w.toByteArray());
  }

  public static byte[] body(byte[]... messages) {
    ProtoWriter w = new ProtoWriter();
    for (byte[] message : messages) {
      w.bytes(1, message);
    }
    return w.toByteArray();
  }

  /** AuthInfo with one single-mode SignerInfo per key and secretjs's fee for 200 000 gas. */
  static byte[] authInfo(int mode, Secp256k1PublicKey... signers) {
    ProtoWriter w = new ProtoWriter();
    for (Secp256k1PublicKey key : signers) {
      w.message(
          1,
          new ProtoWriter()
              .bytes(1, pubKeyAny(key))
              .message(2, new ProtoWriter().message(1, new ProtoWriter().varint(1, mode))));
    }
    w.bytes(2, HexFormat.of().parseHex("0a0e0a0575736372741205323030303010c09a0c"));
    return w.toByteArray();
  }

  static byte[] signDoc(byte[] body, byte[] authInfo) {
    return new ProtoWriter()
        .bytes(1, body)
        .bytes(2, authInfo)
        .string(3, CHAIN_ID)
        .varint(4, 7)
        .toByteArray();
  }

  static byte[] txRaw(byte[] body, byte[] authInfo, byte[]... signatures) {
    ProtoWriter w = new ProtoWriter().bytes(1, body).bytes(2, authInfo);
    for (byte[] signature : signatures) {
      w.bytes(3, signature);
    }
    return w.toByteArray();
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] signSha256(Secp256k1PrivateKey key, byte[] signBytes) {
    return key.sign(sha256(signBytes)).bytes();
  }

  /** A SIGN_MODE_DIRECT tx with {@code key} as its only signer. */
  public static SigInfo direct(Secp256k1PrivateKey key, byte[] body) {
    byte[] authInfo = authInfo(SigInfo.SIGN_MODE_DIRECT, key.publicKey());
    byte[] doc = signDoc(body, authInfo);
    byte[] signature = signSha256(key, doc);
    return new SigInfo(
        txRaw(body, authInfo, signature),
        doc,
        SigInfo.SIGN_MODE_DIRECT,
        pubKeyAny(key.publicKey()),
        signature,
        null);
  }

  // ---- amino JSON ----

  private static List<Map<String, String>> aminoCoins(List<Coin> funds) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Coin coin : funds) {
      out.add(Map.of("denom", coin.denom(), "amount", coin.amount()));
    }
    return out;
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static Map<String, Object> aminoMsg(String type, Map<String, Object> value) {
    Map<String, Object> msg = new LinkedHashMap<>();
    msg.put("type", type);
    msg.put("value", value);
    return msg;
  }

  /** As secretjs 1.22.1 writes it: addresses as base64 of the raw bytes. */
  static Map<String, Object> aminoExecute(
      byte[] sender, byte[] contract, byte[] msg, List<Coin> funds) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("sender", b64(sender));
    value.put("contract", b64(contract));
    value.put("msg", b64(msg));
    value.put("sent_funds", aminoCoins(funds));
    return aminoMsg("wasm/MsgExecuteContract", value);
  }

  static Map<String, Object> aminoInstantiate(
      byte[] sender, long codeId, String label, byte[] initMsg, List<Coin> funds, String admin) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("sender", b64(sender));
    value.put("code_id", Long.toString(codeId));
    value.put("label", label);
    value.put("init_msg", b64(initMsg));
    value.put("init_funds", aminoCoins(funds));
    if (!admin.isEmpty()) {
      value.put("admin", admin);
    }
    return aminoMsg("wasm/MsgInstantiateContract", value);
  }

  /** As secretjs 1.22.1 writes it: addresses as bech32. */
  static Map<String, Object> aminoMigrate(byte[] sender, byte[] contract, long codeId, byte[] msg) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("sender", bech32(sender));
    value.put("contract", bech32(contract));
    value.put("code_id", Long.toString(codeId));
    value.put("msg", b64(msg));
    return aminoMsg("wasm/MsgMigrateContract", value);
  }

  /** As secretjs 1.22.1 writes it: {@code {sender, new_admin, contract}}, all bech32. */
  static Map<String, Object> aminoUpdateAdmin(byte[] sender, byte[] contract, String newAdmin) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("sender", bech32(sender));
    value.put("new_admin", newAdmin);
    value.put("contract", bech32(contract));
    return aminoMsg("wasm/MsgUpdateAdmin", value);
  }

  static Map<String, Object> aminoClearAdmin(byte[] sender, byte[] contract) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("sender", bech32(sender));
    value.put("contract", bech32(contract));
    return aminoMsg("wasm/MsgClearAdmin", value);
  }

  static byte[] stdSignDoc(List<Map<String, Object>> msgs) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("account_number", "7");
    doc.put("chain_id", CHAIN_ID);
    doc.put(
        "fee",
        Map.of("amount", List.of(Map.of("denom", "uscrt", "amount", "5000")), "gas", "200000"));
    doc.put("memo", "");
    doc.put("msgs", msgs);
    doc.put("sequence", "0");
    try {
      return JSON.writeValueAsBytes(doc);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** A LEGACY_AMINO_JSON tx: the amino msgs are signed, the protobuf body is broadcast. */
  static SigInfo amino(Secp256k1PrivateKey key, byte[] body, List<Map<String, Object>> msgs) {
    byte[] authInfo = authInfo(SigInfo.SIGN_MODE_LEGACY_AMINO_JSON, key.publicKey());
    byte[] json = stdSignDoc(msgs);
    byte[] signature = signSha256(key, json);
    return new SigInfo(
        txRaw(body, authInfo, signature),
        json,
        SigInfo.SIGN_MODE_LEGACY_AMINO_JSON,
        pubKeyAny(key.publicKey()),
        signature,
        null);
  }

  /** The EIP-191 personal message MetaMask signs: prefix, decimal length, then the JSON. */
  static byte[] personalMessage(byte[] json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        ("\u0019Ethereum Signed Message:\n" + json.length).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(json);
    return out.toByteArray();
  }

  static byte[] keccak256(byte[] data) {
    KeccakDigest keccak = new KeccakDigest(256);
    keccak.update(data, 0, data.length);
    byte[] out = new byte[32];
    keccak.doFinal(out, 0);
    return out;
  }

  /**
   * A SIGN_MODE_EIP_191 tx (MetaMaskWallet): Keccak-256 over the personal message of the
   * pretty-printed StdSignDoc. {@code prefixedSignBytes} chooses whether SigInfo's sign bytes hold
   * the whole personal message (as Secret's node passes them) or the bare JSON.
   */
  static SigInfo eip191(
      Secp256k1PrivateKey key,
      byte[] body,
      List<Map<String, Object>> msgs,
      boolean prefixedSignBytes) {
    byte[] authInfo = authInfo(SigInfo.SIGN_MODE_EIP_191, key.publicKey());
    byte[] json;
    try {
      json =
          JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.readTree(stdSignDoc(msgs)));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    byte[] message = personalMessage(json);
    byte[] signature = key.sign(keccak256(message)).bytes();
    return new SigInfo(
        txRaw(body, authInfo, signature),
        prefixedSignBytes ? message : json,
        SigInfo.SIGN_MODE_EIP_191,
        pubKeyAny(key.publicKey()),
        signature,
        null);
  }
}
