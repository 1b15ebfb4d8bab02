package io.arcanum.chain.module;

import io.arcanum.chain.abci.Event;
import io.arcanum.chain.gas.GasConfig;
import io.arcanum.chain.gas.GasKvStore;
import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.state.CacheKvStore;
import io.arcanum.chain.state.KvStore;
import java.util.ArrayList;
import java.util.List;

/**
 * What a message runs against: its own branch of state (every read and write charged to the tx's
 * gas meter), the events it emits, and the block and tx it belongs to. Nested work that may fail on
 * its own (a sub-message) runs in a {@link #branch()} that is written or discarded as a whole.
 */
public final class MsgContext {
  private final BlockInfo block;
  private final TxInfo tx;
  private final int msgIndex;
  private final CacheKvStore branch;
  private final KvStore store;
  private final GasMeter gas;
  private final boolean simulate;
  private final List<Event> events = new ArrayList<>();

  /**
   * @param parent the state this message's branch sits on (the tx's branch)
   * @param tx the tx, or null for work outside a tx (genesis)
   */
  public MsgContext(
      BlockInfo block, TxInfo tx, int msgIndex, KvStore parent, GasMeter gas, boolean simulate) {
    this.block = block;
    this.tx = tx;
    this.msgIndex = msgIndex;
    this.branch = new CacheKvStore(parent);
    this.store = new GasKvStore(branch, gas, GasConfig.KV);
    this.gas = gas;
    this.simulate = simulate;
  }

  public BlockInfo block() {
    return block;
  }

  /** The tx, or null outside one. */
  public TxInfo tx() {
    return tx;
  }

  public int msgIndex() {
    return msgIndex;
  }

  /** State as this message sees it; reads and writes cost gas. */
  public KvStore store() {
    return store;
  }

  /**
   * The same state as {@link #store()} without gas: only for bookkeeping whose gas must not depend
   * on node-local caches, such as the compute module's code bytes, which the enclave reads only
   * when its code cache misses (charging for that read would make gas differ between nodes). Writes
   * here are part of this context's branch and are kept or discarded with it.
   */
  public KvStore unmeteredStore() {
    return branch;
  }

  public GasMeter gas() {
    return gas;
  }

  /** Whether this is a simulation (gas estimation): nothing it does is kept. */
  public boolean simulate() {
    return simulate;
  }

  public void emit(Event event) {
    events.add(event);
  }

  /** The events emitted so far, in order. */
  public List<Event> events() {
    return List.copyOf(events);
  }

  /** A nested context on top of this one's state, with its own events. */
  public MsgContext branch() {
    return new MsgContext(block, tx, msgIndex, branch, gas, simulate);
  }

  /** Applies a nested context's writes and events to this one (the nested one is then empty). */
  public void merge(MsgContext nested) {
    if (nested.branch.parentIs(branch)) {
      nested.branch.write();
      events.addAll(nested.events);
      nested.events.clear();
    } else {
      throw new IllegalArgumentException("not a branch of this context");
    }
  }

  /** Applies this context's writes to the state it was made on; the application calls this. */
  public void writeToParent() {
    branch.write();
  }
}
