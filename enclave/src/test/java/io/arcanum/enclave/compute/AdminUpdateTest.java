package io.arcanum.enclave.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.enclave.api.AdminUpdateCall;
import io.arcanum.enclave.api.ContractCall;
import io.arcanum.enclave.api.ContractKeyInfo;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.ContractResult.Outcome;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.SigInfo;
import io.arcanum.enclave.compute.TestChain.Contract;
import io.arcanum.enclave.state.CallbackSignature;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code updateAdmin} ECALL (protocol.md §8, Secret's {@code ecall_update_admin}): the enclave
 * re-proves an admin only for a change the current admin signed, so after an update the new admin
 * can migrate and the old one cannot, and after a clear nobody can.
 */
class AdminUpdateTest extends ComputeTestBase {
  static final String THIRD = io.arcanum.crypto.bech32.Bech32.encodeBytes("secret", bytes(20, 3));

  Contract contract;

  @BeforeEach
  void instantiateWithAdmin() throws Exception {
    contract = counterWithAdmin(ALICE_B32);
  }

  Contract counterWithAdmin(String admin) throws Exception {
    byte[] init = encrypt(counter, "{\"count\":1}");
    ContractResult made =
        chain.instantiate(
            counter,
            ALICE,
            init,
            TestSigner.instantiate(ALICE, init, List.of(), admin),
            List.of(),
            admin);
    assertThat(made.outcome()).as(made.error()).isEqualTo(Outcome.OK);
    return chain.lastInstantiated;
  }

  AdminUpdateCall change(Contract c, String current, String newAdmin, SigInfo sig) {
    return new AdminUpdateCall(
        c.codeHash(), chain.block(), c.address(), c.key(), current, newAdmin, sig);
  }

  static Contract withAdminProof(Contract c, byte[] proof) {
    ContractKeyInfo key = c.key();
    return new Contract(
        c.address(),
        c.codeHash(),
        new ContractKeyInfo(key.original(), key.current(), key.currentProof(), proof));
  }

  /** The admin's migration to the echo code (which exports migrate). */
  ContractResult migrate(Contract c, byte[] sender) throws Exception {
    byte[] msg = encrypt(echo, "{}");
    return chain.enclave.migrate(
        new ContractCall(
            echo,
            chain.block(),
            null,
            c.address(),
            sender,
            List.of(),
            msg,
            TestSigner.migrate(sender, c.address(), msg),
            c.key(),
            "",
            1_000_000_000L));
  }

  static void assertUnauthorized(ThrowingCallable call, String detail) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            EnclaveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED))
        .hasMessageContaining(detail);
  }

  @Test
  void afterAnUpdateTheNewAdminMigratesAndTheOldOneCannot() throws Exception {
    AdminUpdateCall call =
        change(
            contract,
            ALICE_B32,
            BOB_B32,
            TestSigner.updateAdmin(ALICE, contract.address(), BOB_B32));
    byte[] proof = chain.enclave.updateAdmin(call);
    assertThat(proof).hasSize(32).isNotEqualTo(contract.key().adminProof());
    // Deterministic: every node's enclave stores the same proof.
    assertThat(chain.enclave.updateAdmin(call)).isEqualTo(proof);

    Contract updated = withAdminProof(contract, proof);
    assertUnauthorized(() -> migrate(updated, ALICE), "admin proof mismatch");
    ContractResult byBob = migrate(updated, BOB);
    assertThat(byBob.outcome()).as(byBob.error()).isEqualTo(Outcome.OK);
    assertThat(byBob.contractKey().adminProof()).isEqualTo(proof);
  }

  @Test
  void afterAClearNobodyMigrates() throws Exception {
    byte[] proof =
        chain.enclave.updateAdmin(
            change(contract, ALICE_B32, "", TestSigner.clearAdmin(ALICE, contract.address())));
    assertThat(proof).isEmpty();
    Contract cleared = withAdminProof(contract, proof);
    assertUnauthorized(() -> migrate(cleared, ALICE), "admin proof mismatch");
    assertUnauthorized(() -> migrate(cleared, BOB), "admin proof mismatch");
    // And nobody can change an admin that is gone.
    assertUnauthorized(
        () ->
            chain.enclave.updateAdmin(
                change(
                    cleared,
                    ALICE_B32,
                    BOB_B32,
                    TestSigner.updateAdmin(ALICE, contract.address(), BOB_B32))),
        "admin proof mismatch");
  }

  @Test
  void aChangeTheCurrentAdminDidNotSignIsRefused() throws Exception {
    byte[] address = contract.address();
    // Signed for Bob, asked for a third account.
    assertUnauthorized(
        () ->
            chain.enclave.updateAdmin(
                change(
                    contract, ALICE_B32, THIRD, TestSigner.updateAdmin(ALICE, address, BOB_B32))),
        "admin");
    // Bob signs his own promotion and the node hands over Alice's proof as his.
    assertUnauthorized(
        () ->
            chain.enclave.updateAdmin(
                change(contract, BOB_B32, BOB_B32, TestSigner.updateAdmin(BOB, address, BOB_B32))),
        "admin proof mismatch");
    // Alice's genuine change, but the node names Bob as the current admin.
    assertUnauthorized(
        () ->
            chain.enclave.updateAdmin(
                change(contract, BOB_B32, THIRD, TestSigner.updateAdmin(ALICE, address, THIRD))),
        "admin proof mismatch");
    // A signed clear does not allow an update, nor a signed update a clear.
    assertUnauthorized(
        () ->
            chain.enclave.updateAdmin(
                change(contract, ALICE_B32, BOB_B32, TestSigner.clearAdmin(ALICE, address))),
        "MsgUpdateAdmin");
    assertUnauthorized(
        () ->
            chain.enclave.updateAdmin(
                change(contract, ALICE_B32, "", TestSigner.updateAdmin(ALICE, address, BOB_B32))),
        "MsgClearAdmin");
    // Another message of Alice's, and Secret's admin callback signature over an empty message.
    byte[] msg = encrypt(counter, "{}");
    assertUnauthorized(
        () ->
            chain.enclave.updateAdmin(
                change(contract, ALICE_B32, BOB_B32, TestSigner.migrate(ALICE, address, msg))),
        "MsgUpdateAdmin");
    assertUnauthorized(
        () ->
            chain.enclave.updateAdmin(
                change(
                    contract,
                    ALICE_B32,
                    BOB_B32,
                    SigInfo.callback(
                        CallbackSignature.sign(callbackSecretForTest(), new byte[0], "[]")))),
        "callback signature");
  }

  /** Any 32 bytes: nobody outside the enclave knows the real callback secret. */
  static io.arcanum.crypto.seed.DerivedSecret callbackSecretForTest() {
    return io.arcanum.crypto.seed.KeySchedule.derive(
            io.arcanum.crypto.seed.SeedList.of(
                List.of(
                    io.arcanum.crypto.seed.ConsensusSeed.of(bytes(32, 1)),
                    io.arcanum.crypto.seed.ConsensusSeed.of(bytes(32, 2)))))
        .callbackSecret();
  }

  @Test
  void theContractKeyMustBeThisContractsOwn() throws Exception {
    Contract other = counterWithAdmin(ALICE_B32);
    SigInfo sig = TestSigner.updateAdmin(ALICE, contract.address(), BOB_B32);
    Contract mixed = new Contract(contract.address(), contract.codeHash(), other.key());
    assertUnauthorized(
        () -> chain.enclave.updateAdmin(change(mixed, ALICE_B32, BOB_B32, sig)), "contract key");
    Contract otherCode = new Contract(contract.address(), caller, contract.key());
    assertUnauthorized(
        () -> chain.enclave.updateAdmin(change(otherCode, ALICE_B32, BOB_B32, sig)),
        "contract key");
  }

  @Test
  void aContractThatIsAdminChangesTheAdminThroughItsSignedSubMessage() throws Exception {
    byte[] init = encrypt(echo, "{}");
    chain.instantiate(echo, ALICE, init, TestSigner.instantiate(ALICE, init), List.of(), "");
    Contract echoContract = chain.lastInstantiated;
    String echoB32 = chain.humanOf(echoContract);
    Contract managed = counterWithAdmin(echoB32);

    ContractResult sent =
        execute(
            echoContract,
            ALICE,
            "{\"messages\":[{\"id\":0,\"msg\":{\"wasm\":{\"update_admin\":{\"contract_addr\":\""
                + chain.humanOf(managed)
                + "\",\"admin\":\""
                + BOB_B32
                + "\"}}},\"gas_limit\":null,\"reply_on\":\"never\"}],"
                + "\"attributes\":[],\"events\":[],\"data\":null}");
    assertThat(sent.outcome()).as(sent.error()).isEqualTo(Outcome.OK);
    JsonNode update =
        TestChain.JSON
            .readTree(sent.output())
            .get("messages")
            .get(0)
            .get("msg")
            .get("wasm")
            .get("update_admin");
    SigInfo sig = SigInfo.callback(Base64.getDecoder().decode(update.get("callback_sig").asText()));

    // The signature names this change only.
    assertUnauthorized(
        () -> chain.enclave.updateAdmin(change(managed, echoB32, THIRD, sig)),
        "callback signature");
    assertUnauthorized(
        () -> chain.enclave.updateAdmin(change(managed, echoB32, "", sig)), "callback signature");
    byte[] proof = chain.enclave.updateAdmin(change(managed, echoB32, BOB_B32, sig));
    ContractResult byBob = migrate(withAdminProof(managed, proof), BOB);
    assertThat(byBob.outcome()).as(byBob.error()).isEqualTo(Outcome.OK);
  }
}
