package io.arcanum.enclave.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.TxEncryptor;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.enclave.api.Coin;
import io.arcanum.enclave.api.ContractKeyInfo;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.ContractResult.Outcome;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.compute.TestChain.Contract;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Encrypted execution through the ECALLs (protocol.md §6–§10) with the example contracts: inputs
 * are opened only inside, outputs leave encrypted for the sender, state is stored encrypted, and
 * every tampering is refused without changing state.
 */
class EncryptedExecutionTest extends ComputeTestBase {
  @Test
  void theTokenRunsEndToEndAndOnlyTheSenderCanReadItsOutputs() throws Exception {
    Contract contract = instantiateToken("Marker Token");
    String transfer = "{\"transfer\":{\"recipient\":\"" + BOB_B32 + "\",\"amount\":\"250\"}}";
    byte[] wire = encrypt(token, transfer);
    chain.nextBlock();
    ContractResult result =
        chain.execute(
            contract, ALICE, wire, TestSigner.execute(ALICE, contract.address(), wire), List.of());
    assertThat(result.outcome()).as(result.error()).isEqualTo(Outcome.OK);
    assertThat(decryptData(result, wire).strip())
        .isEqualTo("{\"transfer\":{\"status\":\"success\"}}");
    // Another client (another key pair) cannot open it.
    TxEncryptor other =
        TxEncryptor.fromSeed(
            bytes(32, 9), new X25519PublicKey(chain.enclave.networkPublicKeys().ioExchangeKey()));
    byte[] sealed =
        Base64.getDecoder().decode(TestChain.JSON.readTree(result.output()).get("data").asText());
    assertThatThrownBy(() -> other.decrypt(sealed, nonceOf(wire)))
        .isInstanceOf(io.arcanum.crypto.AuthenticationFailedException.class);

    assertThat(execute(contract, BOB, "{\"set_viewing_key\":{\"key\":\"bobs key\"}}").outcome())
        .isEqualTo(Outcome.OK);
    assertThat(balance(contract, BOB_B32, "bobs key"))
        .isEqualTo("{\"balance\":{\"amount\":\"250\"}}");
  }

  @Test
  void logAttributesAreEncryptedForTheSender() throws Exception {
    byte[] init = encrypt(counter, "{\"count\":5}");
    assertThat(
            chain
                .instantiate(
                    counter, ALICE, init, TestSigner.instantiate(ALICE, init), List.of(), "")
                .outcome())
        .isEqualTo(Outcome.OK);
    Contract contract = chain.lastInstantiated;
    byte[] wire = encrypt(counter, "{\"increment\":{}}");
    chain.nextBlock();
    ContractResult result =
        chain.execute(
            contract, ALICE, wire, TestSigner.execute(ALICE, contract.address(), wire), List.of());
    JsonNode attributes = TestChain.JSON.readTree(result.output()).get("attributes");
    var key = client.txEncryptionKey(nonceOf(wire));
    assertThat(attributes).hasSize(2);
    assertThat(key.decryptAttribute(attributes.get(0).get("key").asText())).isEqualTo("action");
    assertThat(key.decryptAttribute(attributes.get(0).get("value").asText()))
        .isEqualTo("increment");
    assertThat(key.decryptAttribute(attributes.get(1).get("value").asText())).isEqualTo("6");
    assertThat(attributes.get(0).get("encrypted").asBoolean()).isTrue();
  }

  @Test
  void aContractErrorLeavesEncryptedAndChangesNothing() throws Exception {
    Contract contract = instantiateToken("Marker Token");
    Map<String, byte[]> before = chain.stateSnapshot();
    String transfer = "{\"transfer\":{\"recipient\":\"" + BOB_B32 + "\",\"amount\":\"5000\"}}";
    byte[] wire = encrypt(token, transfer);
    ContractResult result =
        chain.execute(
            contract, ALICE, wire, TestSigner.execute(ALICE, contract.address(), wire), List.of());
    assertThat(result.outcome()).isEqualTo(Outcome.CONTRACT_ERROR);
    assertThat(decryptError(result, wire)).contains("insufficient funds: balance=1000");
    assertThat(chain.stateSnapshot()).usingRecursiveComparison().isEqualTo(before);
  }

  @Test
  void aPlaintextExecuteRunsWithPlaintextOutputs() throws Exception {
    byte[] init = encrypt(counter, "{\"count\":1}");
    chain.instantiate(counter, ALICE, init, TestSigner.instantiate(ALICE, init), List.of(), "");
    Contract contract = chain.lastInstantiated;
    byte[] plain =
        (new CodeHash(counter).hex() + "{\"increment\":{}}").getBytes(StandardCharsets.UTF_8);
    ContractResult result =
        chain.execute(
            contract,
            ALICE,
            plain,
            TestSigner.execute(ALICE, contract.address(), plain),
            List.of());
    assertThat(result.outcome()).as(result.error()).isEqualTo(Outcome.OK);
    assertThat(result.encrypted()).isFalse();
    assertThat(
            TestChain.JSON.readTree(result.output()).get("attributes").get(0).get("value").asText())
        .isEqualTo("increment");
  }

  @Test
  void queriesAndMigrationsRefuseInputsThatDoNotDecrypt() throws Exception {
    Contract contract = instantiateToken("Marker Token");
    byte[] plain =
        (new CodeHash(token).hex() + "{\"token_info\":{}}").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> chain.query(contract, plain))
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT))
        .hasMessageContaining("could not be decrypted");
  }

  @Test
  void aMessageEncryptedForAnotherCodeIsRefusedAndChangesNothing() throws Exception {
    Contract contract = instantiateToken("Marker Token");
    Map<String, byte[]> before = chain.stateSnapshot();
    byte[] wire =
        encrypt(counter, "{\"transfer\":{\"recipient\":\"" + BOB_B32 + "\",\"amount\":\"1\"}}");
    assertThatThrownBy(
            () ->
                chain.execute(
                    contract,
                    ALICE,
                    wire,
                    TestSigner.execute(ALICE, contract.address(), wire),
                    List.of()))
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED))
        .hasMessageContaining("encrypted for code hash " + new CodeHash(counter).hex());
    assertThat(chain.stateSnapshot()).usingRecursiveComparison().isEqualTo(before);
  }

  /**
   * Reads every entry the token keeps (config, prng seed, balances) and returns the enclave's
   * refusal, or null if everything read back fine.
   */
  EnclaveException touchEverything(Contract contract) throws Exception {
    try {
      execute(
          contract, ALICE, "{\"transfer\":{\"recipient\":\"" + BOB_B32 + "\",\"amount\":\"1\"}}");
      chain.query(contract, encrypt(contract.codeHash(), "{\"token_info\":{}}"));
      execute(contract, ALICE, "{\"create_viewing_key\":{\"entropy\":\"e\"}}");
      return null;
    } catch (EnclaveException e) {
      return e;
    }
  }

  @Test
  void flippedBitsInStoredValuesAreRefusedAndChangeNothing() throws Exception {
    Contract contract = instantiateToken("Marker Token");
    Random random = new Random(42);
    for (String entry : List.copyOf(chain.state.keySet())) {
      for (int round = 0; round < 4; round++) {
        byte[] original = chain.state.get(entry);
        byte[] tampered = original.clone();
        int bit = random.nextInt(tampered.length * 8);
        tampered[bit / 8] ^= (byte) (1 << (bit % 8));
        chain.state.put(entry, tampered);
        Map<String, byte[]> before = chain.stateSnapshot();
        EnclaveException refused = touchEverything(contract);
        assertThat(refused).as("bit %d of %s", bit, entry).isNotNull();
        assertThat(refused.reason()).isEqualTo(Reason.HOST_DATA_REJECTED);
        assertThat(refused.getMessage()).contains("contract state from the host was refused");
        // Calls before the refused one may have committed; the refused one changed nothing.
        chain.state.put(entry, original);
        chain.state.keySet().retainAll(before.keySet());
        before.forEach((k, v) -> chain.state.put(k, k.equals(entry) ? original : v));
      }
    }
  }

  @Test
  void valuesMovedBetweenKeysOrContractsAreRefused() throws Exception {
    Contract first = instantiateToken("First Token");
    Contract second = instantiateToken("Second Token");
    String firstPrefix = TestChain.HEX.formatHex(first.address()) + ":";
    String secondPrefix = TestChain.HEX.formatHex(second.address()) + ":";
    List<String> firstKeys =
        chain.state.keySet().stream().filter(k -> k.startsWith(firstPrefix)).toList();
    List<String> secondKeys =
        chain.state.keySet().stream().filter(k -> k.startsWith(secondPrefix)).toList();
    assertThat(firstKeys).hasSameSizeAs(secondKeys).isNotEmpty();
    Map<String, byte[]> clean = chain.stateSnapshot();
    List<String> sources = new java.util.ArrayList<>(firstKeys);
    sources.addAll(secondKeys);
    for (String key : secondKeys) {
      for (String source : sources) {
        if (source.equals(key)) {
          continue;
        }
        chain.state.clear();
        chain.state.putAll(clean);
        chain.state.put(key, clean.get(source).clone());
        EnclaveException refused = touchEverything(second);
        assertThat(refused).as("%s moved to %s", source, key).isNotNull();
        assertThat(refused.reason()).isEqualTo(Reason.HOST_DATA_REJECTED);
      }
    }
    chain.state.clear();
    chain.state.putAll(clean);
    assertThat(touchEverything(second)).isNull();
  }

  @Test
  void aContractKeyOfAnotherContractOrAForgedOneIsRefused() throws Exception {
    Contract first = instantiateToken("First Token");
    Contract second = instantiateToken("Second Token");
    byte[] wire = encrypt(token, "{\"token_info\":{}}");
    Contract swapped = new Contract(second.address(), second.codeHash(), first.key());
    assertThatThrownBy(() -> chain.query(swapped, wire))
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED))
        .hasMessageContaining("contract key");
    byte[] forged = first.key().original().clone();
    forged[63] ^= 1;
    Contract forgedKey =
        new Contract(first.address(), first.codeHash(), ContractKeyInfo.of(forged));
    assertThatThrownBy(() -> chain.query(forgedKey, wire))
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED));
    // The key is bound to the code too: the right key with another code hash is refused.
    Contract otherCode = new Contract(first.address(), counter, first.key());
    assertThatThrownBy(() -> chain.query(otherCode, encrypt(counter, "{\"get_count\":{}}")))
        .isInstanceOf(EnclaveException.class);
  }

  @Test
  void aSenderSignatureThatDoesNotCoverTheMessageIsRefused() throws Exception {
    Contract contract = instantiateToken("Marker Token");
    byte[] wire =
        encrypt(token, "{\"transfer\":{\"recipient\":\"" + BOB_B32 + "\",\"amount\":\"1\"}}");
    byte[] other =
        encrypt(token, "{\"transfer\":{\"recipient\":\"" + BOB_B32 + "\",\"amount\":\"2\"}}");
    Map<String, byte[]> before = chain.stateSnapshot();
    assertThatThrownBy(
            () ->
                chain.execute(
                    contract,
                    ALICE,
                    wire,
                    TestSigner.execute(ALICE, contract.address(), other),
                    List.of()))
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED));
    assertThatThrownBy(
            () ->
                chain.execute(
                    contract,
                    ALICE,
                    wire,
                    TestSigner.execute(BOB, contract.address(), wire),
                    List.of()))
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED));
    assertThatThrownBy(
            () ->
                chain.execute(
                    contract,
                    ALICE,
                    wire,
                    TestSigner.execute(ALICE, contract.address(), wire),
                    List.of(new Coin("uscrt", "1"))))
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED));
    assertThat(chain.stateSnapshot()).usingRecursiveComparison().isEqualTo(before);
  }

  @Test
  void migrateNeedsTheAdminsProofAndMakesAKeyBoundToTheOriginal() throws Exception {
    byte[] init = encrypt(counter, "{\"count\":1}");
    ContractResult made =
        chain.instantiate(
            counter,
            ALICE,
            init,
            TestSigner.instantiate(ALICE, init, List.of(), ALICE_B32),
            List.of(),
            ALICE_B32);
    assertThat(made.outcome()).as(made.error()).isEqualTo(Outcome.OK);
    Contract contract = chain.lastInstantiated;
    assertThat(contract.key().adminProof()).hasSize(32);
    byte[] msg = encrypt(caller, "{}");
    io.arcanum.enclave.api.ContractCall byBob =
        new io.arcanum.enclave.api.ContractCall(
            caller,
            chain.block(),
            null,
            contract.address(),
            BOB,
            List.of(),
            msg,
            TestSigner.migrate(BOB, contract.address(), msg),
            contract.key(),
            "",
            1_000_000_000L);
    assertThatThrownBy(() -> chain.enclave.migrate(byBob))
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED))
        .hasMessageContaining("admin");
    io.arcanum.enclave.api.ContractCall byAlice =
        new io.arcanum.enclave.api.ContractCall(
            caller,
            chain.block(),
            null,
            contract.address(),
            ALICE,
            List.of(),
            msg,
            TestSigner.migrate(ALICE, contract.address(), msg),
            contract.key(),
            "",
            1_000_000_000L);
    ContractResult migrated = chain.enclave.migrate(byAlice);
    // The caller contract exports no migrate entry point: the VM says so, nothing is stored.
    assertThat(migrated.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(migrated.error()).startsWith("MISSING_ENTRY_POINT");
    // A plaintext migrate message is refused (§6: only execute and instantiate fall back).
    byte[] plain = (new CodeHash(caller).hex() + "{}").getBytes(StandardCharsets.UTF_8);
    io.arcanum.enclave.api.ContractCall plainCall =
        new io.arcanum.enclave.api.ContractCall(
            caller,
            chain.block(),
            null,
            contract.address(),
            ALICE,
            List.of(),
            plain,
            TestSigner.migrate(ALICE, contract.address(), plain),
            contract.key(),
            "",
            1_000_000_000L);
    assertThatThrownBy(() -> chain.enclave.migrate(plainCall))
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT));
  }

  @Test
  void theContractRandomMatchesTheVector() throws Exception {
    JsonNode vectors = io.arcanum.crypto.SpecFiles.vectors();
    JsonNode random = vectors.get("random");
    byte[] contractKey =
        TestChain.HEX.parseHex(vectors.get("contract_key").get("contract_key(64B)").asText());
    byte[] derived =
        ContractExecutor.contractRandom(
            TestChain.HEX.parseHex(random.get("block_random(decrypted)").asText()),
            random.get("height").asLong(),
            contractKey,
            random.get("counter").asLong());
    assertThat(TestChain.HEX.formatHex(derived))
        .isEqualTo(random.get("env.block.random for contract").asText());
  }
}
