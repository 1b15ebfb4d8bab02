package io.arcanum.enclave.state;

import io.arcanum.crypto.AuthenticationFailedException;
import io.arcanum.crypto.aessiv.AesSiv;
import io.arcanum.crypto.aessiv.AesSivKey;
import io.arcanum.crypto.hkdf.SecretKdf;
import io.arcanum.crypto.seed.DerivedSecret;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One contract's state encryption in Secret's current ("v3") format (protocol.md §9.1):
 *
 * <pre>
 * key_enc_key = HKDF(ikm[1] ‖ contract_key, "")      seed 2 always, so keys stay findable
 * val_enc_key = HKDF(ikm[last] ‖ contract_key, "")
 * enc_key     = SIV(key_enc_key, key, AD = [])        deterministic: the lookup key
 * enc_val     = SIV(val_enc_key, value, AD = [enc_key, salt])
 * DB key      = LE64(6) ‖ "secret" ‖ LE16(2) ‖ LE32(3) ‖ LE64(len) ‖ enc_key
 * DB value    = LE64(24) ‖ salt ‖ LE64(len) ‖ enc_val [‖ LE16(seed_id) when more than 2 seeds]
 * </pre>
 *
 * A value moved to another key, another contract's value, or a flipped bit fails to open.
 */
public final class StateCipher {
  private static final byte[] KEY_PREFIX = keyPrefix();

  private final AesSiv keyCipher;
  private final AesSiv[] valueCiphers; // by seed index
  private final int seedCount;

  /**
   * @param stateIkms every seed's state ikm, oldest first (two or more)
   */
  public StateCipher(List<DerivedSecret> stateIkms, ContractKey contractKey) {
    if (stateIkms.size() < 2) {
      throw new IllegalArgumentException(
          "v3 state needs at least 2 seeds, got " + stateIkms.size());
    }
    this.seedCount = stateIkms.size();
    byte[] key = contractKey.bytes();
    this.keyCipher = cipher(stateIkms.get(1), key);
    this.valueCiphers = new AesSiv[seedCount];
    for (int i = 1; i < seedCount; i++) {
      valueCiphers[i] = cipher(stateIkms.get(i), key);
    }
  }

  private static AesSiv cipher(DerivedSecret ikm, byte[] contractKey) {
    byte[] secret = ikm.exportSecret();
    byte[] derived = SecretKdf.keyDerive(secret, contractKey);
    Arrays.fill(secret, (byte) 0);
    try {
      return new AesSiv(AesSivKey.of(derived));
    } finally {
      Arrays.fill(derived, (byte) 0);
    }
  }

  /** The encrypted key data (deterministic), the part of the DB key after the header. */
  public byte[] encryptKey(byte[] plaintextKey) {
    return keyCipher.seal(plaintextKey, List.of());
  }

  /** The DB key under which {@code plaintextKey} is stored (without {@code 0x03 ‖ contract}). */
  public byte[] dbKey(byte[] plaintextKey) {
    byte[] encrypted = encryptKey(plaintextKey);
    return ByteBuffer.allocate(KEY_PREFIX.length + 8 + encrypted.length)
        .order(ByteOrder.LITTLE_ENDIAN)
        .put(KEY_PREFIX)
        .putLong(encrypted.length)
        .put(encrypted)
        .array();
  }

  /** The DB value for {@code value} under {@code plaintextKey}, salted by the write's position. */
  public byte[] dbValue(byte[] plaintextKey, byte[] value, WriteSalt salt) {
    byte[] saltBytes = salt.bytes();
    byte[] encrypted =
        valueCiphers[seedCount - 1].seal(value, List.of(encryptKey(plaintextKey), saltBytes));
    boolean suffix = seedCount > 2;
    ByteBuffer out =
        ByteBuffer.allocate(8 + WriteSalt.LENGTH + 8 + encrypted.length + (suffix ? 2 : 0))
            .order(ByteOrder.LITTLE_ENDIAN)
            .putLong(WriteSalt.LENGTH)
            .put(saltBytes)
            .putLong(encrypted.length)
            .put(encrypted);
    if (suffix) {
      out.putShort((short) seedCount);
    }
    return out.array();
  }

  /**
   * Opens a DB value read under {@code plaintextKey}.
   *
   * @throws StateIntegrityException if the value is malformed, was written under another key or
   *     contract, or was altered
   */
  public byte[] openValue(byte[] plaintextKey, byte[] dbValue) throws StateIntegrityException {
    ByteBuffer in = ByteBuffer.wrap(dbValue).order(ByteOrder.LITTLE_ENDIAN);
    try {
      if (in.getLong() != WriteSalt.LENGTH) {
        throw new StateIntegrityException("stored value has a salt that is not 24 bytes");
      }
      byte[] salt = new byte[WriteSalt.LENGTH];
      in.get(salt);
      long length = in.getLong();
      if (length < 16 || length > in.remaining()) {
        throw new StateIntegrityException("stored value's ciphertext length is out of range");
      }
      byte[] encrypted = new byte[(int) length];
      in.get(encrypted);
      int seedId = 2;
      if (in.remaining() == 2) {
        seedId = in.getShort() & 0xFFFF;
      } else if (in.hasRemaining()) {
        throw new StateIntegrityException("stored value has trailing bytes");
      }
      if (seedId < 2 || seedId > seedCount) {
        throw new StateIntegrityException("stored value names seed " + seedId + ", unknown here");
      }
      return valueCiphers[seedId - 1].open(encrypted, List.of(encryptKey(plaintextKey), salt));
    } catch (java.nio.BufferUnderflowException e) {
      throw new StateIntegrityException("stored value is truncated");
    } catch (AuthenticationFailedException e) {
      throw new StateIntegrityException(
          "stored value does not authenticate: altered, or written for another key or contract");
    }
  }

  private static byte[] keyPrefix() {
    return ByteBuffer.allocate(8 + 6 + 2 + 4)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putLong(6)
        .put("secret".getBytes(StandardCharsets.US_ASCII))
        .putShort((short) 2) // CONSENSUS_SEED_VERSION
        .putInt(3) // v3
        .array();
  }
}
