package io.arcanum.crypto.seed;

import io.arcanum.crypto.hkdf.SecretKdf;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.crypto.x25519.X25519PublicKey;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.security.auth.Destroyable;

/**
 * Every key Secret derives from the seed list (protocol.md §2): {@code K(seed, n) = HKDF(seed ||
 * BE32(n), info = "seed")}. The exchange keys, callback secret and random keys come from the
 * current seed; the state IKM from every seed; the proof secrets from every seed (current used to
 * produce, every index ≥ 1 accepted to verify).
 */
public final class KeySchedule implements Destroyable {
  private final X25519PrivateKey seedExchangeKey;
  private final X25519PrivateKey ioExchangeKey;
  private final X25519PublicKey seedExchangePublicKey;
  private final X25519PublicKey ioExchangePublicKey;
  private final DerivedSecret callbackSecret;
  private final DerivedSecret randomEncryptionKey;
  private final DerivedSecret initialRandomnessSeed;
  private final List<DerivedSecret> stateIkms;
  private final List<DerivedSecret> adminProofSecrets;
  private final List<DerivedSecret> contractKeyProofSecrets;

  private KeySchedule(SeedList seeds) {
    int current = seeds.size() - 1;
    ConsensusSeed latest = seeds.current();
    seedExchangeKey = x25519(latest, current, SeedKey.SEED_EXCHANGE);
    ioExchangeKey = x25519(latest, current, SeedKey.IO_EXCHANGE);
    seedExchangePublicKey = seedExchangeKey.publicKey(); // once: a scalar multiplication each
    ioExchangePublicKey = ioExchangeKey.publicKey();
    callbackSecret = derive(latest, current, SeedKey.CALLBACK_SECRET);
    randomEncryptionKey = derive(latest, current, SeedKey.RANDOM_ENCRYPTION_KEY);
    initialRandomnessSeed = derive(latest, current, SeedKey.INITIAL_RANDOMNESS_SEED);
    List<DerivedSecret> ikms = new ArrayList<>();
    List<DerivedSecret> admin = new ArrayList<>();
    List<DerivedSecret> contract = new ArrayList<>();
    for (int i = 0; i < seeds.size(); i++) {
      ikms.add(derive(seeds.get(i), i, SeedKey.STATE_IKM));
      admin.add(derive(seeds.get(i), i, SeedKey.ADMIN_PROOF_SECRET));
      contract.add(derive(seeds.get(i), i, SeedKey.CONTRACT_KEY_PROOF_SECRET));
    }
    stateIkms = List.copyOf(ikms);
    adminProofSecrets = List.copyOf(admin);
    contractKeyProofSecrets = List.copyOf(contract);
  }

  /** Derives the whole schedule from {@code seeds}. The seeds are not retained. */
  public static KeySchedule derive(SeedList seeds) {
    return new KeySchedule(seeds);
  }

  /** {@code K(seed, n)} for one seed and key kind; {@code seedIndex} only labels the result. */
  public static DerivedSecret derive(ConsensusSeed seed, int seedIndex, SeedKey kind) {
    byte[] n = ByteBuffer.allocate(4).putInt(kind.index()).array();
    byte[] key = SecretKdf.seedDerive(seed.bytes(), n);
    try {
      return new DerivedSecret(kind, seedIndex, key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static X25519PrivateKey x25519(ConsensusSeed seed, int seedIndex, SeedKey kind) {
    try (DerivedSecret raw = derive(seed, seedIndex, kind)) {
      byte[] bytes = raw.exportSecret();
      try {
        return X25519PrivateKey.of(bytes);
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    }
  }

  /** {@code consensus_seed_exchange_privkey} (n = 1) of the current seed. */
  public X25519PrivateKey seedExchangeKey() {
    return seedExchangeKey;
  }

  /** NodeExchMasterKey: the public seed-exchange key published in genesis. */
  public X25519PublicKey seedExchangePublicKey() {
    return seedExchangePublicKey;
  }

  /** {@code consensus_io_exchange_privkey} (n = 2) of the current seed. */
  public X25519PrivateKey ioExchangeKey() {
    return ioExchangeKey;
  }

  /** IoExchMasterKey: the tx key clients encrypt to. */
  public X25519PublicKey ioExchangePublicKey() {
    return ioExchangePublicKey;
  }

  /** {@code consensus_state_ikm} (n = 3) of seed {@code seedIndex} (0 = genesis). */
  public DerivedSecret stateIkm(int seedIndex) {
    return stateIkms.get(seedIndex);
  }

  /** The state IKM of every seed, genesis first. */
  public List<DerivedSecret> stateIkms() {
    return stateIkms;
  }

  /** {@code consensus_callback_secret} (n = 4) of the current seed. */
  public DerivedSecret callbackSecret() {
    return callbackSecret;
  }

  /** {@code random_encryption_key} (n = 5) of the current seed. */
  public DerivedSecret randomEncryptionKey() {
    return randomEncryptionKey;
  }

  /** {@code initial_randomness_seed} (n = 6) of the current seed. */
  public DerivedSecret initialRandomnessSeed() {
    return initialRandomnessSeed;
  }

  /** {@code admin_proof_secret} (n = 7) of the current seed, used to produce admin proofs. */
  public DerivedSecret adminProofSecret() {
    return adminProofSecrets.getLast();
  }

  /** {@code admin_proof_secret} of seed {@code seedIndex}; verification accepts indexes ≥ 1. */
  public DerivedSecret adminProofSecret(int seedIndex) {
    return adminProofSecrets.get(seedIndex);
  }

  /** {@code contract_key_proof_secret} (n = 8) of the current seed. */
  public DerivedSecret contractKeyProofSecret() {
    return contractKeyProofSecrets.getLast();
  }

  /** {@code contract_key_proof_secret} of seed {@code seedIndex}. */
  public DerivedSecret contractKeyProofSecret(int seedIndex) {
    return contractKeyProofSecrets.get(seedIndex);
  }

  /** Number of seeds the schedule was derived from. */
  public int seedCount() {
    return stateIkms.size();
  }

  @Override
  public void destroy() {
    seedExchangeKey.destroy();
    ioExchangeKey.destroy();
    callbackSecret.destroy();
    randomEncryptionKey.destroy();
    initialRandomnessSeed.destroy();
    stateIkms.forEach(DerivedSecret::destroy);
    adminProofSecrets.forEach(DerivedSecret::destroy);
    contractKeyProofSecrets.forEach(DerivedSecret::destroy);
  }

  @Override
  public boolean isDestroyed() {
    return ioExchangeKey.isDestroyed();
  }

  @Override
  public String toString() {
    return "KeySchedule[" + seedCount() + " seeds, redacted]";
  }
}
