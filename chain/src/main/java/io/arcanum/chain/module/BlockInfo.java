package io.arcanum.chain.module;

/** The block a tx runs in, as modules see it. */
public record BlockInfo(String chainId, long height, long timeNanos) {}
