package io.arcanum.node.rest.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.blocks.TxPage;
import io.arcanum.chain.blocks.TxQuery;
import io.arcanum.chain.blocks.TxRecord;
import io.arcanum.chain.tx.TxDecoder;
import io.arcanum.node.rest.RestChain;
import io.arcanum.node.rest.http.ApiException;
import io.arcanum.node.rest.http.GrpcStatus;
import io.arcanum.node.rest.http.ProtoParams;
import io.arcanum.node.rest.http.RestJson;
import io.arcanum.node.rest.http.RestRequest;
import io.arcanum.node.rest.http.RestResponse;
import io.arcanum.node.rest.http.Route;
import io.arcanum.proto.ProtoJson;
import io.arcanum.proto.cosmos.base.abci.v1beta1.GasInfo;
import io.arcanum.proto.cosmos.base.abci.v1beta1.Result;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxMsgData;
import io.arcanum.proto.cosmos.tx.v1beta1.BroadcastMode;
import io.arcanum.proto.cosmos.tx.v1beta1.BroadcastTxRequest;
import io.arcanum.proto.cosmos.tx.v1beta1.BroadcastTxResponse;
import io.arcanum.proto.cosmos.tx.v1beta1.GetTxResponse;
import io.arcanum.proto.cosmos.tx.v1beta1.GetTxsEventRequest;
import io.arcanum.proto.cosmos.tx.v1beta1.GetTxsEventResponse;
import io.arcanum.proto.cosmos.tx.v1beta1.OrderBy;
import io.arcanum.proto.cosmos.tx.v1beta1.SimulateRequest;
import io.arcanum.proto.cosmos.tx.v1beta1.SimulateResponse;
import io.arcanum.proto.cosmos.tx.v1beta1.Tx;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SDK's tx service at its gateway routes (secretjs-api.md §3 E6, E7, simulate, search). POST
 * bodies are read as JSON whatever their Content-Type, with {@code txBytes} or {@code tx_bytes}.
 */
public final class TxRoutes {
  private static final Pattern HASH = Pattern.compile("[0-9A-Fa-f]{64}");

  /** CometBFT's cap on txs per search page; also the SDK's default limit. */
  static final int MAX_LIMIT = 100;

  private TxRoutes() {}

  /**
   * @param blockModeTimeout how long a {@code BROADCAST_MODE_BLOCK} broadcast waits for its block
   */
  public static List<Route> routes(RestChain chain, Duration blockModeTimeout) {
    return List.of(
        Route.post("/cosmos/tx/v1beta1/txs", r -> broadcast(chain, r, blockModeTimeout)),
        Route.get("/cosmos/tx/v1beta1/txs/{hash}", r -> getTx(chain, r)),
        Route.get("/cosmos/tx/v1beta1/txs", r -> search(chain, r)),
        Route.post("/cosmos/tx/v1beta1/simulate", r -> simulate(chain, r)));
  }

  private static RestResponse broadcast(RestChain chain, RestRequest request, Duration timeout)
      throws InterruptedException, com.fasterxml.jackson.core.JsonProcessingException {
    BroadcastTxRequest body = body(request, BroadcastTxRequest.newBuilder()).build();
    byte[] tx = body.getTxBytes().toByteArray();
    if (tx.length == 0) {
      throw ApiException.invalidArgument("invalid empty tx: the body needs txBytes (base64)");
    }
    BroadcastMode mode = body.getMode();
    if (mode != BroadcastMode.BROADCAST_MODE_SYNC
        && mode != BroadcastMode.BROADCAST_MODE_ASYNC
        && mode != BroadcastMode.BROADCAST_MODE_BLOCK) {
      // Unknown names parse as unset (unknown fields are ignored, as the gateway does): quote
      // what was sent.
      JsonNode sent = RestJson.MAPPER.readTree(request.bodyText()).path("mode");
      throw ApiException.invalidArgument(
          "unsupported broadcast mode "
              + (sent.isMissingNode() ? "(none)" : ProtoParams.shorten(sent.toString()))
              + "; use BROADCAST_MODE_SYNC, BROADCAST_MODE_ASYNC or BROADCAST_MODE_BLOCK");
    }
    byte[] hash = TxDecoder.hash(tx);
    String hashHex = HexFormat.of().withUpperCase().formatHex(hash);
    TxResult checked;
    try {
      checked = chain.broadcast(tx);
    } catch (IllegalStateException stopping) {
      throw new ApiException(GrpcStatus.UNAVAILABLE, stopping.getMessage());
    }
    if (mode != BroadcastMode.BROADCAST_MODE_BLOCK || !checked.isOk()) {
      return RestResponse.ok(
          RestJson.print(
              BroadcastTxResponse.newBuilder()
                  .setTxResponse(TxJson.checked(hashHex, checked))
                  .build()));
    }
    TxWait wait = TxWait.await(chain, hash, timeout);
    return switch (wait.status()) {
      case COMMITTED -> {
        ObjectNode out =
            RestJson.tree(
                BroadcastTxResponse.newBuilder()
                    .setTxResponse(TxJson.committed(wait.record().orElseThrow()))
                    .build());
        TxJson.bech32Addresses(out.path("tx_response").path("tx"), chain.identity().bech32Prefix());
        yield RestResponse.ok(RestJson.write(out));
      }
      case PENDING ->
          throw new ApiException(
              GrpcStatus.DEADLINE_EXCEEDED,
              "tx "
                  + hashHex
                  + " was accepted into the mempool but not included in a block within "
                  + timeout.toMillis()
                  + " ms; it may still be committed: poll GET /cosmos/tx/v1beta1/txs/"
                  + hashHex);
      case UNKNOWN ->
          throw new ApiException(
              GrpcStatus.ABORTED,
              "tx "
                  + hashHex
                  + " was accepted into the mempool but dropped before a block included it (a"
                  + " recheck after a block refused it)");
    };
  }

  private static RestResponse getTx(RestChain chain, RestRequest request) {
    String hash = request.pathParam("hash");
    if (!HASH.matcher(hash).matches()) {
      throw ApiException.invalidArgument(
          "invalid tx hash \"" + ProtoParams.shorten(hash) + "\": expected 64 hex digits");
    }
    TxRecord record =
        chain
            .tx(HexFormat.of().parseHex(hash.toLowerCase(Locale.ROOT)))
            // The SDK's words, with the hash as the request gave it (secret.js matches on them).
            .orElseThrow(() -> ApiException.notFound("tx not found: " + hash));
    GetTxResponse.Builder out = GetTxResponse.newBuilder().setTxResponse(TxJson.committed(record));
    TxJson.decode(record.tx()).ifPresent(out::setTx);
    ObjectNode json = RestJson.tree(out.build());
    String prefix = chain.identity().bech32Prefix();
    TxJson.bech32Addresses(json.get("tx"), prefix);
    TxJson.bech32Addresses(json.path("tx_response").get("tx"), prefix);
    return RestResponse.ok(RestJson.write(json));
  }

  private static RestResponse search(RestChain chain, RestRequest request) {
    GetTxsEventRequest.Builder params = GetTxsEventRequest.newBuilder();
    ProtoParams.populate(params, request);
    TxQuery query;
    try {
      if (!params.getQuery().isBlank()) {
        query = TxQuery.parse(params.getQuery());
      } else if (params.getEventsCount() > 0) {
        query = TxQuery.parseAll(params.getEventsList());
      } else {
        throw ApiException.invalidArgument("query cannot be empty");
      }
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidArgument(e.getMessage());
    }
    long page = params.getPage() == 0 ? 1 : params.getPage();
    long limit = params.getLimit() != 0 ? params.getLimit() : params.getPagination().getLimit();
    limit = limit == 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT);
    if (page > Integer.MAX_VALUE) {
      throw ApiException.invalidArgument("page " + page + " is out of range");
    }
    TxPage found;
    try {
      found =
          chain.search(
              query, (int) page, (int) limit, params.getOrderBy() == OrderBy.ORDER_BY_DESC);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidArgument(e.getMessage());
    }
    GetTxsEventResponse.Builder out = GetTxsEventResponse.newBuilder().setTotal(found.total());
    for (TxRecord record : found.txs()) {
      out.addTxs(TxJson.decode(record.tx()).orElse(Tx.getDefaultInstance()));
      out.addTxResponses(TxJson.committed(record));
    }
    ObjectNode json = RestJson.tree(out.build());
    String prefix = chain.identity().bech32Prefix();
    for (JsonNode tx : json.path("txs")) {
      TxJson.bech32Addresses(tx, prefix);
    }
    for (JsonNode response : json.path("tx_responses")) {
      TxJson.bech32Addresses(response.get("tx"), prefix);
    }
    return RestResponse.ok(RestJson.write(json));
  }

  private static RestResponse simulate(RestChain chain, RestRequest request) {
    SimulateRequest body = body(request, SimulateRequest.newBuilder()).build();
    byte[] tx = body.getTxBytes().toByteArray();
    if (tx.length == 0 && body.hasTx()) {
      // The deprecated tx field: the SDK encodes it back into TxRaw bytes.
      tx =
          TxRaw.newBuilder()
              .setBodyBytes(body.getTx().getBody().toByteString())
              .setAuthInfoBytes(body.getTx().getAuthInfo().toByteString())
              .addAllSignatures(body.getTx().getSignaturesList())
              .build()
              .toByteArray();
    }
    if (tx.length == 0) {
      throw ApiException.invalidArgument("empty txBytes is not allowed");
    }
    TxResult result = chain.simulate(tx);
    if (!result.isOk()) {
      // The SDK's Simulate answers every failure so (x/auth/tx/service.go).
      throw new ApiException(
          GrpcStatus.UNKNOWN,
          result.log()
              + " With gas wanted: '"
              + result.gasWanted()
              + "' and gas used: '"
              + result.gasUsed()
              + "' ");
    }
    Result.Builder out =
        Result.newBuilder().setData(com.google.protobuf.ByteString.copyFrom(result.data()));
    try {
      out.addAllMsgResponses(TxMsgData.parseFrom(result.data()).getMsgResponsesList());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("simulation returned data that is not a TxMsgData", e);
    }
    result.events().forEach(e -> out.addEvents(TxJson.event(e)));
    return RestResponse.ok(
        RestJson.print(
            SimulateResponse.newBuilder()
                .setGasInfo(
                    GasInfo.newBuilder()
                        .setGasWanted(result.gasWanted())
                        .setGasUsed(result.gasUsed()))
                .setResult(out)
                .build()));
  }

  /** The JSON body, whatever the Content-Type (secret.js posts text/plain). */
  private static <B extends Message.Builder> B body(RestRequest request, B builder) {
    String text = request.bodyText();
    if (text.isBlank()) {
      throw ApiException.invalidArgument("the request body is empty; expected a JSON object");
    }
    try {
      ProtoJson.parser().ignoringUnknownFields().merge(text, builder);
      return builder;
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw ApiException.invalidArgument(
          "invalid request body: " + ProtoParams.shorten(String.valueOf(e.getMessage())));
    }
  }
}
