package io.arcanum.chain.store;

/** One key and its value, as iteration returns them; the arrays are the caller's to keep. */
public record StoreEntry(byte[] key, byte[] value) {}
