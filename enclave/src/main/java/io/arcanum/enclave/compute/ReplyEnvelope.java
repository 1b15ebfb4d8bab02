package io.arcanum.enclave.compute;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.crypto.seed.DerivedSecret;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.TxEncryptionKey;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.state.CallbackSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * The reply of a sub-message (protocol.md §10.3). The callee's enclave writes it: {@code Reply{id,
 * result, was_orig_msg_encrypted, is_encrypted}} with {@code id = SIV(tx_key, caller_code_hash ‖
 * decimal(sub_msg_id))}, the result's data and error still encrypted for the sender, and signs it
 * with {@code SHA256(callback_secret ‖ JSON(Reply) ‖ "[]")}. The caller's enclave checks the
 * signature, that the id was made for its own code, and opens what the contract may see.
 *
 * <p>Arcanum signs the exact JSON bytes its enclave wrote and carries no events in the reply, so
 * the host cannot add or alter anything the caller's contract sees.
 *
 * <p>A sub-message no enclave could sign for comes back as a plaintext reply instead ({@link
 * #openPlaintext}), accepted only with the caller enclave's {@link ReplyPermit}.
 */
final class ReplyEnvelope {
  /** Reads what the node wrote: one value per key, nothing after it. */
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private ReplyEnvelope() {}

  /** What the callee's enclave hands out with its result. */
  record Signed(byte[] json, byte[] signature) {}

  /**
   * @param encryptedData the callee's {@code data} as it leaves the enclave (base64), or null
   * @param error the callee's error as it leaves the enclave, or null on success
   */
  static Signed sign(
      ContractInput input,
      ReplyHeader header,
      String encryptedData,
      String error,
      DerivedSecret callbackSecret) {
    byte[] id =
        (header.callerCodeHash().hex() + Long.toUnsignedString(header.subMessageId()))
            .getBytes(StandardCharsets.US_ASCII);
    ObjectNode reply = OutputEncryptor.JSON.createObjectNode();
    reply.put(
        "id", Base64.getEncoder().encodeToString(input.encrypted() ? input.key().seal(id) : id));
    ObjectNode result = reply.putObject("result");
    if (error == null) {
      ObjectNode ok = result.putObject("ok");
      ok.putArray("events");
      ok.put("data", encryptedData);
    } else {
      result.put("error", error);
    }
    reply.put("was_orig_msg_encrypted", input.encrypted());
    reply.put("is_encrypted", input.encrypted());
    byte[] json;
    try {
      json = OutputEncryptor.JSON.writeValueAsBytes(reply);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Signed(json, signature(callbackSecret, json));
  }

  private static byte[] signature(DerivedSecret callbackSecret, byte[] json) {
    return CallbackSignature.sign(callbackSecret, json, "[]");
  }

  /**
   * Checks a reply and returns the {@code Reply} JSON the calling contract sees: {@code
   * {"id":N,"result":{"ok":{"events":[],"data":…}}}} or {@code {"id":N,"result":{"error":…}}}.
   *
   * @param key the sender's tx key when the original message was encrypted, else null
   * @throws EnclaveException UNAUTHORIZED if the signature or the id does not check out
   */
  static byte[] open(
      byte[] json,
      byte[] signature,
      TxEncryptionKey key,
      CodeHash ownCodeHash,
      DerivedSecret callbackSecret)
      throws EnclaveException {
    if (!MessageDigest.isEqual(signature(callbackSecret, json), signature)) {
      throw new EnclaveException(
          Reason.UNAUTHORIZED, "the reply's enclave signature does not match the reply");
    }
    JsonNode reply;
    try {
      reply = OutputEncryptor.JSON.readTree(json);
    } catch (IOException e) {
      throw new EnclaveException(Reason.INVALID_INPUT, "the reply is not JSON");
    }
    boolean encrypted = reply.path("was_orig_msg_encrypted").asBoolean(false);
    if (encrypted != (key != null)) {
      throw new EnclaveException(
          Reason.INVALID_INPUT,
          encrypted
              ? "the reply belongs to an encrypted message but came without its nonce and key"
              : "the reply belongs to a plaintext message");
    }
    try {
      byte[] id = Base64.getDecoder().decode(reply.path("id").asText());
      byte[] plainId = key == null ? id : key.open(id);
      String text = new String(plainId, StandardCharsets.US_ASCII);
      if (text.length() <= CodeHash.HEX_LENGTH
          || !CodeHash.parse(text.substring(0, CodeHash.HEX_LENGTH)).equals(ownCodeHash)) {
        throw new EnclaveException(
            Reason.UNAUTHORIZED, "the reply is addressed to another contract's code");
      }
      long subMessageId = Long.parseUnsignedLong(text.substring(CodeHash.HEX_LENGTH));
      ObjectNode seen = OutputEncryptor.JSON.createObjectNode();
      seen.put("id", subMessageId);
      ObjectNode result = seen.putObject("result");
      JsonNode sent = reply.path("result");
      if (sent.has("error")) {
        String error = sent.path("error").asText();
        if (key != null && error.startsWith("encrypted: ")) {
          byte[] sealed = Base64.getDecoder().decode(error.substring("encrypted: ".length()));
          error = new String(key.open(sealed), StandardCharsets.UTF_8);
        }
        result.put("error", error);
      } else {
        ObjectNode ok = result.putObject("ok");
        ok.putArray("events");
        JsonNode data = sent.path("ok").path("data");
        if (data.isTextual()) {
          byte[] bytes = Base64.getDecoder().decode(data.asText());
          ok.put(
              "data",
              Base64.getEncoder().encodeToString(key == null ? bytes : key.decryptData(bytes)));
        } else {
          ok.putNull("data");
        }
      }
      return OutputEncryptor.JSON.writeValueAsBytes(seen);
    } catch (EnclaveException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new EnclaveException(
          Reason.INVALID_INPUT, "the reply does not open: " + e.getClass().getSimpleName());
    }
  }

  /**
   * Checks a plaintext reply (no enclave signature, {@code is_encrypted: false}) and returns what
   * the calling contract sees, in the same shape as {@link #open}: {@code
   * {"id":N,"result":{"ok":{"events":[],"data":…}}}} or {@code {"id":N,"result":{"error":…}}}. Its
   * {@code id} must be a {@link ReplyPermit} this enclave issued to the contract; a permit for a
   * wasm sub-call admits only an error.
   *
   * @return the Reply the contract sees, with the sender's key and envelope if the permit names
   *     them (the caller owns the key)
   * @throws EnclaveException UNAUTHORIZED for a missing or foreign permit, or a success the
   *     callee's enclave should have signed; INVALID_INPUT for anything malformed
   */
  static Plain openPlaintext(
      byte[] json,
      byte[] ownAddress,
      CodeHash ownCodeHash,
      DerivedSecret callbackSecret,
      X25519PrivateKey ioKey)
      throws EnclaveException {
    JsonNode reply;
    try {
      reply = STRICT.readTree(json);
    } catch (IOException e) {
      throw new EnclaveException(
          Reason.INVALID_INPUT, "a reply without an enclave signature must be the Reply JSON");
    }
    if (reply == null
        || !reply.isObject()
        || !reply.path("id").isTextual()
        || !reply.path("was_orig_msg_encrypted").isBoolean()
        || !reply.path("is_encrypted").isBoolean()
        || !reply.path("result").isObject()
        || reply.get("result").size() != 1
        || reply.size() != 4) {
      throw new EnclaveException(
          Reason.INVALID_INPUT,
          "a plaintext reply must be {\"id\",\"result\",\"was_orig_msg_encrypted\","
              + "\"is_encrypted\"}");
    }
    if (reply.get("is_encrypted").asBoolean()) {
      throw new EnclaveException(
          Reason.UNAUTHORIZED, "an encrypted reply needs its callee enclave's signature");
    }
    byte[] permit;
    try {
      permit = Base64.getDecoder().decode(reply.get("id").asText());
    } catch (IllegalArgumentException e) {
      throw new EnclaveException(Reason.INVALID_INPUT, "the reply's id is not a base64 permit");
    }
    ReplyPermit.Opened opened =
        ReplyPermit.open(permit, ownAddress, ownCodeHash, callbackSecret, ioKey);
    try {
      if (reply.get("was_orig_msg_encrypted").asBoolean() != (opened.key() != null)) {
        throw new EnclaveException(
            Reason.INVALID_INPUT,
            "was_orig_msg_encrypted does not match the sub-message the permit was issued for");
      }
      ObjectNode seen = OutputEncryptor.JSON.createObjectNode();
      seen.put("id", opened.subMessageId());
      ObjectNode result = seen.putObject("result");
      JsonNode sent = reply.get("result");
      if (sent.has("error")) {
        if (!sent.get("error").isTextual()) {
          throw new EnclaveException(Reason.INVALID_INPUT, "the reply's error is not a string");
        }
        result.put("error", sent.get("error").asText());
      } else if (sent.path("ok").isObject()) {
        if (opened.signable()) {
          throw new EnclaveException(
              Reason.UNAUTHORIZED,
              "a wasm sub-call's success must come with its callee enclave's signed reply");
        }
        JsonNode ok = sent.get("ok");
        JsonNode events = ok.get("events");
        JsonNode data = ok.get("data");
        if ((events != null && !(events.isArray() && events.isEmpty()))
            || (data != null && !data.isNull() && !data.isTextual())
            || ok.size() != (events == null ? 0 : 1) + (data == null ? 0 : 1)) {
          throw new EnclaveException(
              Reason.INVALID_INPUT, "a plaintext reply's ok is {\"events\":[],\"data\":…}");
        }
        ObjectNode out = result.putObject("ok");
        out.putArray("events");
        if (data == null || data.isNull()) {
          out.putNull("data");
        } else {
          Base64.getDecoder().decode(data.asText()); // must be base64, as Binary is
          out.put("data", data.asText());
        }
      } else {
        throw new EnclaveException(
            Reason.INVALID_INPUT, "the reply's result is neither ok nor error");
      }
      return new Plain(OutputEncryptor.JSON.writeValueAsBytes(seen), opened);
    } catch (EnclaveException | IOException | IllegalArgumentException e) {
      if (opened.key() != null) {
        opened.key().destroy();
      }
      if (e instanceof EnclaveException known) {
        throw known;
      }
      throw new EnclaveException(Reason.INVALID_INPUT, "the reply's data is not base64");
    }
  }

  /** A plaintext reply as the contract sees it, and the permit it came with. */
  record Plain(byte[] seen, ReplyPermit.Opened permit) {}

  /**
   * Splits {@code nonce ‖ pk ‖ json} from a reply of an encrypted message; {@code null} if the
   * whole reply is JSON (a plaintext message's reply). Random nonce bytes never form valid JSON.
   */
  static byte[][] split(byte[] reply) {
    if (looksLikeJson(reply) || reply.length <= 64) {
      return null;
    }
    return new byte[][] {
      Arrays.copyOfRange(reply, 0, 64), Arrays.copyOfRange(reply, 64, reply.length)
    };
  }

  private static boolean looksLikeJson(byte[] bytes) {
    try {
      return OutputEncryptor.JSON.readTree(bytes) != null;
    } catch (IOException e) {
      return false;
    }
  }
}
