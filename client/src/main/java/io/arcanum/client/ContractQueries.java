package io.arcanum.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.client.encryption.EncryptionUtils;
import io.arcanum.client.lcd.LcdClient;
import io.arcanum.client.lcd.LcdException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * secret.js's {@code queryContract} (secretjs-api.md §3 E8): encrypt, ask, and open the answer —
 * {@code JSON.parse(utf8(b64decode(utf8(decrypt(data)))))}, {@code {}} when empty — or the error in
 * a non-2xx answer.
 */
final class ContractQueries {
  /** secret.js's two query-error regexes, tried in this order. */
  static final Pattern ERROR =
      Pattern.compile(
          "encrypted: (.+?): (?:instantiate|execute|query|reply to|migrate) contract failed");

  static final Pattern ERROR_REVERSED =
      Pattern.compile(
          "(?:instantiate|execute|query|reply to|migrate) contract failed: encrypted: ([\\w+/=]+)");

  // cosmjs fromBase64's test: standard alphabet, padding, length a multiple of 4
  private static final Pattern BASE64 = Pattern.compile("[a-zA-Z0-9+/]*={0,2}");

  private final LcdClient lcd;
  private final EncryptionUtils encryption;

  ContractQueries(LcdClient lcd, EncryptionUtils encryption) {
    this.lcd = lcd;
    this.encryption = encryption;
  }

  JsonNode query(String contract, String codeHashHex, String queryJson) {
    byte[] query = encryption.encrypt(codeHashHex, queryJson);
    byte[] nonce = Arrays.copyOf(query, 32);
    byte[] answer;
    try {
      answer = lcd.querySecretContract(contract, query);
    } catch (LcdException e) {
      Optional<String> error = openError(e.serverMessage(), nonce);
      if (error.isPresent()) {
        throw new ContractQueryException(
            contract, new ContractError(0, error.get(), e.serverMessage()), e);
      }
      throw e;
    }
    byte[] text;
    try {
      text = encryption.decrypt(answer, nonce);
    } catch (RuntimeException e) {
      throw new SecretNetworkException(
          "the answer of contract " + contract + " does not open with this query's key", e);
    }
    if (text.length == 0) {
      return ContractJson.MAPPER.createObjectNode();
    }
    try {
      String result =
          new String(
              Base64.getDecoder().decode(new String(text, StandardCharsets.UTF_8)),
              StandardCharsets.UTF_8);
      return ContractJson.parse(result)
          .orElseThrow(
              () ->
                  new SecretNetworkException(
                      "the answer of contract " + contract + " is not JSON"));
    } catch (IllegalArgumentException e) {
      throw new SecretNetworkException(
          "the answer of contract " + contract + " is not base64 text as protocol.md §7 says", e);
    }
  }

  /** The decrypted error in a node's message, if it holds one this query's key opens. */
  Optional<String> openError(String message, byte[] nonce) {
    Matcher m = ERROR.matcher(message);
    if (!m.find()) {
      m = ERROR_REVERSED.matcher(message);
      if (!m.find()) {
        return Optional.empty();
      }
    }
    byte[] plaintext;
    try {
      plaintext = encryption.decrypt(Base64.getDecoder().decode(m.group(1)), nonce);
    } catch (RuntimeException notOurs) {
      return Optional.empty();
    }
    // secret.js first reads the plaintext as base64 text, falling back to the text itself
    String text = new String(plaintext, StandardCharsets.UTF_8);
    if (text.length() % 4 == 0 && BASE64.matcher(text).matches()) {
      return Optional.of(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
    }
    return Optional.of(text);
  }
}
