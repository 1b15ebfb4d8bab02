package io.arcanum.client;

import io.arcanum.crypto.tx.CodeHash;

/**
 * An uploaded contract code.
 *
 * @param codeId the new code id (from {@code MsgStoreCodeResponse})
 * @param codeHash SHA-256 of the inflated wasm, computed locally as the node computes it (what
 *     instantiate encrypts for)
 * @param response the whole tx result
 */
public record StoreCodeResult(long codeId, CodeHash codeHash, TxResponse response) {}
