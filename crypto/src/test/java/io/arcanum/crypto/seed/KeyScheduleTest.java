package io.arcanum.crypto.seed;

import static io.arcanum.crypto.SpecFiles.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.crypto.InvalidLengthException;
import io.arcanum.crypto.SpecFiles;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyScheduleTest {
  private static final JsonNode GENESIS = SpecFiles.vectors().get("keys_genesis");
  private static final JsonNode CURRENT = SpecFiles.vectors().get("keys_current");

  private static SeedList twoSeeds() {
    return SeedList.of(
        List.of(ConsensusSeed.of(hex(GENESIS, "seed")), ConsensusSeed.of(hex(CURRENT, "seed"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"keys_genesis", "keys_current"})
  void everySeedKeyMatchesTheVectors(String section) {
    JsonNode v = SpecFiles.vectors().get(section);
    ConsensusSeed seed = ConsensusSeed.of(hex(v, "seed"));
    String[][] fields = {
      {"SEED_EXCHANGE", "seed_exchange_sk"},
      {"IO_EXCHANGE", "io_exchange_sk"},
      {"STATE_IKM", "state_ikm"},
      {"CALLBACK_SECRET", "callback_secret"},
      {"RANDOM_ENCRYPTION_KEY", "random_encryption_key"},
      {"INITIAL_RANDOMNESS_SEED", "initial_randomness_seed"},
      {"ADMIN_PROOF_SECRET", "admin_proof_secret"},
      {"CONTRACT_KEY_PROOF_SECRET", "contract_key_proof_secret"},
    };
    for (String[] field : fields) {
      SeedKey kind = SeedKey.valueOf(field[0]);
      assertThat(KeySchedule.derive(seed, 0, kind).exportSecret())
          .as("%s (n = %d)", kind, kind.index())
          .isEqualTo(hex(v, field[1]));
    }
  }

  @Test
  void twoSeedScheduleTakesExchangeAndSecretsFromTheCurrentSeed() {
    KeySchedule schedule = KeySchedule.derive(twoSeeds());

    assertThat(schedule.seedExchangeKey().exportSecret())
        .isEqualTo(hex(CURRENT, "seed_exchange_sk"));
    assertThat(schedule.seedExchangePublicKey().bytes())
        .isEqualTo(hex(CURRENT, "seed_exchange_pk"));
    assertThat(schedule.ioExchangePublicKey().bytes()).isEqualTo(hex(CURRENT, "io_exchange_pk"));
    assertThat(schedule.ioExchangePublicKey().toBase64())
        .isEqualTo(CURRENT.get("io_exchange_pk_b64").asText());
    assertThat(schedule.callbackSecret().exportSecret()).isEqualTo(hex(CURRENT, "callback_secret"));
    assertThat(schedule.randomEncryptionKey().exportSecret())
        .isEqualTo(hex(CURRENT, "random_encryption_key"));
    assertThat(schedule.initialRandomnessSeed().exportSecret())
        .isEqualTo(hex(CURRENT, "initial_randomness_seed"));
    assertThat(schedule.adminProofSecret().exportSecret())
        .isEqualTo(hex(CURRENT, "admin_proof_secret"));
    assertThat(schedule.contractKeyProofSecret().exportSecret())
        .isEqualTo(hex(CURRENT, "contract_key_proof_secret"));
  }

  @Test
  void stateIkmAndProofSecretsExistForEverySeed() {
    KeySchedule schedule = KeySchedule.derive(twoSeeds());

    assertThat(schedule.seedCount()).isEqualTo(2);
    assertThat(schedule.stateIkm(0).exportSecret()).isEqualTo(hex(GENESIS, "state_ikm"));
    assertThat(schedule.stateIkm(1).exportSecret()).isEqualTo(hex(CURRENT, "state_ikm"));
    assertThat(schedule.stateIkm(0).seedIndex()).isZero();
    assertThat(schedule.stateIkm(1).kind()).isEqualTo(SeedKey.STATE_IKM);
    assertThat(schedule.adminProofSecret(0).exportSecret())
        .isEqualTo(hex(GENESIS, "admin_proof_secret"));
    assertThat(schedule.contractKeyProofSecret(0).exportSecret())
        .isEqualTo(hex(GENESIS, "contract_key_proof_secret"));
  }

  @Test
  void aRotationMovesTheExchangeKeysToTheNewSeed() {
    SeedList rotated = twoSeeds().append(ConsensusSeed.of(hex("40".repeat(32))));
    KeySchedule schedule = KeySchedule.derive(rotated);

    assertThat(schedule.seedCount()).isEqualTo(3);
    assertThat(schedule.ioExchangePublicKey().bytes()).isNotEqualTo(hex(CURRENT, "io_exchange_pk"));
    assertThat(schedule.stateIkm(1).exportSecret()).isEqualTo(hex(CURRENT, "state_ikm"));
  }

  @Test
  void bootstrapCreatesTwoDistinctSeeds() {
    SeedList seeds = SeedList.bootstrap(new SecureRandom());

    assertThat(seeds.size()).isEqualTo(2);
    assertThat(seeds.genesis().sameSecretAs(seeds.current())).isFalse();
  }

  @Test
  void seedsAndSchedulesNeverPrintSecretsAndCanBeDestroyed() {
    SeedList seeds = twoSeeds();
    KeySchedule schedule = KeySchedule.derive(seeds);

    assertThat(seeds.toString()).isEqualTo("SeedList[2 seeds, redacted]");
    assertThat(seeds.genesis().toString()).isEqualTo("ConsensusSeed[32 bytes, redacted]");
    assertThat(schedule.toString()).isEqualTo("KeySchedule[2 seeds, redacted]");
    assertThat(schedule.callbackSecret().toString()).doesNotContain("4b47");

    seeds.destroy();
    schedule.destroy();
    assertThat(seeds.isDestroyed()).isTrue();
    assertThat(schedule.isDestroyed()).isTrue();
    assertThatThrownBy(() -> schedule.stateIkm(0).exportSecret())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void seedsMustBe32Bytes() {
    assertThatThrownBy(() -> ConsensusSeed.of(new byte[31]))
        .isInstanceOf(InvalidLengthException.class)
        .hasMessage("consensus seed must be 32 bytes, got 31");
    assertThatThrownBy(() -> SeedList.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
