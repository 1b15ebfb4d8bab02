package io.arcanum.node.rest.routes;

import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.arcanum.node.rest.RestChain;
import io.arcanum.node.rest.http.Route;
import io.arcanum.proto.secret.compute.v1beta1.ParamsRequest;
import io.arcanum.proto.secret.compute.v1beta1.ParamsResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryAuthorizedMigrationRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryAuthorizedMigrationResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryByCodeIdRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryByContractAddressRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryByLabelRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryCodeHashResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryCodeResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryCodesResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractAddressResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractHistoryRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractHistoryResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractInfoResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractLabelResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractsByCodeIdResponse;
import io.arcanum.proto.secret.compute.v1beta1.QuerySecretContractRequest;
import io.arcanum.proto.secret.compute.v1beta1.QuerySecretContractResponse;
import java.util.List;

/**
 * Secret's compute queries at the routes of {@code secret/compute/v1beta1/query.proto}'s {@code
 * google.api.http} annotations (secretjs-api.md §3 E4, E5, E8 and the optional routes). The smart
 * query's {@code ?query=} is the encrypted message in percent-encoded base64; a contract error
 * answers 500 {@code {"code":2,"message":"encrypted: <b64>: query contract failed"}}, which
 * secret.js decrypts.
 */
public final class ComputeRoutes {
  private static final String SERVICE = "/secret.compute.v1beta1.Query/";

  private ComputeRoutes() {}

  public static List<Route> routes(RestChain chain) {
    Message byAddress = QueryByContractAddressRequest.getDefaultInstance();
    Message byCodeId = QueryByCodeIdRequest.getDefaultInstance();
    return List.of(
        route(
            chain,
            "info/{contract_address}",
            "ContractInfo",
            byAddress,
            QueryContractInfoResponse.getDefaultInstance()),
        route(
            chain,
            "contracts/{code_id}",
            "ContractsByCodeId",
            byCodeId,
            QueryContractsByCodeIdResponse.getDefaultInstance()),
        route(
            chain,
            "query/{contract_address}",
            "QuerySecretContract",
            QuerySecretContractRequest.getDefaultInstance(),
            QuerySecretContractResponse.getDefaultInstance()),
        route(chain, "code/{code_id}", "Code", byCodeId, QueryCodeResponse.getDefaultInstance()),
        route(
            chain,
            "codes",
            "Codes",
            Empty.getDefaultInstance(),
            QueryCodesResponse.getDefaultInstance()),
        route(
            chain,
            "code_hash/by_contract_address/{contract_address}",
            "CodeHashByContractAddress",
            byAddress,
            QueryCodeHashResponse.getDefaultInstance()),
        route(
            chain,
            "code_hash/by_code_id/{code_id}",
            "CodeHashByCodeId",
            byCodeId,
            QueryCodeHashResponse.getDefaultInstance()),
        route(
            chain,
            "label/{contract_address}",
            "LabelByAddress",
            byAddress,
            QueryContractLabelResponse.getDefaultInstance()),
        route(
            chain,
            "contract_address/{label}",
            "AddressByLabel",
            QueryByLabelRequest.getDefaultInstance(),
            QueryContractAddressResponse.getDefaultInstance()),
        route(
            chain,
            "contract_history/{contract_address}",
            "ContractHistory",
            QueryContractHistoryRequest.getDefaultInstance(),
            QueryContractHistoryResponse.getDefaultInstance()),
        route(
            chain,
            "params",
            "Params",
            ParamsRequest.getDefaultInstance(),
            ParamsResponse.getDefaultInstance()),
        route(
            chain,
            "authorized_migration/{contract_address}",
            "AuthorizedMigration",
            QueryAuthorizedMigrationRequest.getDefaultInstance(),
            QueryAuthorizedMigrationResponse.getDefaultInstance()));
  }

  private static Route route(
      RestChain chain, String path, String method, Message request, Message response) {
    return QueryRoute.get(chain, "/compute/v1beta1/" + path, SERVICE + method, request, response);
  }
}
