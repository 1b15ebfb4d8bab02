package io.arcanum.enclave.compute;

import io.arcanum.crypto.hkdf.SecretKdf;
import io.arcanum.crypto.seed.KeySchedule;
import io.arcanum.crypto.tx.TxEncryptionKey;
import io.arcanum.crypto.tx.TxEnvelope;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.enclave.api.BlockEnv;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The key a contract's smart queries travel under: the sender's tx key, or for a plaintext input
 * one the enclave derives deterministically from its callback secret, so every node seals the same
 * bytes and nobody outside can read them.
 */
record QueryKey(TxEncryptionKey key, TxEnvelope envelope, boolean owned) implements AutoCloseable {
  static QueryKey of(
      KeySchedule keys,
      ContractInput input,
      ContractExecutor.Target target,
      BlockEnv block,
      long counter) {
    if (input.encrypted()) {
      return new QueryKey(input.key(), input.envelope(), false);
    }
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    sha256.update("arcanum internal query".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    sha256.update(target.contract());
    sha256.update(ByteBuffer.allocate(16).putLong(block.height()).putLong(counter).array());
    byte[] nonce = sha256.digest();
    byte[] secret = keys.callbackSecret().exportSecret();
    X25519PrivateKey client = X25519PrivateKey.of(SecretKdf.keyDerive(secret, nonce));
    Arrays.fill(secret, (byte) 0);
    TxEnvelope envelope = new TxEnvelope(nonce, client.publicKey(), new byte[0]);
    client.destroy();
    return new QueryKey(envelope.txEncryptionKey(keys.ioExchangeKey()), envelope, true);
  }

  @Override
  public void close() {
    if (owned) {
      key.destroy();
    }
  }
}
