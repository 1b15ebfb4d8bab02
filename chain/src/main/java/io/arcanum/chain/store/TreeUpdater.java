package io.arcanum.chain.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Applies one block's changes to the tree of the previous version, producing the new version's
 * nodes and the list of nodes it no longer uses. Pure: nothing is written here, so the caller can
 * put nodes, stale marks, the flat index and the version record into one atomic RocksDB batch.
 *
 * <p>Only paths that hold a change are visited; everything else stays where it is and is shared
 * with the previous version by reference ({@link ChildRef#version}). Every subtree with one key is
 * a single leaf as high as it can go, every subtree with none is absent: that canonical shape is
 * what makes the root a function of the key/value set alone (docs/store.md § Shape).
 */
final class TreeUpdater {

  /**
   * The new root ({@code null} for an empty tree), the nodes to write, and the nodes of the
   * previous version the new one no longer reaches (for pruning).
   */
  record Result(ChildRef root, List<Written> written, List<NodeKey> stale) {}

  record Written(NodeKey key, Node node) {}

  /** A subtree after the update, before it has a final position. */
  private sealed interface Pending {}

  /** An existing node left where it is. */
  private record Kept(ChildRef ref) implements Pending {}

  /** A new node, written once its parent decides its path (a lone leaf may still move up). */
  private record Fresh(Node node, byte[] hash) implements Pending {}

  private final NodeReader reader;
  private final long version;
  private final List<Written> written = new ArrayList<>();
  private final List<NodeKey> stale = new ArrayList<>();

  private TreeUpdater(NodeReader reader, long version) {
    this.reader = reader;
    this.version = version;
  }

  /**
   * @param root the previous version's root, or null if that tree was empty
   * @param changes at most one change per key, in any order
   */
  static Result apply(NodeReader reader, ChildRef root, long version, List<Change> changes) {
    if (changes.isEmpty()) {
      return new Result(root, List.of(), List.of());
    }
    TreeUpdater updater = new TreeUpdater(reader, version);
    Pending top = updater.update(root, NibblePath.ROOT, changes);
    ChildRef newRoot = updater.place(top, NibblePath.ROOT);
    return new Result(newRoot, updater.written, updater.stale);
  }

  private Pending update(ChildRef existing, NibblePath path, List<Change> changes) {
    if (existing == null) {
      List<LeafNode> puts = new ArrayList<>();
      for (Change change : changes) {
        if (change.isPut()) {
          puts.add(change.leaf());
        }
      }
      return build(path, puts);
    }
    NodeKey key = new NodeKey(existing.version(), path);
    return switch (reader.load(key)) {
      case LeafNode leaf -> updateLeaf(existing, key, leaf, path, changes);
      case InternalNode internal -> updateInternal(existing, key, internal, path, changes);
    };
  }

  /** A leaf meets changes: it is replaced, deleted, or pushed down beside new keys. */
  private Pending updateLeaf(
      ChildRef existing, NodeKey key, LeafNode leaf, NibblePath path, List<Change> changes) {
    boolean touched = false;
    List<LeafNode> entries = new ArrayList<>();
    for (Change change : changes) {
      if (Arrays.equals(change.keyHash(), leaf.keyHash())) {
        touched = true;
      }
      if (change.isPut()) {
        entries.add(change.leaf());
      }
    }
    if (!touched && entries.isEmpty()) {
      return new Kept(existing); // only deletes of keys that were not there
    }
    stale.add(key);
    if (!touched) {
      entries.add(leaf);
    }
    return build(path, entries);
  }

  private Pending updateInternal(
      ChildRef existing, NodeKey key, InternalNode node, NibblePath path, List<Change> changes) {
    List<List<Change>> groups = bucket(changes, path.length(), Change::keyHash);
    Pending[] slots = new Pending[InternalNode.WIDTH];
    boolean changed = false;
    for (int i = 0; i < InternalNode.WIDTH; i++) {
      ChildRef child = node.child(i);
      List<Change> group = groups.get(i);
      if (group == null) {
        slots[i] = child == null ? null : new Kept(child);
        continue;
      }
      Pending after = update(child, path.child(i), group);
      slots[i] = after;
      changed |= after instanceof Fresh || (after == null && child != null);
    }
    if (!changed) {
      return new Kept(existing);
    }
    stale.add(key);
    return assemble(path, slots, node);
  }

  /** The canonical subtree at {@code path} holding exactly {@code leaves}. */
  private Pending build(NibblePath path, List<LeafNode> leaves) {
    if (leaves.isEmpty()) {
      return null;
    }
    if (leaves.size() == 1) {
      LeafNode leaf = leaves.get(0);
      return new Fresh(leaf, leaf.hash());
    }
    if (path.length() == NibblePath.MAX_LENGTH) {
      throw new IllegalStateException("two keys with the same SHA-256 hash");
    }
    List<List<LeafNode>> groups = bucket(leaves, path.length(), LeafNode::keyHash);
    Pending[] slots = new Pending[InternalNode.WIDTH];
    for (int i = 0; i < InternalNode.WIDTH; i++) {
      if (groups.get(i) != null) {
        slots[i] = build(path.child(i), groups.get(i));
      }
    }
    return assemble(path, slots, null);
  }

  /**
   * An internal node over {@code slots}, or the lone leaf lifted to {@code path}, or nothing.
   * {@code previous} is the node this one replaces, whose hashes over unchanged slots it reuses.
   */
  private Pending assemble(NibblePath path, Pending[] slots, InternalNode previous) {
    int count = 0;
    int last = -1;
    for (int i = 0; i < InternalNode.WIDTH; i++) {
      if (slots[i] != null) {
        count++;
        last = i;
      }
    }
    if (count == 0) {
      return null;
    }
    if (count == 1 && isLeaf(slots[last])) {
      return lift(slots[last], path.child(last));
    }
    ChildRef[] children = new ChildRef[InternalNode.WIDTH];
    for (int i = 0; i < InternalNode.WIDTH; i++) {
      children[i] = place(slots[i], path.child(i));
    }
    InternalNode node = new InternalNode(children, previous);
    return new Fresh(node, node.hash());
  }

  /** A leaf that is moving up from {@code from}: an existing one is rewritten at its new path. */
  private Pending lift(Pending leaf, NibblePath from) {
    if (leaf instanceof Kept kept) {
      NodeKey old = new NodeKey(kept.ref().version(), from);
      stale.add(old);
      return new Fresh(reader.load(old), kept.ref().hash());
    }
    return leaf;
  }

  /** Fixes a subtree at {@code path}: new nodes are written there under this version. */
  private ChildRef place(Pending pending, NibblePath path) {
    return switch (pending) {
      case null -> null;
      case Kept kept -> kept.ref();
      case Fresh fresh -> {
        written.add(new Written(new NodeKey(version, path), fresh.node()));
        yield new ChildRef(version, fresh.hash(), fresh.node() instanceof LeafNode);
      }
    };
  }

  private static boolean isLeaf(Pending pending) {
    return switch (pending) {
      case Kept kept -> kept.ref().leaf();
      case Fresh fresh -> fresh.node() instanceof LeafNode;
    };
  }

  /** Splits items by the key-hash nibble at {@code depth}; a slot with none stays null. */
  private static <T> List<List<T>> bucket(
      List<T> items, int depth, java.util.function.Function<T, byte[]> keyHash) {
    List<List<T>> groups = new ArrayList<>(InternalNode.WIDTH);
    for (int i = 0; i < InternalNode.WIDTH; i++) {
      groups.add(null);
    }
    for (T item : items) {
      int nibble = TreeHash.nibble(keyHash.apply(item), depth);
      List<T> group = groups.get(nibble);
      if (group == null) {
        group = new ArrayList<>();
        groups.set(nibble, group);
      }
      group.add(item);
    }
    return groups;
  }
}
