package io.arcanum.enclave.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.crypto.seed.KeySchedule;
import io.arcanum.crypto.seed.SeedList;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A migrated contract key (protocol.md §8): bound to the original key, the new code and a proof.
 */
class ContractKeyMigrationTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void aMigratedKeyVerifiesOnlyWithItsOriginalCodeContractAndProof(long seed) {
    Random random = new Random(seed);
    KeySchedule keys = KeySchedule.derive(SeedList.bootstrap(new SecureRandom()));
    KeySchedule otherNetwork = KeySchedule.derive(SeedList.bootstrap(new SecureRandom()));
    byte[] sender = bytes(random, 20);
    byte[] contract = bytes(random, 20);
    byte[] oldCode = bytes(random, 32);
    byte[] newCode = bytes(random, 32);
    ContractKey original = ContractKey.derive(keys.stateIkm(0), sender, 10, oldCode, contract);
    ContractKey migrated =
        ContractKey.deriveMigrated(keys.stateIkm(0), sender, 20, newCode, contract, original);
    byte[] proof =
        migrated.migrationProof(keys.contractKeyProofSecret(), contract, newCode, original);
    var proofSecrets = List.of(keys.contractKeyProofSecret(1));

    assertThat(
            migrated.verifyMigrated(
                keys.stateIkm(0), newCode, contract, original, proofSecrets, proof))
        .isTrue();
    // Not a plain key: without the original in the HMAC it does not verify.
    assertThat(migrated.verify(keys.stateIkm(0), newCode, contract)).isFalse();
    assertThat(
            migrated.verifyMigrated(
                keys.stateIkm(0), oldCode, contract, original, proofSecrets, proof))
        .isFalse();
    assertThat(
            migrated.verifyMigrated(
                keys.stateIkm(0), newCode, bytes(random, 20), original, proofSecrets, proof))
        .isFalse();
    ContractKey otherOriginal = ContractKey.derive(keys.stateIkm(0), sender, 11, oldCode, contract);
    assertThat(
            migrated.verifyMigrated(
                keys.stateIkm(0), newCode, contract, otherOriginal, proofSecrets, proof))
        .isFalse();
    byte[] badProof = proof.clone();
    badProof[random.nextInt(32)] ^= 1;
    assertThat(
            migrated.verifyMigrated(
                keys.stateIkm(0), newCode, contract, original, proofSecrets, badProof))
        .isFalse();
    assertThat(
            migrated.verifyMigrated(
                otherNetwork.stateIkm(0),
                newCode,
                contract,
                original,
                List.of(otherNetwork.contractKeyProofSecret(1)),
                proof))
        .isFalse();
  }

  private static byte[] bytes(Random random, int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }
}
