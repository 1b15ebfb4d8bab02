package io.arcanum.client.lcd;

/**
 * What {@code GET /cosmos/base/tendermint/v1beta1/node_info} says about the node.
 *
 * @param network the chain id ({@code default_node_info.network}), e.g. {@code secretdev-1}
 * @param moniker the node's name
 * @param applicationVersion {@code application_version.version} ({@code ""} if absent)
 */
public record NodeInfo(String network, String moniker, String applicationVersion) {}
