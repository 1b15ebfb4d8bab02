package io.arcanum.chain.app;

import io.arcanum.chain.abci.QueryRequest;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.blocks.BlockRecord;
import io.arcanum.chain.blocks.BlockStore;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.gas.OutOfGasException;
import io.arcanum.chain.module.BlockInfo;
import io.arcanum.chain.module.QueryContext;
import io.arcanum.chain.module.QueryHandler;
import io.arcanum.chain.state.KvStore;
import io.arcanum.chain.store.AuthenticatedStore;
import io.arcanum.chain.store.VersionUnavailableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers queries (docs/chain.md §8): routes a gRPC method path to its {@link QueryHandler} with
 * state read at the asked height, answers raw store reads with proofs, and turns every error into
 * the response's code, codespace and log.
 */
final class QueryRouter {
  static final String STORE_QUERY_PATH = "/store/main/key";

  private static final System.Logger LOG = System.getLogger(QueryRouter.class.getName());

  private final Map<String, QueryHandler> byPath;
  private final AuthenticatedStore store;
  private final BlockStore blocks;
  private final ChainConfig config;
  private final long genesisTimeNanos;

  /**
   * @throws IllegalArgumentException if two handlers claim the same path
   */
  QueryRouter(
      List<QueryHandler> handlers,
      AuthenticatedStore store,
      BlockStore blocks,
      ChainConfig config,
      long genesisTimeNanos) {
    Map<String, QueryHandler> map = new LinkedHashMap<>();
    for (QueryHandler handler : handlers) {
      for (String path : handler.paths()) {
        if (path.equals(STORE_QUERY_PATH) || map.putIfAbsent(path, handler) != null) {
          throw new IllegalArgumentException("two query handlers for " + path);
        }
      }
    }
    this.byPath = Map.copyOf(map);
    this.store = store;
    this.blocks = blocks;
    this.config = config;
    this.genesisTimeNanos = genesisTimeNanos;
  }

  /**
   * @param latest the last committed height
   * @param latestTimeNanos its block time
   * @param genesis the genesis state while {@code latest} is 0, else null
   */
  QueryResponse query(QueryRequest request, long latest, long latestTimeNanos, KvStore genesis) {
    long height = request.height() == 0 ? latest : request.height();
    try {
      if (height < 0) {
        throw SdkErrors.INVALID_REQUEST.wrap("height must not be negative: " + height);
      }
      if (height > latest) {
        throw SdkErrors.INVALID_HEIGHT.wrap(
            "cannot query with height in the future; please provide a valid height");
      }
      KvStore state;
      if (height == 0) {
        state = ReadOnlyKvStore.over(genesis);
      } else if (height < Math.max(1, store.earliestVersion())) {
        throw SdkErrors.INVALID_REQUEST.wrapf(
            "failed to load state at height %d; version does not exist (latest height: %d)",
            height, latest);
      } else {
        state = ReadOnlyKvStore.at(store, height);
      }
      if (request.path().equals(STORE_QUERY_PATH)) {
        return storeQuery(request, state, height);
      }
      QueryHandler handler = byPath.get(request.path());
      if (handler == null) {
        throw SdkErrors.UNKNOWN_REQUEST.wrap("unknown query path " + request.path());
      }
      long time = height == latest ? latestTimeNanos : timeAt(height);
      QueryContext context =
          new QueryContext(
              new BlockInfo(config.chainId(), height, time),
              state,
              GasMeter.limited(config.queryGasLimit()));
      byte[] value = handler.query(context, request.path(), request.data());
      return new QueryResponse(0, "", "", value, height, null);
    } catch (ChainException e) {
      return error(e, height);
    } catch (OutOfGasException e) {
      return error(SdkErrors.OUT_OF_GAS.wrap(e.getMessage()), height);
    } catch (ReadOnlyKvStore.PastHeightIterationException e) {
      return error(SdkErrors.NOT_SUPPORTED.wrap(e.getMessage()), height);
    } catch (VersionUnavailableException e) {
      return error(SdkErrors.INVALID_REQUEST.wrap(e.getMessage()), height);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "bug while answering query {0}: {1}",
          request.path(),
          e.getClass().getName());
      return new QueryResponse(
          TxResult.INTERNAL_CODE,
          TxResult.INTERNAL_CODESPACE,
          "internal error",
          null,
          height,
          null);
    }
  }

  private QueryResponse storeQuery(QueryRequest request, KvStore state, long height)
      throws ChainException {
    byte[] key = request.data();
    if (key.length == 0) {
      throw SdkErrors.INVALID_REQUEST.wrap("store query needs a key");
    }
    byte[] value = state.get(key);
    byte[] proof = null;
    if (request.prove()) {
      if (height == 0) {
        throw SdkErrors.NOT_SUPPORTED.wrap("no proofs before the first block is committed");
      }
      proof = store.prove(key, height).toBytes();
    }
    return new QueryResponse(0, "", "", value, height, proof);
  }

  private long timeAt(long height) {
    return blocks.block(height).map(BlockRecord::timeNanos).orElse(genesisTimeNanos);
  }

  private static QueryResponse error(ChainException e, long height) {
    return new QueryResponse(e.code(), e.codespace(), e.getMessage(), null, height, null);
  }
}
