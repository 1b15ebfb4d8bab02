package io.arcanum.node.rest.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.chain.blocks.BlockRecord;
import io.arcanum.node.rest.NodeIdentity;
import io.arcanum.node.rest.RestChain;
import io.arcanum.node.rest.http.ApiException;
import io.arcanum.node.rest.http.ProtoParams;
import io.arcanum.node.rest.http.RestJson;
import io.arcanum.node.rest.http.RestResponse;
import io.arcanum.node.rest.http.Route;
import java.util.List;

/**
 * The SDK's {@code cosmos.base.tendermint.v1beta1} service routes a client uses to find the chain
 * id and wait for blocks (secretjs-api.md §3 optional routes): node info, syncing, the latest block
 * and a block by height ({@link BlockJson}).
 */
public final class TendermintRoutes {
  private static final String BASE = "/cosmos/base/tendermint/v1beta1/";

  private TendermintRoutes() {}

  public static List<Route> routes(RestChain chain) {
    return List.of(
        Route.get(
            BASE + "node_info", r -> RestResponse.ok(RestJson.write(nodeInfo(chain.identity())))),
        Route.get(
            BASE + "syncing",
            r -> RestResponse.ok(RestJson.write(RestJson.object().put("syncing", false)))),
        Route.get(
            BASE + "blocks/latest",
            r -> {
              long latest = chain.latestHeight();
              if (latest == 0) {
                throw ApiException.notFound("no block has been committed yet");
              }
              return block(chain, latest);
            }),
        Route.get(
            BASE + "blocks/{height}", r -> block(chain, height(chain, r.pathParam("height")))));
  }

  private static long height(RestChain chain, String text) {
    long height;
    try {
      height = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiException.invalidArgument(
          "invalid height \"" + ProtoParams.shorten(text) + "\": expected a 64-bit integer");
    }
    if (height < 1) {
      throw ApiException.invalidArgument("height must be at least 1, got " + height);
    }
    long latest = chain.latestHeight();
    if (height > latest) {
      throw ApiException.invalidArgument(
          "requested block height " + height + " is bigger than the chain length " + latest);
    }
    return height;
  }

  private static RestResponse block(RestChain chain, long height) {
    BlockRecord block =
        chain
            .block(height)
            .orElseThrow(() -> ApiException.notFound("block " + height + " is not stored"));
    BlockRecord previous = height > 1 ? chain.block(height - 1).orElse(null) : null;
    return RestResponse.ok(
        RestJson.write(BlockJson.response(block, previous, chain.txs(height), chain.identity())));
  }

  static ObjectNode nodeInfo(NodeIdentity node) {
    ObjectNode out = RestJson.object();
    ObjectNode info = out.putObject("default_node_info");
    ObjectNode protocol = info.putObject("protocol_version");
    protocol.put("p2p", "8");
    protocol.put("block", BlockJson.BLOCK_PROTOCOL);
    protocol.put("app", "0");
    info.put("default_node_id", node.nodeId());
    info.put("listen_addr", "");
    info.put("network", node.chainId());
    info.put("version", node.version());
    info.putNull("channels");
    info.put("moniker", "arcanum");
    ObjectNode other = info.putObject("other");
    other.put("tx_index", "on");
    other.put("rpc_address", "");
    ObjectNode app = out.putObject("application_version");
    app.put("name", "arcanum");
    app.put("app_name", "arcanum");
    app.put("version", node.version());
    app.put("git_commit", "");
    app.put("build_tags", "");
    app.put("go_version", "");
    app.putArray("build_deps");
    app.put("cosmos_sdk_version", "");
    return out;
  }
}
