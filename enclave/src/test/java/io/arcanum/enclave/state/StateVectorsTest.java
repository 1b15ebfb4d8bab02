package io.arcanum.enclave.state;

import static io.arcanum.crypto.SpecFiles.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.crypto.SpecFiles;
import io.arcanum.crypto.seed.ConsensusSeed;
import io.arcanum.crypto.seed.KeySchedule;
import io.arcanum.crypto.seed.SeedList;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract key, v3 state and callback signature against vectors.json (protocol.md §8–§10). */
class StateVectorsTest {
  private static final JsonNode VECTORS = SpecFiles.vectors();
  private static final KeySchedule SCHEDULE =
      KeySchedule.derive(
          SeedList.of(
              List.of(
                  ConsensusSeed.of(hex(VECTORS.get("keys_genesis"), "seed")),
                  ConsensusSeed.of(hex(VECTORS.get("keys_current"), "seed")))));
  private static final JsonNode CK = VECTORS.get("contract_key");
  private static final JsonNode STATE = VECTORS.get("state_v3");
  private static final byte[] CODE_HASH = hex(CK, "code_hash");
  private static final byte[] CONTRACT = hex(CK, "contract_address_canonical");

  private static ContractKey vectorKey() {
    return ContractKey.derive(
        SCHEDULE.stateIkm(0),
        hex(CK, "sender_canonical"),
        CK.get("block_height").asLong(),
        CODE_HASH,
        CONTRACT);
  }

  @Test
  void contractKeyAndAdminProofMatchTheVector() {
    assertThat(SCHEDULE.stateIkm(0).exportSecret()).isEqualTo(hex(CK, "state_ikm_genesis"));
    ContractKey key = vectorKey();
    assertThat(key.bytes()).isEqualTo(hex(CK, "contract_key(64B)"));
    assertThat(key.verify(SCHEDULE.stateIkm(0), CODE_HASH, CONTRACT)).isTrue();
    assertThat(key.adminProof(SCHEDULE.adminProofSecret(), hex(CK, "sender_canonical")))
        .isEqualTo(hex(CK, "admin_proof(admin=sender, latest seed)"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 10, 31, 32, 50, 63})
  void aContractKeyWithAnyFlippedByteOrForAnotherContractFailsVerification(int index) {
    byte[] tampered = vectorKey().bytes();
    tampered[index] ^= 1;
    assertThat(ContractKey.of(tampered).verify(SCHEDULE.stateIkm(0), CODE_HASH, CONTRACT))
        .isFalse();
    byte[] otherContract = CONTRACT.clone();
    otherContract[0] ^= 1;
    assertThat(vectorKey().verify(SCHEDULE.stateIkm(0), CODE_HASH, otherContract)).isFalse();
    byte[] otherCode = CODE_HASH.clone();
    otherCode[5] ^= 1;
    assertThat(vectorKey().verify(SCHEDULE.stateIkm(0), otherCode, CONTRACT)).isFalse();
  }

  @Test
  void stateKeyAndValueMatchTheV3Vector() throws Exception {
    StateCipher cipher = new StateCipher(SCHEDULE.stateIkms(), vectorKey());
    byte[] key = STATE.get("plaintext_key").asText().getBytes(StandardCharsets.UTF_8);
    byte[] value = STATE.get("plaintext_value").asText().getBytes(StandardCharsets.UTF_8);
    byte[] salt = hex(STATE, "encryption_salt(ts_ns||height||counter, BE)");
    WriteSalt writeSalt = WriteSalt.parse(salt);
    assertThat(writeSalt.bytes()).isEqualTo(salt);
    assertThat(cipher.encryptKey(key)).isEqualTo(hex(STATE, "encrypted_key_data(AES-SIV, no AD)"));
    assertThat(cipher.dbKey(key))
        .isEqualTo(hex(STATE, "db_key(bincode EncryptedKey, without 0x03||contract_addr prefix)"));
    byte[] dbValue = cipher.dbValue(key, value, writeSalt);
    assertThat(dbValue)
        .isEqualTo(
            hex(STATE, "db_value(bincode EncryptedValue; no seed_id suffix when <=2 seeds)"));
    assertThat(cipher.openValue(key, dbValue)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void tamperedMovedOrForeignValuesAreRefused(long seed) throws Exception {
    Random random = new Random(seed);
    StateCipher cipher = new StateCipher(SCHEDULE.stateIkms(), vectorKey());
    byte[] key = "balance".getBytes(StandardCharsets.UTF_8);
    byte[] dbValue =
        cipher.dbValue(key, "100".getBytes(StandardCharsets.UTF_8), new WriteSalt(1, 2, 3));

    byte[] flipped = dbValue.clone();
    flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
    assertThatThrownBy(() -> cipher.openValue(key, flipped))
        .isInstanceOf(StateIntegrityException.class);
    assertThatThrownBy(() -> cipher.openValue("other".getBytes(StandardCharsets.UTF_8), dbValue))
        .hasMessageContaining("another key or contract");
    byte[] otherKey = vectorKey().bytes();
    otherKey[random.nextInt(64)] ^= 1;
    StateCipher foreign = new StateCipher(SCHEDULE.stateIkms(), ContractKey.of(otherKey));
    assertThatThrownBy(() -> foreign.openValue(key, dbValue))
        .isInstanceOf(StateIntegrityException.class);
    assertThatThrownBy(() -> cipher.openValue(key, java.util.Arrays.copyOf(dbValue, 30)))
        .hasMessageContaining("truncated");
  }

  @Test
  void callbackSignatureMatchesTheVector() {
    JsonNode v = VECTORS.get("callback_sig");
    assertThat(SCHEDULE.callbackSecret().exportSecret()).isEqualTo(hex(v, "callback_secret"));
    byte[] ciphertext = hex(v, "msg_ciphertext(without nonce/pk)");
    byte[] signature =
        CallbackSignature.sign(
            SCHEDULE.callbackSecret(), ciphertext, v.get("sent_funds_json").asText());
    assertThat(HexFormat.of().formatHex(signature)).isEqualTo(v.get("callback_sig").asText());
    assertThat(CallbackSignature.sign(SCHEDULE.callbackSecret(), ciphertext, "[]"))
        .isEqualTo(hex(v, "callback_sig_no_funds(funds='[]')"));
    assertThat(CallbackSignature.verify(SCHEDULE.callbackSecret(), ciphertext, "[]", signature))
        .isFalse();
  }
}
