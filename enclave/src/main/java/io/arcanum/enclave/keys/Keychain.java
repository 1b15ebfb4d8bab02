package io.arcanum.enclave.keys;

import io.arcanum.crypto.seed.ConsensusSeed;
import io.arcanum.crypto.seed.SeedList;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the enclave seals: the consensus seed list and this node's registration key. Encoded as the
 * first fields of Secret's sealed file (protocol.md §5): {@code LE32 version = 1 ‖ u8 n ‖ n × 32
 * seeds ‖ u8 has_reg ‖ [32 registration sk]}.
 */
public final class Keychain {
  static final int VERSION = 1;

  private final SeedList seeds; // null before bootstrap or seed installation
  private final X25519PrivateKey registrationKey; // null if none

  public Keychain(SeedList seeds, X25519PrivateKey registrationKey) {
    this.seeds = seeds;
    this.registrationKey = registrationKey;
  }

  public static Keychain empty() {
    return new Keychain(null, null);
  }

  public Optional<SeedList> seeds() {
    return Optional.ofNullable(seeds);
  }

  public Optional<X25519PrivateKey> registrationKey() {
    return Optional.ofNullable(registrationKey);
  }

  public Keychain withSeeds(SeedList newSeeds) {
    return new Keychain(newSeeds, registrationKey);
  }

  public Keychain withRegistrationKey(X25519PrivateKey key) {
    return new Keychain(seeds, key);
  }

  /** The encoding; the caller seals it and wipes it. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(VERSION);
    out.write(0);
    out.write(0);
    out.write(0);
    int n = seeds == null ? 0 : seeds.size();
    out.write(n);
    for (int i = 0; i < n; i++) {
      byte[] seed = seeds.get(i).exportSecret();
      out.writeBytes(seed);
      Arrays.fill(seed, (byte) 0);
    }
    out.write(registrationKey == null ? 0 : 1);
    if (registrationKey != null) {
      byte[] key = registrationKey.exportSecret();
      out.writeBytes(key);
      Arrays.fill(key, (byte) 0);
    }
    return out.toByteArray();
  }

  /**
   * @throws IllegalArgumentException naming what is malformed (never the contents)
   */
  public static Keychain decode(byte[] bytes) {
    int pos = 0;
    if (bytes.length < 6) {
      throw new IllegalArgumentException("keychain of " + bytes.length + " bytes is too short");
    }
    int version =
        (bytes[0] & 0xFF)
            | (bytes[1] & 0xFF) << 8
            | (bytes[2] & 0xFF) << 16
            | (bytes[3] & 0xFF) << 24;
    if (version != VERSION) {
      throw new IllegalArgumentException("keychain version " + version + ", expected 1");
    }
    pos = 4;
    int n = bytes[pos++] & 0xFF;
    int expected = 4 + 1 + n * ConsensusSeed.LENGTH + 1;
    if (bytes.length < expected) {
      throw new IllegalArgumentException("keychain truncated in its " + n + " seeds");
    }
    List<ConsensusSeed> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(ConsensusSeed.of(Arrays.copyOfRange(bytes, pos, pos + ConsensusSeed.LENGTH)));
      pos += ConsensusSeed.LENGTH;
    }
    int hasRegistration = bytes[pos++] & 0xFF;
    X25519PrivateKey registration = null;
    if (hasRegistration == 1) {
      if (bytes.length != pos + X25519PrivateKey.LENGTH) {
        throw new IllegalArgumentException("keychain registration key has the wrong length");
      }
      registration = X25519PrivateKey.of(Arrays.copyOfRange(bytes, pos, pos + 32));
    } else if (hasRegistration != 0 || bytes.length != pos) {
      throw new IllegalArgumentException("keychain has trailing or malformed registration data");
    }
    return new Keychain(n == 0 ? null : SeedList.of(list), registration);
  }
}
