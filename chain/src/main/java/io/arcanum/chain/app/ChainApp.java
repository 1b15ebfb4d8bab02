package io.arcanum.chain.app;

import io.arcanum.chain.abci.AppInfo;
import io.arcanum.chain.abci.Application;
import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.ChainReader;
import io.arcanum.chain.abci.QueryRequest;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.abci.StateCheckpoints;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.auth.AccountKeeper;
import io.arcanum.chain.auth.Addresses;
import io.arcanum.chain.auth.AuthGenesis;
import io.arcanum.chain.auth.AuthQueryHandler;
import io.arcanum.chain.bank.BankGenesis;
import io.arcanum.chain.bank.BankKeeper;
import io.arcanum.chain.bank.BankMsgHandler;
import io.arcanum.chain.bank.BankQueryHandler;
import io.arcanum.chain.blocks.BlockRecord;
import io.arcanum.chain.blocks.BlockStore;
import io.arcanum.chain.blocks.TxRecord;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.module.BlockInfo;
import io.arcanum.chain.module.GenesisHandler;
import io.arcanum.chain.module.MessageHandler;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.module.QueryHandler;
import io.arcanum.chain.state.AuthenticatedKvStore;
import io.arcanum.chain.state.CacheKvStore;
import io.arcanum.chain.state.KvStore;
import io.arcanum.chain.state.MemoryKvStore;
import io.arcanum.chain.store.AuthenticatedStore;
import io.arcanum.chain.store.CommitId;
import io.arcanum.chain.tx.AnteHandler;
import io.arcanum.chain.tx.ExecMode;
import io.arcanum.chain.tx.TxDecoder;
import io.arcanum.proto.ProtoTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Arcanum state machine (docs/chain.md): auth and bank built in, other modules (compute,
 * registration) plugged in through their handlers, over an {@link AuthenticatedStore} whose version
 * equals the block height and whose root is the app hash.
 *
 * <ul>
 *   <li>Genesis is not committed on its own: store version 0 is empty, and the genesis state is the
 *       base of block 1, so version 1 = genesis + block 1. Until block 1 is committed, the genesis
 *       state lives in memory (rebuilt from the file at each start) and queries at height 0 see it.
 *   <li>{@link #checkTx} runs on a check state branched from the committed state and reset at each
 *       commit; {@link #finalizeBlock} runs each tx on the block's branch and stages the result in
 *       the store; {@link #commit} writes the state, the block, its results and the tx index in one
 *       atomic store commit.
 * </ul>
 *
 * <p>{@link #finalizeBlock}, {@link #commit}, {@link #checkTx} and {@link #simulate} are
 * serialized; {@link #query} and {@link #info} may run concurrently with them.
 */
public final class ChainApp implements Application, ChainReader, StateCheckpoints {
  /**
   * Raw store reads with proofs: data = key; value = the value at the height; proof = {@code
   * Proof}.
   */
  public static final String STORE_QUERY_PATH = QueryRouter.STORE_QUERY_PATH;

  private static final System.Logger LOG = System.getLogger(ChainApp.class.getName());

  /** The committed state as queries and {@link #info} see it, swapped atomically at commit. */
  private record Committed(long height, byte[] appHash, long timeNanos, MemoryKvStore genesis) {}

  private record Pending(Block block, List<TxResult> results, byte[] appHash, byte[] lastAppHash) {}

  private final AuthenticatedStore store;
  private final ChainConfig config;
  private final Genesis genesis;
  private final AccountKeeper accounts;
  private final BankKeeper bank;
  private final List<GenesisHandler> genesisHandlers;
  private final QueryRouter queries;
  private final TxRunner runner;
  private final BlockStore blocks;

  private final Object lock = new Object();
  private volatile Committed committed;
  private CacheKvStore checkState;
  private final Set<String> checked = new HashSet<>();
  private Pending pending;

  private ChainApp(Builder b) {
    this.store = Objects.requireNonNull(b.store, "store");
    this.genesis = Objects.requireNonNull(b.genesis, "genesis");
    this.config = b.config;
    this.accounts = b.accounts;
    this.bank = b.bank;
    if (!genesis.chainId().equals(config.chainId())) {
      throw new IllegalArgumentException(
          "genesis is for chain " + genesis.chainId() + ", the node for " + config.chainId());
    }
    this.genesisHandlers = List.copyOf(b.genesisHandlers);
    Set<String> modules = new HashSet<>();
    for (GenesisHandler handler : genesisHandlers) {
      if (!modules.add(handler.module())) {
        throw new IllegalArgumentException("two genesis handlers for module " + handler.module());
      }
    }
    for (String section : genesis.modules()) {
      if (!modules.contains(section)) {
        throw new IllegalArgumentException(
            "genesis app_state has a section '" + section + "' no module handles");
      }
    }
    this.blocks = new BlockStore(store);
    this.queries =
        new QueryRouter(b.queryHandlers, store, blocks, config, genesis.genesisTimeNanos());
    MessageRouter router = new MessageRouter(b.messageHandlers);
    this.runner =
        new TxRunner(
            new TxDecoder(ProtoTypes.typeRegistry(), router.typeUrls()),
            new AnteHandler(accounts, bank, config.minGasPrice(), config.maxBlockGas()),
            router,
            accounts.addresses(),
            config.maxTxBytes());
    this.committed = open();
    resetCheckState();
  }

  public static Builder builder(ChainConfig config) {
    return new Builder(config);
  }

  /** Where the store stands: after genesis (rebuilt in memory) or after its last block. */
  private Committed open() {
    long version = store.version();
    if (version == 0) {
      MemoryKvStore state = applyGenesis();
      state.scan(
          null,
          null,
          false,
          (k, v) -> {
            store.put(k, v);
            return true;
          });
      byte[] genesisHash = store.stagedRootHash();
      store.discardPending();
      return new Committed(0, genesisHash, genesis.genesisTimeNanos(), state);
    }
    String chainId = blocks.chainId();
    if (!config.chainId().equals(chainId)) {
      throw new IllegalStateException(
          "the store holds chain " + chainId + ", not " + config.chainId());
    }
    BlockRecord last =
        blocks
            .block(version)
            .orElseThrow(
                () -> new IllegalStateException("the store has no block record for " + version));
    return new Committed(version, store.rootHash(), last.timeNanos(), null);
  }

  private MemoryKvStore applyGenesis() {
    MemoryKvStore state = new MemoryKvStore();
    BlockInfo block = new BlockInfo(config.chainId(), 0, genesis.genesisTimeNanos());
    for (GenesisHandler handler : genesisHandlers) {
      MsgContext context = new MsgContext(block, null, 0, state, GasMeter.infinite(), false);
      try {
        handler.initGenesis(context, genesis.section(handler.module()));
      } catch (ChainException e) {
        throw new IllegalArgumentException("invalid genesis: " + e.getMessage(), e);
      }
      context.writeToParent();
    }
    return state;
  }

  private void resetCheckState() {
    Committed c = committed;
    KvStore base =
        c.genesis() != null ? ReadOnlyKvStore.over(c.genesis()) : new AuthenticatedKvStore(store);
    checkState = new CacheKvStore(base);
    checked.clear();
  }

  @Override
  public AppInfo info() {
    Committed c = committed;
    return new AppInfo(config.chainId(), c.height(), c.appHash(), c.timeNanos());
  }

  @Override
  public TxResult checkTx(byte[] tx) {
    synchronized (lock) {
      String hash = HexFormat.of().formatHex(TxDecoder.hash(tx));
      if (checked.contains(hash)) {
        ChainException e = SdkErrors.TX_IN_MEMPOOL_CACHE.error();
        return new TxResult(e.code(), e.codespace(), e.getMessage(), null, 0, 0, List.of());
      }
      TxResult result = runner.run(checkState, checkBlock(), 0, tx, ExecMode.CHECK);
      if (result.isOk()) {
        checked.add(hash);
      }
      return result;
    }
  }

  /**
   * Runs a tx for gas estimation ({@code POST /cosmos/tx/v1beta1/simulate}) on a throwaway branch
   * of the check state, without signature verification; nothing it does is kept.
   */
  @Override
  public TxResult simulate(byte[] tx) {
    synchronized (lock) {
      return runner.run(new CacheKvStore(checkState), checkBlock(), 0, tx, ExecMode.SIMULATE);
    }
  }

  /** The check state's block: the last committed one (baseapp's check state header), at least 1. */
  private BlockInfo checkBlock() {
    Committed c = committed;
    return new BlockInfo(config.chainId(), Math.max(1, c.height()), c.timeNanos());
  }

  @Override
  public BlockResult finalizeBlock(Block block) {
    synchronized (lock) {
      if (pending != null) {
        throw new IllegalStateException(
            "block " + pending.block().height() + " is finalized but not committed");
      }
      Committed last = committed;
      if (block.height() != last.height() + 1) {
        throw new IllegalStateException(
            "expected block " + (last.height() + 1) + ", got " + block.height());
      }
      if (block.timeNanos() < last.timeNanos()) {
        throw new IllegalStateException(
            "block "
                + block.height()
                + " goes back in time: "
                + block.timeNanos()
                + " < "
                + last.timeNanos());
      }
      BlockInfo info = new BlockInfo(config.chainId(), block.height(), block.timeNanos());
      CacheKvStore state = new CacheKvStore(new AuthenticatedKvStore(store));
      if (last.genesis() != null) {
        last.genesis()
            .scan(
                null,
                null,
                false,
                (k, v) -> {
                  state.set(k, v);
                  return true;
                });
      }
      List<TxResult> results = new ArrayList<>();
      List<byte[]> txs = block.txs();
      for (int i = 0; i < txs.size(); i++) {
        results.add(runner.run(state, info, i, txs.get(i), ExecMode.FINALIZE));
      }
      byte[] appHash;
      try {
        state.write();
        appHash = store.stagedRootHash();
      } catch (RuntimeException e) {
        store.discardPending();
        throw e;
      }
      pending = new Pending(block, results, appHash, last.appHash());
      return new BlockResult(block.height(), results, List.of(), appHash);
    }
  }

  @Override
  public long commit() {
    synchronized (lock) {
      if (pending == null) {
        throw new IllegalStateException("no finalized block to commit");
      }
      Block block = pending.block();
      List<byte[]> txs = block.txs();
      List<byte[]> hashes = new ArrayList<>();
      List<TxRecord> records = new ArrayList<>();
      for (int i = 0; i < txs.size(); i++) {
        byte[] hash = TxDecoder.hash(txs.get(i));
        hashes.add(hash);
        records.add(
            new TxRecord(
                hash, block.height(), i, block.timeNanos(), txs.get(i), pending.results().get(i)));
      }
      blocks.stage(
          new BlockRecord(
              block.height(),
              block.timeNanos(),
              config.chainId(),
              block.proposer(),
              hashes,
              pending.appHash(),
              pending.lastAppHash(),
              List.of()),
          records);
      CommitId id = store.commit();
      if (id.version() != block.height()) {
        throw new IllegalStateException(
            "store version " + id.version() + " after committing block " + block.height());
      }
      committed = new Committed(block.height(), id.rootHash(), block.timeNanos(), null);
      pending = null;
      resetCheckState();
      return block.height();
    }
  }

  /** The store's checkpoint; only a {@link RocksStore} can make one. */
  @Override
  public void checkpoint(java.nio.file.Path target) {
    synchronized (lock) {
      if (pending != null) {
        throw new IllegalStateException(
            "block " + pending.block().height() + " is finalized but not committed");
      }
      if (!(store instanceof io.arcanum.chain.store.RocksStore rocks)) {
        throw new UnsupportedOperationException("this application's store has no checkpoints");
      }
      rocks.checkpoint(target);
    }
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    Committed c = committed;
    return queries.query(request, c.height(), c.timeNanos(), c.genesis());
  }

  /** Blocks, tx results and the tx index (the REST layer reads txs and blocks here). */
  @Override
  public BlockStore blockStore() {
    return blocks;
  }

  public ChainConfig config() {
    return config;
  }

  public Genesis genesis() {
    return genesis;
  }

  public AccountKeeper accounts() {
    return accounts;
  }

  public BankKeeper bank() {
    return bank;
  }

  /** Closes the store. */
  @Override
  public void close() {
    synchronized (lock) {
      store.close();
    }
  }

  /**
   * Assembles a {@link ChainApp}. The auth and bank modules are built in (their keepers are
   * available from {@link #accounts()} and {@link #bank()} so other modules can be constructed on
   * them); other modules add their handlers. Genesis sections are applied in the order auth, bank,
   * then the added genesis handlers in the order added.
   */
  public static final class Builder {
    private final ChainConfig config;
    private final AccountKeeper accounts;
    private final BankKeeper bank;
    private final List<MessageHandler> messageHandlers = new ArrayList<>();
    private final List<QueryHandler> queryHandlers = new ArrayList<>();
    private final List<GenesisHandler> genesisHandlers = new ArrayList<>();
    private AuthenticatedStore store;
    private Genesis genesis;

    private Builder(ChainConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      Addresses addresses = new Addresses(config.bech32Prefix());
      this.accounts = new AccountKeeper(addresses);
      this.bank = new BankKeeper(accounts);
      messageHandlers.add(new BankMsgHandler(bank, addresses));
      queryHandlers.add(new AuthQueryHandler(accounts));
      queryHandlers.add(new BankQueryHandler(bank, addresses));
      genesisHandlers.add(new AuthGenesis(accounts));
      genesisHandlers.add(new BankGenesis(bank, addresses));
    }

    public AccountKeeper accounts() {
      return accounts;
    }

    public BankKeeper bank() {
      return bank;
    }

    public ChainConfig config() {
      return config;
    }

    /** The store the app runs on; the app closes it. */
    public Builder store(AuthenticatedStore store) {
      this.store = store;
      return this;
    }

    public Builder genesis(Genesis genesis) {
      this.genesis = genesis;
      return this;
    }

    public Builder messageHandler(MessageHandler handler) {
      messageHandlers.add(Objects.requireNonNull(handler));
      return this;
    }

    public Builder queryHandler(QueryHandler handler) {
      queryHandlers.add(Objects.requireNonNull(handler));
      return this;
    }

    public Builder genesisHandler(GenesisHandler handler) {
      genesisHandlers.add(Objects.requireNonNull(handler));
      return this;
    }

    /**
     * Builds the app; if that fails, the store is closed.
     *
     * @throws IllegalArgumentException for an invalid genesis (naming what is wrong), a genesis of
     *     another chain, a section no module handles, or two handlers for one type URL or path
     * @throws IllegalStateException if the store holds another chain
     */
    public ChainApp build() {
      Objects.requireNonNull(store, "store");
      try {
        return new ChainApp(this);
      } catch (RuntimeException e) {
        store.close();
        throw e;
      }
    }
  }
}
