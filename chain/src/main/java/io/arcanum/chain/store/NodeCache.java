package io.arcanum.chain.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently used internal nodes, decoded. A node under a given {@link NodeKey} never changes, so a
 * cached copy is never stale. The upper levels of the tree are read by every commit, lookup and
 * proof; keeping them here saves a RocksDB read and a decode per level. Leaves are not cached:
 * there are many, each is rarely re-read, and they may hold large values.
 */
final class NodeCache {
  private final Map<NodeKey, InternalNode> nodes;

  NodeCache(int capacity) {
    this.nodes =
        new LinkedHashMap<>(capacity, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<NodeKey, InternalNode> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized InternalNode get(NodeKey key) {
    return nodes.get(key);
  }

  synchronized void put(NodeKey key, InternalNode node) {
    nodes.put(key, node);
  }
}
