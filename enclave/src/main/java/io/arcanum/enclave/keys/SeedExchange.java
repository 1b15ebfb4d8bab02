package io.arcanum.enclave.keys;

import io.arcanum.crypto.AuthenticationFailedException;
import io.arcanum.crypto.aessiv.AesSiv;
import io.arcanum.crypto.aessiv.AesSivKey;
import io.arcanum.crypto.seed.ConsensusSeed;
import io.arcanum.crypto.seed.SeedList;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.crypto.x25519.X25519SharedSecret;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The seeds' journey to a new node (protocol.md §4.2, §4.3). The network encrypts every seed,
 * oldest first, under the latest seed's exchange key for the new node's registration key; the raw
 * X25519 shared secret is the AES-SIV key and the registration public key the only associated data.
 * Each seed becomes a 48-byte block (tag ‖ ciphertext).
 */
public final class SeedExchange {
  public static final int BLOCK_LENGTH = 48;

  private SeedExchange() {}

  /** The on-chain encrypted seed blob for {@code registrationKey} (§4.2 step 5). */
  public static byte[] encryptFor(
      X25519PrivateKey seedExchangeKey, SeedList seeds, X25519PublicKey registrationKey) {
    List<byte[]> ad = List.of(registrationKey.bytes());
    byte[] out = new byte[seeds.size() * BLOCK_LENGTH];
    try (X25519SharedSecret shared = seedExchangeKey.agree(registrationKey)) {
      AesSiv siv = new AesSiv(AesSivKey.of(shared.exportSecret()));
      for (int i = 0; i < seeds.size(); i++) {
        byte[] seed = seeds.get(i).exportSecret();
        byte[] block = siv.seal(seed, ad);
        Arrays.fill(seed, (byte) 0);
        System.arraycopy(block, 0, out, i * BLOCK_LENGTH, BLOCK_LENGTH);
      }
    }
    return out;
  }

  /**
   * The new node's side (§4.3): opens the blob with its registration key and the network's
   * seed-exchange public key. Accepts raw 48-byte blocks or the same prefixed by one length byte.
   *
   * @throws IllegalArgumentException saying what is wrong with the blob (never its contents)
   */
  public static SeedList decrypt(
      X25519PrivateKey registrationKey, X25519PublicKey networkSeedExchangeKey, byte[] blob) {
    int offset =
        switch (blob.length % BLOCK_LENGTH) {
          case 0 -> 0;
          case 1 -> 1;
          default ->
              throw new IllegalArgumentException(
                  "encrypted seeds of "
                      + blob.length
                      + " bytes: expected 48-byte blocks, optionally after one length byte");
        };
    int blocks = (blob.length - offset) / BLOCK_LENGTH;
    if (blocks == 0) {
      throw new IllegalArgumentException("encrypted seeds hold no seed");
    }
    List<byte[]> ad = List.of(registrationKey.publicKey().bytes());
    List<ConsensusSeed> seeds = new ArrayList<>(blocks);
    try (X25519SharedSecret shared = registrationKey.agree(networkSeedExchangeKey)) {
      AesSiv siv = new AesSiv(AesSivKey.of(shared.exportSecret()));
      for (int i = 0; i < blocks; i++) {
        int start = offset + i * BLOCK_LENGTH;
        byte[] seed;
        try {
          seed = siv.open(Arrays.copyOfRange(blob, start, start + BLOCK_LENGTH), ad);
        } catch (AuthenticationFailedException e) {
          throw new IllegalArgumentException(
              "encrypted seed "
                  + (i + 1)
                  + " does not open with this node's registration key and the given network key");
        }
        seeds.add(ConsensusSeed.of(seed));
        Arrays.fill(seed, (byte) 0);
      }
    }
    return SeedList.of(seeds);
  }
}
