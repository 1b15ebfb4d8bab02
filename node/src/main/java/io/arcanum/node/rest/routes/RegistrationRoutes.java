package io.arcanum.node.rest.routes;

import com.google.protobuf.Empty;
import io.arcanum.node.rest.RestChain;
import io.arcanum.node.rest.http.Route;
import io.arcanum.proto.secret.registration.v1beta1.Key;
import io.arcanum.proto.secret.registration.v1beta1.QueryEncryptedSeedRequest;
import io.arcanum.proto.secret.registration.v1beta1.QueryEncryptedSeedResponse;
import java.util.List;

/**
 * Secret's registration queries (routes as secretjs 1.22.1's gateway client calls them): the tx key
 * every contract message is encrypted to (secretjs-api.md §3 E3), the registration key, and a
 * registered node's encrypted seed by its base64 registration public key.
 */
public final class RegistrationRoutes {
  private static final String SERVICE = "/secret.registration.v1beta1.Query/";

  private RegistrationRoutes() {}

  public static List<Route> routes(RestChain chain) {
    return List.of(
        QueryRoute.get(
            chain,
            "/registration/v1beta1/tx-key",
            SERVICE + "TxKey",
            Empty.getDefaultInstance(),
            Key.getDefaultInstance()),
        QueryRoute.get(
            chain,
            "/registration/v1beta1/registration-key",
            SERVICE + "RegistrationKey",
            Empty.getDefaultInstance(),
            Key.getDefaultInstance()),
        QueryRoute.get(
            chain,
            "/registration/v1beta1/encrypted-seed/{pub_key}",
            SERVICE + "EncryptedSeed",
            QueryEncryptedSeedRequest.getDefaultInstance(),
            QueryEncryptedSeedResponse.getDefaultInstance()));
  }
}
