package io.arcanum.node.join;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.client.SecretNetworkException;
import io.arcanum.client.lcd.LcdClient;
import io.arcanum.client.lcd.LcdException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The encrypted seed from a node's REST API: {@code GET
 * /registration/v1beta1/encrypted-seed/{pub_key}} (protocol.md §2), whose {@code pub_key} is a
 * {@code bytes} path parameter and so base64 — URL-safe here, since standard base64 may hold a
 * {@code /} (the gateway reads both). Any node of the network will do: it only relays what the
 * chain stored, and the enclave checks what it gets.
 */
public final class LcdSeedSource implements EncryptedSeedSource {
  private static final String ROUTE = "/registration/v1beta1/encrypted-seed/";

  /**
   * The registration module's answer for a key it holds no record of ({@code sdk} 9, "node 0x… has
   * not been authenticated yet"), which the gateway reports as Unknown (HTTP 500), not NotFound.
   */
  private static final String NOT_AUTHENTICATED = "has not been authenticated yet";

  /** gRPC NotFound, which another implementation may answer instead. */
  private static final int GRPC_NOT_FOUND = 5;

  private final LcdClient lcd;

  public LcdSeedSource(LcdClient lcd) {
    this.lcd = Objects.requireNonNull(lcd, "lcd");
  }

  /** A source reading from the node at {@code url} ({@code http://host:1317}). */
  public static LcdSeedSource of(String url) {
    return new LcdSeedSource(LcdClient.of(url));
  }

  /** The REST path that asks for {@code registrationKey}'s seed. */
  static String path(byte[] registrationKey) {
    String key = Base64.getUrlEncoder().encodeToString(registrationKey);
    return ROUTE + URLEncoder.encode(key, StandardCharsets.UTF_8);
  }

  @Override
  public Optional<byte[]> encryptedSeed(byte[] registrationKey) throws JoinException {
    String node = "0x" + HexFormat.of().formatHex(registrationKey);
    JsonNode answer;
    try {
      answer = lcd.get(path(registrationKey));
    } catch (LcdException e) {
      return notRegistered(e, node);
    } catch (SecretNetworkException e) {
      throw new JoinException(
          JoinException.Problem.NODE_UNREACHABLE,
          "the node at " + lcd.url() + " did not answer as a node's REST API: " + e.getMessage(),
          e);
    }
    JsonNode seed = answer.get("encrypted_seed");
    if (seed == null || seed.isNull() || seed.asText().isEmpty()) {
      // protocol.md §4.4: a node is registered iff it has a non-empty encrypted seed
      return Optional.empty();
    }
    if (!seed.isTextual()) {
      throw new JoinException(
          JoinException.Problem.NODE_ERROR,
          "the node at " + lcd.url() + " answered an encrypted seed that is not base64 text");
    }
    try {
      return Optional.of(Base64.getDecoder().decode(seed.asText()));
    } catch (IllegalArgumentException e) {
      throw new JoinException(
          JoinException.Problem.NODE_ERROR,
          "the node at "
              + lcd.url()
              + " answered an encrypted seed for "
              + node
              + " that is not"
              + " base64");
    }
  }

  private Optional<byte[]> notRegistered(LcdException e, String node) throws JoinException {
    boolean answered =
        e.httpStatus() != LcdException.NO_RESPONSE
            && e.httpStatus() / 100 != 2
            && !e.serverMessage().isEmpty();
    if (!answered) {
      throw new JoinException(
          JoinException.Problem.NODE_UNREACHABLE,
          "cannot read the encrypted seed of node " + node + ": " + e.getMessage(),
          e);
    }
    if (e.serverMessage().contains(NOT_AUTHENTICATED) || e.grpcCode() == GRPC_NOT_FOUND) {
      return Optional.empty();
    }
    throw new JoinException(
        JoinException.Problem.NODE_ERROR,
        "the node at "
            + lcd.url()
            + " refused the encrypted-seed query for "
            + node
            + ": "
            + e.serverMessage(),
        e);
  }
}
