package io.arcanum.enclave.compute;

import io.arcanum.crypto.AuthenticationFailedException;
import io.arcanum.crypto.seed.DerivedSecret;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.TxEncryptionKey;
import io.arcanum.crypto.tx.TxEnvelope;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The caller enclave's permit for a plaintext reply (Arcanum; Secret's plaintext replies carry no
 * proof at all). Secret hands a contract an unsigned reply for a sub-message no enclave signed for
 * ({@code is_encrypted: false}: bank and other non-wasm messages, plaintext-origin calls), and its
 * enclave takes it as it comes. That would let a node tell a contract that an encrypted wasm
 * sub-call succeeded with data it made up. So the enclave that emits a sub-message wanting a reply
 * attaches this permit, and a plaintext reply is accepted only with it:
 *
 * <pre>
 * permit = flags(1) ‖ body ‖ HMAC-SHA256(callback_secret, "arcanum reply permit v1" ‖
 *          caller_contract ‖ caller_code_hash(32) ‖ flags ‖ body)
 * body   = nonce(32) ‖ pk(32) ‖ SIV(tx_key, BE64(sub_msg_id))     if the sender's input was encrypted
 *        = BE64(sub_msg_id)                                         otherwise
 * flags  = 1 if the callee's enclave signs a success (wasm execute/instantiate/migrate) | 2 if encrypted
 * </pre>
 *
 * The tag binds the permit to the calling contract and its code; the id stays hidden from the node
 * as in Secret, where an encrypted wasm sub-message's id travels only inside its ciphertext; and
 * the envelope header names the sender's tx key, under which the reply's outputs are encrypted. For
 * a wasm sub-call the callee's enclave signs both outcomes it can produce, so a plaintext reply is
 * accepted only as an error there (the call ran out of gas, trapped or was refused before it ran).
 */
final class ReplyPermit {
  static final int SIGNABLE = 1;
  static final int ENCRYPTED = 2;
  private static final byte[] LABEL = "arcanum reply permit v1".getBytes(StandardCharsets.US_ASCII);
  private static final int TAG = 32;
  private static final int HEADER = 64;

  private ReplyPermit() {}

  /**
   * @param signable whether the sub-message is a wasm call whose callee's enclave signs its reply
   * @return the permit, to travel base64 in the SubMsg's {@code reply_permit}
   */
  static byte[] issue(
      ContractInput input,
      byte[] callerContract,
      CodeHash callerHash,
      long subMessageId,
      boolean signable,
      DerivedSecret callbackSecret) {
    byte[] id = ByteBuffer.allocate(8).putLong(subMessageId).array();
    int flags = (signable ? SIGNABLE : 0) | (input.encrypted() ? ENCRYPTED : 0);
    ByteBuffer body;
    if (input.encrypted()) {
      byte[] sealed = input.key().seal(id);
      body =
          ByteBuffer.allocate(1 + HEADER + sealed.length)
              .put((byte) flags)
              .put(input.envelope().nonce())
              .put(input.envelope().clientPublicKey().bytes())
              .put(sealed);
    } else {
      body = ByteBuffer.allocate(1 + id.length).put((byte) flags).put(id);
    }
    byte[] unsigned = body.array();
    byte[] tag = tag(callbackSecret, callerContract, callerHash, unsigned);
    byte[] permit = Arrays.copyOf(unsigned, unsigned.length + TAG);
    System.arraycopy(tag, 0, permit, unsigned.length, TAG);
    return permit;
  }

  /**
   * A permit opened by the enclave that issued it.
   *
   * @param key the sender's tx key when the sender's input was encrypted, else null
   * @param envelope the sender's nonce and public key when encrypted, else null
   */
  record Opened(long subMessageId, boolean signable, TxEncryptionKey key, TxEnvelope envelope) {}

  /**
   * @throws EnclaveException UNAUTHORIZED if this enclave did not issue the permit for this
   *     contract and code; INVALID_INPUT if it is malformed
   */
  static Opened open(
      byte[] permit,
      byte[] callerContract,
      CodeHash callerHash,
      DerivedSecret callbackSecret,
      X25519PrivateKey ioKey)
      throws EnclaveException {
    if (permit.length < 1 + 8 + TAG) {
      throw new EnclaveException(Reason.INVALID_INPUT, "the reply permit is too short");
    }
    byte[] unsigned = Arrays.copyOf(permit, permit.length - TAG);
    byte[] expected = tag(callbackSecret, callerContract, callerHash, unsigned);
    if (!MessageDigest.isEqual(
        expected, Arrays.copyOfRange(permit, unsigned.length, permit.length))) {
      throw new EnclaveException(
          Reason.UNAUTHORIZED,
          "the reply permit was not issued by this network's enclave for this contract and code");
    }
    int flags = unsigned[0] & 0xff;
    boolean signable = (flags & SIGNABLE) != 0;
    if ((flags & ENCRYPTED) == 0) {
      if (unsigned.length != 1 + 8 || flags > SIGNABLE) {
        throw new EnclaveException(Reason.INVALID_INPUT, "the reply permit is malformed");
      }
      return new Opened(ByteBuffer.wrap(unsigned, 1, 8).getLong(), signable, null, null);
    }
    if (unsigned.length <= 1 + HEADER || flags > (SIGNABLE | ENCRYPTED)) {
      throw new EnclaveException(Reason.INVALID_INPUT, "the reply permit is malformed");
    }
    TxEnvelope envelope =
        new TxEnvelope(
            Arrays.copyOfRange(unsigned, 1, 33),
            new X25519PublicKey(Arrays.copyOfRange(unsigned, 33, 1 + HEADER)),
            new byte[0]);
    TxEncryptionKey key = envelope.txEncryptionKey(ioKey);
    try {
      byte[] id = key.open(Arrays.copyOfRange(unsigned, 1 + HEADER, unsigned.length));
      if (id.length != 8) {
        throw new EnclaveException(Reason.INVALID_INPUT, "the reply permit is malformed");
      }
      return new Opened(ByteBuffer.wrap(id).getLong(), signable, key, envelope);
    } catch (AuthenticationFailedException | EnclaveException e) {
      key.destroy();
      throw e instanceof EnclaveException known
          ? known
          : new EnclaveException(Reason.INVALID_INPUT, "the reply permit does not open");
    }
  }

  private static byte[] tag(
      DerivedSecret callbackSecret, byte[] callerContract, CodeHash callerHash, byte[] unsigned) {
    byte[] secret = callbackSecret.exportSecret();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(LABEL);
      mac.update(callerContract);
      mac.update(callerHash.bytes());
      mac.update(unsigned);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HMAC-SHA256", e);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }
}
