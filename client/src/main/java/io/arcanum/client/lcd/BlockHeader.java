package io.arcanum.client.lcd;

/**
 * The header fields of {@code GET /cosmos/base/tendermint/v1beta1/blocks/latest} a client needs to
 * wait for a chain.
 *
 * @param height the block height
 * @param chainId the chain id in the header
 * @param time the RFC 3339 block time ({@code ""} if absent)
 */
public record BlockHeader(long height, String chainId, String time) {}
