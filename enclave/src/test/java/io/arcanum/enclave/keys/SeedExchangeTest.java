package io.arcanum.enclave.keys;

import static io.arcanum.crypto.SpecFiles.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.crypto.SpecFiles;
import io.arcanum.crypto.seed.ConsensusSeed;
import io.arcanum.crypto.seed.KeySchedule;
import io.arcanum.crypto.seed.SeedList;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.crypto.x25519.X25519PublicKey;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** protocol.md §4.2–§4.3 against vectors.json "seed_exchange". */
class SeedExchangeTest {
  private static final JsonNode V = SpecFiles.vectors().get("seed_exchange");
  private static final SeedList SEEDS =
      SeedList.of(
          List.of(
              ConsensusSeed.of(hex(SpecFiles.vectors().get("keys_genesis"), "seed")),
              ConsensusSeed.of(hex(SpecFiles.vectors().get("keys_current"), "seed"))));
  private static final X25519PrivateKey REGISTRATION =
      X25519PrivateKey.of(hex(V, "registration_sk"));

  @Test
  void theNetworkEncryptsBothSeedsUnderTheLatestExchangeKeyAsTheVectorSays() {
    KeySchedule schedule = KeySchedule.derive(SEEDS);
    assertThat(schedule.seedExchangePublicKey().bytes())
        .isEqualTo(hex(V, "network_seed_exchange_pk"));
    assertThat(REGISTRATION.publicKey().bytes()).isEqualTo(hex(V, "registration_pk"));
    byte[] blob =
        SeedExchange.encryptFor(schedule.seedExchangeKey(), SEEDS, REGISTRATION.publicKey());
    assertThat(blob).isEqualTo(hex(V, "onchain_encrypted_seed_blob(new format, 96B)"));
  }

  @Test
  void theNewNodeOpensRawAndLengthPrefixedBlobs() {
    byte[] blob = hex(V, "onchain_encrypted_seed_blob(new format, 96B)");
    X25519PublicKey network = new X25519PublicKey(hex(V, "network_seed_exchange_pk"));
    for (byte[] input : List.of(blob, prefixed(blob))) {
      SeedList seeds = SeedExchange.decrypt(REGISTRATION, network, input);
      assertThat(seeds.size()).isEqualTo(2);
      assertThat(seeds.get(0).sameSecretAs(SEEDS.get(0))).isTrue();
      assertThat(seeds.get(1).sameSecretAs(SEEDS.get(1))).isTrue();
    }
  }

  private static byte[] prefixed(byte[] blob) {
    byte[] out = new byte[blob.length + 1];
    out[0] = (byte) blob.length;
    System.arraycopy(blob, 0, out, 1, blob.length);
    return out;
  }

  @Test
  void badBlobsAreRefusedNamingWhatIsWrong() {
    byte[] blob = hex(V, "onchain_encrypted_seed_blob(new format, 96B)");
    X25519PublicKey network = new X25519PublicKey(hex(V, "network_seed_exchange_pk"));
    assertThatThrownBy(() -> SeedExchange.decrypt(REGISTRATION, network, Arrays.copyOf(blob, 50)))
        .hasMessageContaining("48-byte blocks");
    assertThatThrownBy(() -> SeedExchange.decrypt(REGISTRATION, network, new byte[0]))
        .hasMessageContaining("no seed");
    byte[] flipped = blob.clone();
    flipped[60] ^= 1;
    assertThatThrownBy(() -> SeedExchange.decrypt(REGISTRATION, network, flipped))
        .hasMessageContaining("encrypted seed 2 does not open");
    X25519PrivateKey other = X25519PrivateKey.of(new byte[32]);
    assertThatThrownBy(() -> SeedExchange.decrypt(other, network, blob))
        .hasMessageContaining("encrypted seed 1 does not open");
  }
}
