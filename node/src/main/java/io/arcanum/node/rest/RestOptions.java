package io.arcanum.node.rest;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How the node serves its REST API.
 *
 * @param address where to listen; port 0 picks a free port (tests)
 * @param maxBodyBytes the largest request body read; larger ones are refused with 413 before
 *     reading them
 * @param blockModeTimeout how long a {@code BROADCAST_MODE_BLOCK} broadcast waits for its block
 */
public record RestOptions(InetSocketAddress address, int maxBodyBytes, Duration blockModeTimeout) {
  /**
   * CometBFT's default {@code timeout_broadcast_tx_commit} is 10 s; a dev chain's store may be
   * slower.
   */
  public static final Duration DEFAULT_BLOCK_MODE_TIMEOUT = Duration.ofSeconds(30);

  public RestOptions {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(blockModeTimeout, "blockModeTimeout");
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
    }
  }

  /**
   * Listening on {@code host}:{@code port}, taking bodies big enough for the base64 of a {@code
   * maxTxBytes} tx in a JSON object.
   */
  public static RestOptions at(String host, int port, int maxTxBytes) {
    long body = (long) Math.ceil(maxTxBytes / 3.0) * 4 + 64 * 1024;
    return new RestOptions(
        new InetSocketAddress(host, port),
        (int) Math.min(Integer.MAX_VALUE, body),
        DEFAULT_BLOCK_MODE_TIMEOUT);
  }

  public RestOptions withBlockModeTimeout(Duration timeout) {
    return new RestOptions(address, maxBodyBytes, timeout);
  }
}
