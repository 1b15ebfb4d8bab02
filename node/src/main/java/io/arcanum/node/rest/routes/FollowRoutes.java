package io.arcanum.node.rest.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.util.Timestamps;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.blocks.BlockRecord;
import io.arcanum.chain.blocks.TxRecord;
import io.arcanum.node.rest.RestChain;
import io.arcanum.node.rest.http.ApiException;
import io.arcanum.node.rest.http.ProtoParams;
import io.arcanum.node.rest.http.RestJson;
import io.arcanum.node.rest.http.RestRequest;
import io.arcanum.node.rest.http.RestResponse;
import io.arcanum.node.rest.http.Route;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Arcanum's long-poll API to follow the chain (docs/rest.md § Following the chain): a browser asks
 * for the blocks after the last one it has, a CLI waits for its tx and shows where it stands
 * between answers. Each call answers as soon as there is news, or after {@code timeout_ms} with
 * none; nothing is kept per client.
 *
 * <ul>
 *   <li>{@code GET /arcanum/v1/status}: chain id, latest height and time, txs waiting.
 *   <li>{@code GET /arcanum/v1/blocks/next?after=H&timeout_ms=T&max=N}: the committed blocks above
 *       {@code H} (at most {@code N}), each with its txs' hashes and result codes; waits for one if
 *       there is none yet.
 *   <li>{@code GET /arcanum/v1/txs/{hash}/wait?timeout_ms=T}: {@code COMMITTED} with the {@code
 *       tx_response}, {@code PENDING} (still in the mempool when the time ran out) or {@code
 *       UNKNOWN} (not in the mempool nor in a block).
 * </ul>
 */
public final class FollowRoutes {
  static final long DEFAULT_TIMEOUT_MS = 30_000;
  static final long MAX_TIMEOUT_MS = 60_000;
  static final int DEFAULT_MAX_BLOCKS = 20;
  static final int MAX_BLOCKS = 100;

  private static final Pattern HASH = Pattern.compile("[0-9A-Fa-f]{64}");
  private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

  private FollowRoutes() {}

  public static List<Route> routes(RestChain chain) {
    return List.of(
        Route.get("/arcanum/v1/status", r -> status(chain)),
        Route.get("/arcanum/v1/blocks/next", r -> nextBlocks(chain, r)),
        Route.get("/arcanum/v1/txs/{hash}/wait", r -> waitForTx(chain, r)));
  }

  private static RestResponse status(RestChain chain) {
    long height = chain.latestHeight();
    ObjectNode out = RestJson.object();
    out.put("chain_id", chain.identity().chainId());
    out.put("node_id", chain.identity().nodeId());
    out.put("latest_height", Long.toString(height));
    out.put(
        "latest_block_time",
        chain
            .block(height)
            .map(b -> Timestamps.toString(Timestamps.fromNanos(b.timeNanos())))
            .orElse(""));
    out.put("pending_txs", chain.pendingTxs());
    return RestResponse.ok(RestJson.write(out));
  }

  private static RestResponse nextBlocks(RestChain chain, RestRequest request)
      throws InterruptedException {
    long after =
        request.queryParam("after") == null
            ? chain.latestHeight()
            : number(request, "after", 0, Long.MAX_VALUE - 1);
    int max = (int) number(request, "max", 1, MAX_BLOCKS, DEFAULT_MAX_BLOCKS);
    long latest = chain.awaitHeightAbove(after, timeout(request));
    ObjectNode out = RestJson.object();
    out.put("latest_height", Long.toString(latest));
    ArrayNode blocks = out.putArray("blocks");
    for (long h = after + 1; h <= latest && h <= after + max; h++) {
      BlockRecord block = chain.block(h).orElse(null);
      if (block != null) {
        blocks.add(summary(block, chain.txs(h)));
      }
    }
    return RestResponse.ok(RestJson.write(out));
  }

  private static ObjectNode summary(BlockRecord block, List<TxRecord> txs) {
    ObjectNode out = RestJson.object();
    out.put("height", Long.toString(block.height()));
    out.put("time", Timestamps.toString(Timestamps.fromNanos(block.timeNanos())));
    out.put("app_hash", UPPER_HEX.formatHex(block.appHash()));
    ArrayNode list = out.putArray("txs");
    for (TxRecord tx : txs) {
      TxResult result = tx.result();
      ObjectNode item = list.addObject();
      item.put("txhash", tx.hashHex());
      item.put("index", tx.index());
      item.put("code", result.code());
      item.put("codespace", result.codespace());
      item.put("gas_wanted", Long.toString(result.gasWanted()));
      item.put("gas_used", Long.toString(result.gasUsed()));
    }
    return out;
  }

  private static RestResponse waitForTx(RestChain chain, RestRequest request)
      throws InterruptedException {
    String hash = request.pathParam("hash");
    if (!HASH.matcher(hash).matches()) {
      throw ApiException.invalidArgument(
          "invalid tx hash \"" + ProtoParams.shorten(hash) + "\": expected 64 hex digits");
    }
    TxWait wait =
        TxWait.await(
            chain, HexFormat.of().parseHex(hash.toLowerCase(Locale.ROOT)), timeout(request));
    ObjectNode out = RestJson.object();
    out.put("status", wait.status().name());
    out.put("latest_height", Long.toString(wait.latestHeight()));
    if (wait.record().isPresent()) {
      ObjectNode response = RestJson.tree(TxJson.committed(wait.record().get()));
      TxJson.bech32Addresses(response.get("tx"), chain.identity().bech32Prefix());
      out.set("tx_response", response);
    } else {
      out.putNull("tx_response");
    }
    return RestResponse.ok(RestJson.write(out));
  }

  private static Duration timeout(RestRequest request) {
    return Duration.ofMillis(number(request, "timeout_ms", 0, MAX_TIMEOUT_MS, DEFAULT_TIMEOUT_MS));
  }

  private static long number(RestRequest request, String name, long min, long max, long absent) {
    return request.queryParam(name) == null ? absent : number(request, name, min, max);
  }

  private static long number(RestRequest request, String name, long min, long max) {
    String text = request.queryParam(name);
    try {
      long value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw ApiException.invalidArgument(
        "invalid "
            + name
            + " \""
            + ProtoParams.shorten(text)
            + "\": expected an integer from "
            + min
            + " to "
            + max);
  }
}
