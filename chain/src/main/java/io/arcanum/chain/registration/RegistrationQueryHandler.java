package io.arcanum.chain.registration;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.QueryContext;
import io.arcanum.chain.module.QueryHandler;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.proto.secret.registration.v1beta1.Key;
import io.arcanum.proto.secret.registration.v1beta1.QueryEncryptedSeedRequest;
import io.arcanum.proto.secret.registration.v1beta1.QueryEncryptedSeedResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * The registration queries of {@code secret/registration/v1beta1/query.proto} (protocol.md §2):
 * {@code TxKey} is what secret.js reads from {@code GET /registration/v1beta1/tx-key} to encrypt
 * every contract message, so it must be the IO exchange key genesis published.
 */
public final class RegistrationQueryHandler implements QueryHandler {
  private static final String SERVICE = "/secret.registration.v1beta1.Query/";
  public static final String TX_KEY = SERVICE + "TxKey";
  public static final String REGISTRATION_KEY = SERVICE + "RegistrationKey";
  public static final String ENCRYPTED_SEED = SERVICE + "EncryptedSeed";

  @Override
  public Set<String> paths() {
    return Set.of(TX_KEY, REGISTRATION_KEY, ENCRYPTED_SEED);
  }

  @Override
  public byte[] query(QueryContext context, String path, byte[] request) throws ChainException {
    return switch (path) {
      case TX_KEY -> {
        parseEmpty(path, request);
        yield Key.newBuilder()
            .setKey(ByteString.copyFrom(masterKeys(context).ioExchangeKey()))
            .build()
            .toByteArray();
      }
      case REGISTRATION_KEY -> {
        parseEmpty(path, request);
        yield Key.newBuilder()
            .setKey(ByteString.copyFrom(registrationKeyJson(masterKeys(context))))
            .build()
            .toByteArray();
      }
      case ENCRYPTED_SEED -> encryptedSeed(context, request);
      default -> throw SdkErrors.UNKNOWN_REQUEST.wrapf("unknown registration query path %s", path);
    };
  }

  private static byte[] encryptedSeed(QueryContext context, byte[] request) throws ChainException {
    QueryEncryptedSeedRequest parsed;
    try {
      parsed = QueryEncryptedSeedRequest.parseFrom(request);
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrors.INVALID_REQUEST.wrap("QueryEncryptedSeedRequest: " + e.getMessage());
    }
    byte[] publicKey = parsed.getPubKey().toByteArray();
    if (publicKey.length == 0) {
      throw RegistrationErrors.INVALID.wrap("public key");
    }
    if (publicKey.length != 32) {
      throw RegistrationErrors.INVALID.wrapf(
          "public key must be 32 bytes, got %d", publicKey.length);
    }
    NodeRegistration node =
        RegistrationStore.node(context.store(), publicKey)
            .orElseThrow(
                () ->
                    SdkErrors.UNKNOWN_ADDRESS.wrapf(
                        "node 0x%s has not been authenticated yet",
                        HexFormat.of().formatHex(publicKey)));
    return QueryEncryptedSeedResponse.newBuilder()
        .setEncryptedSeed(ByteString.copyFrom(node.encryptedSeed()))
        .build()
        .toByteArray();
  }

  private static NetworkPublicKeys masterKeys(QueryContext context) throws ChainException {
    return RegistrationStore.masterKeys(context.store())
        .orElseThrow(() -> SdkErrors.UNKNOWN_ADDRESS.wrap("Chain has not been initialized yet"));
  }

  /**
   * What Secret's {@code RegistrationKey} returns as the key: Go's {@code json.Marshal} of its
   * genesis state without registrations, with the Go JSON names (protocol.md §2).
   */
  static byte[] registrationKeyJson(NetworkPublicKeys keys) {
    Base64.Encoder b64 = Base64.getEncoder();
    return ("{\"reg_info\":null,\"node_exch_key\":{\"bytes\":\""
            + b64.encodeToString(keys.seedExchangeKey())
            + "\"},\"io_exch_key\":{\"bytes\":\""
            + b64.encodeToString(keys.ioExchangeKey())
            + "\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void parseEmpty(String path, byte[] request) throws ChainException {
    try {
      Empty.parseFrom(request);
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrors.INVALID_REQUEST.wrapf("%s takes an empty request: %s", path, e.getMessage());
    }
  }
}
