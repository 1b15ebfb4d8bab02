package io.arcanum.chain.module;

import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.state.KvStore;

/**
 * What a query runs against: state at {@code block}'s height (writes are refused) and a gas meter
 * bounding contract queries.
 */
public record QueryContext(BlockInfo block, KvStore store, GasMeter gas) {}
