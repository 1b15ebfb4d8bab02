package io.arcanum.node.rest.routes;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.node.rest.RestChain;
import io.arcanum.node.rest.http.ApiException;
import io.arcanum.node.rest.http.ProtoParams;
import io.arcanum.node.rest.http.RestJson;
import io.arcanum.node.rest.http.RestRequest;
import io.arcanum.node.rest.http.RestResponse;
import io.arcanum.node.rest.http.Route;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A GET route that is one ABCI query, as grpc-gateway maps a {@code google.api.http} GET onto a
 * gRPC method: path and query parameters fill the request message ({@link ProtoParams}), the header
 * {@code x-cosmos-block-height} picks the height, the answer is the response message in gateway
 * JSON, with the height it was read at in {@code x-cosmos-block-height}.
 */
public final class QueryRoute {
  /** The header that asks for a query at a height (the SDK's {@code GRPCBlockHeightHeader}). */
  public static final String HEIGHT_HEADER = "x-cosmos-block-height";

  private QueryRoute() {}

  /**
   * @param grpcPath the gRPC method, e.g. {@code /cosmos.bank.v1beta1.Query/Balance}
   * @param request the request type (its default instance)
   * @param response the response type (its default instance)
   */
  public static Route get(
      RestChain chain, String template, String grpcPath, Message request, Message response) {
    return get(chain, template, grpcPath, request, response, (r, e) -> e);
  }

  /**
   * As {@link #get(RestChain, String, String, Message, Message)}, with the error answer adjusted
   * where upstream's handler words it differently from the chain's log.
   */
  public static Route get(
      RestChain chain,
      String template,
      String grpcPath,
      Message request,
      Message response,
      BiFunction<RestRequest, ApiException, ApiException> errors) {
    Objects.requireNonNull(chain, "chain");
    return Route.get(
        template,
        http -> {
          Message.Builder builder = request.newBuilderForType();
          ProtoParams.populate(builder, http);
          QueryResponse answer = chain.query(grpcPath, builder.build().toByteArray(), height(http));
          if (!answer.isOk()) {
            throw errors.apply(http, AbciErrors.of(answer));
          }
          Message decoded;
          try {
            decoded = response.getParserForType().parseFrom(answer.value());
          } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(grpcPath + " answered an undecodable response", e);
          }
          return RestResponse.ok(RestJson.print(decoded))
              .withHeader(HEIGHT_HEADER, Long.toString(answer.height()));
        });
  }

  /**
   * The height of {@code x-cosmos-block-height}, 0 (latest) without it.
   *
   * @throws ApiException 400 if it is not a non-negative integer
   */
  public static long height(RestRequest request) {
    String header = request.header(HEIGHT_HEADER);
    if (header == null || header.isBlank()) {
      return 0;
    }
    try {
      long height = Long.parseLong(header.trim());
      if (height >= 0) {
        return height;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw ApiException.invalidArgument(
        "invalid height header \""
            + HEIGHT_HEADER
            + "\": \""
            + ProtoParams.shorten(header)
            + "\" is not a non-negative integer");
  }
}
