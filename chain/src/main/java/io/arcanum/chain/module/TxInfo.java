package io.arcanum.chain.module;

/**
 * The tx a message belongs to, with what proves its signer signed it (the compute module hands
 * these to the enclave, which re-verifies them, protocol.md §10.1).
 *
 * @param index the tx's position in its block
 * @param hash SHA-256 of the exact TxRaw bytes
 * @param txBytes the exact TxRaw bytes
 * @param signMode the signer's mode ({@code SignMode} number: 1 direct, 127 amino JSON)
 * @param signBytes the bytes the signature covers (the SignDoc, or the amino JSON sign doc)
 * @param publicKey the signer's 33-byte compressed secp256k1 key
 * @param signature the 64-byte signature
 * @param signer the signer's 20-byte account address
 */
public record TxInfo(
    int index,
    byte[] hash,
    byte[] txBytes,
    int signMode,
    byte[] signBytes,
    byte[] publicKey,
    byte[] signature,
    byte[] signer) {}
