package io.arcanum.chain.tx;

/**
 * What the ante handler established about a tx's signer, for the messages' {@code TxInfo}.
 *
 * @param signMode the signer's {@code SignMode} number
 * @param signBytes the bytes the signature covers
 * @param publicKey the signer's 33-byte key (as stored on its account)
 * @param signature the 64-byte signature
 * @param signer the signer's 20-byte address
 */
public record AnteResult(
    int signMode, byte[] signBytes, byte[] publicKey, byte[] signature, byte[] signer) {}
