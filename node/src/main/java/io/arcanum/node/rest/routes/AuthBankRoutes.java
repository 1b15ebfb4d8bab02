package io.arcanum.node.rest.routes;

import io.arcanum.node.rest.RestChain;
import io.arcanum.node.rest.http.ApiException;
import io.arcanum.node.rest.http.GrpcStatus;
import io.arcanum.node.rest.http.Route;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryAccountRequest;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryAccountResponse;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryParamsRequest;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryParamsResponse;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryAllBalancesRequest;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryAllBalancesResponse;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryBalanceRequest;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryBalanceResponse;
import java.util.List;

/**
 * Accounts and balances (secretjs-api.md §3 E1, E2 and the all-balances route): secret.js reads the
 * account number and sequence before signing, and the balance by denom.
 */
public final class AuthBankRoutes {
  private AuthBankRoutes() {}

  public static List<Route> routes(RestChain chain) {
    return List.of(
        QueryRoute.get(
            chain,
            "/cosmos/auth/v1beta1/accounts/{address}",
            "/cosmos.auth.v1beta1.Query/Account",
            QueryAccountRequest.getDefaultInstance(),
            QueryAccountResponse.getDefaultInstance(),
            // x/auth answers with its own status, not the registered error's log (§3 E2).
            (request, error) ->
                error.status() == GrpcStatus.NOT_FOUND
                    ? ApiException.notFound(
                        "account " + request.pathParam("address") + " not found")
                    : error),
        QueryRoute.get(
            chain,
            "/cosmos/auth/v1beta1/params",
            "/cosmos.auth.v1beta1.Query/Params",
            QueryParamsRequest.getDefaultInstance(),
            QueryParamsResponse.getDefaultInstance()),
        QueryRoute.get(
            chain,
            "/cosmos/bank/v1beta1/balances/{address}",
            "/cosmos.bank.v1beta1.Query/AllBalances",
            QueryAllBalancesRequest.getDefaultInstance(),
            QueryAllBalancesResponse.getDefaultInstance()),
        QueryRoute.get(
            chain,
            "/cosmos/bank/v1beta1/balances/{address}/by_denom",
            "/cosmos.bank.v1beta1.Query/Balance",
            QueryBalanceRequest.getDefaultInstance(),
            QueryBalanceResponse.getDefaultInstance()));
  }
}
