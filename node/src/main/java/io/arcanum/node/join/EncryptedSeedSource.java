package io.arcanum.node.join;

import java.util.Optional;

/**
 * Where a joining node reads the seed the network encrypted for it (protocol.md §4.3): in practice
 * a node's REST API ({@link LcdSeedSource}), in tests anything. Nothing read here is trusted: the
 * enclave opens the seed with its own registration key and checks it against the network key from
 * genesis.
 */
@FunctionalInterface
public interface EncryptedSeedSource {
  /**
   * @param registrationKey the joining enclave's 32-byte registration public key
   * @return the encrypted seed stored on chain for it (48 bytes per seed), or empty if the chain
   *     holds no registration for it
   * @throws JoinException {@code NODE_UNREACHABLE} or {@code NODE_ERROR} when the source cannot
   *     tell
   */
  Optional<byte[]> encryptedSeed(byte[] registrationKey) throws JoinException;
}
