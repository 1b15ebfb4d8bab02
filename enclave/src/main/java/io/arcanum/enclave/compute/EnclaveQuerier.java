package io.arcanum.enclave.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.TxEncryptionKey;
import io.arcanum.crypto.tx.TxEnvelope;
import io.arcanum.enclave.api.ChainQueryHost;
import io.arcanum.wasm.host.ChainQuerier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A contract's {@code query_chain} from inside the enclave (cosmwasm-abi.md §4.5): a smart query's
 * message is sealed for the target contract under the caller's tx key before it leaves, and the
 * answer is opened before the contract sees it. Other queries pass through to the host unchanged.
 */
final class EnclaveQuerier implements ChainQuerier {
  private final ChainQueryHost host;
  private final TxEncryptionKey key;
  private final TxEnvelope envelope;

  /**
   * @param key the tx key queries travel under
   * @param envelope the nonce and public key that derive {@code key}
   */
  EnclaveQuerier(ChainQueryHost host, TxEncryptionKey key, TxEnvelope envelope) {
    this.host = host;
    this.key = key;
    this.envelope = envelope;
  }

  @Override
  public Answer query(byte[] request, int depth, long gasLimit) {
    ObjectNode smart;
    JsonNode tree;
    try {
      tree = OutputEncryptor.JSON.readTree(request);
    } catch (IOException e) {
      return passThrough(request, depth, gasLimit);
    }
    if (!(tree.path("wasm").path("smart") instanceof ObjectNode node)) {
      return passThrough(request, depth, gasLimit);
    }
    smart = node;
    JsonNode hashField =
        smart.has("callback_code_hash") ? smart.get("callback_code_hash") : smart.get("code_hash");
    CodeHash target;
    byte[] msg;
    try {
      target = CodeHash.parse(hashField == null ? null : hashField.asText());
      msg = Base64.getDecoder().decode(smart.path("msg").asText());
    } catch (RuntimeException e) {
      return systemError("invalid_request", "smart query needs code_hash and a base64 msg");
    }
    byte[] hash = target.hex().getBytes(StandardCharsets.US_ASCII);
    byte[] plaintext = new byte[hash.length + msg.length];
    System.arraycopy(hash, 0, plaintext, 0, hash.length);
    System.arraycopy(msg, 0, plaintext, hash.length, msg.length);
    byte[] sealed =
        new TxEnvelope(envelope.nonce(), envelope.clientPublicKey(), key.seal(plaintext)).toBytes();
    Arrays.fill(plaintext, (byte) 0);
    smart.put("msg", Base64.getEncoder().encodeToString(sealed));
    ChainQueryHost.Answer answer;
    try {
      answer = host.query(OutputEncryptor.JSON.writeValueAsBytes(tree), depth, gasLimit);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
    return new Answer(open(answer.systemResult()), answer.gasUsed());
  }

  private Answer passThrough(byte[] request, int depth, long gasLimit) {
    ChainQueryHost.Answer answer = host.query(request, depth, gasLimit);
    return new Answer(answer.systemResult(), answer.gasUsed());
  }

  /** Opens {@code {"Ok":{"Ok":"<b64 sealed>"}}} and {@code {"Ok":{"Err":"encrypted: …"}}}. */
  private byte[] open(byte[] systemResult) {
    try {
      JsonNode root = OutputEncryptor.JSON.readTree(systemResult);
      JsonNode contractResult = root.get("Ok");
      if (!(contractResult instanceof ObjectNode result)) {
        return systemResult; // a SystemError carries nothing encrypted
      }
      if (result.get("Ok") != null && result.get("Ok").isTextual()) {
        byte[] sealed = Base64.getDecoder().decode(result.get("Ok").asText());
        result.put("Ok", Base64.getEncoder().encodeToString(key.decryptData(sealed)));
      } else if (result.get("Err") != null && result.get("Err").isTextual()) {
        String error = result.get("Err").asText();
        if (error.startsWith("encrypted: ")) {
          byte[] sealed = Base64.getDecoder().decode(error.substring("encrypted: ".length()));
          result.put("Err", new String(key.open(sealed), StandardCharsets.UTF_8));
        }
      }
      return OutputEncryptor.JSON.writeValueAsBytes(root);
    } catch (IOException | RuntimeException e) {
      return systemError("invalid_response", "the queried contract's answer does not open")
          .systemResult();
    }
  }

  private static Answer systemError(String kind, String error) {
    ObjectNode root = OutputEncryptor.JSON.createObjectNode();
    // SystemError variants carry the offending bytes too (cosmwasm-abi.md §4.5); none are echoed.
    root.putObject("Err")
        .putObject(kind)
        .put("error", error)
        .put(kind.equals("invalid_request") ? "request" : "response", "");
    try {
      return new Answer(OutputEncryptor.JSON.writeValueAsBytes(root), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
