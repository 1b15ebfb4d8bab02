package io.arcanum.chain.compute;

import static io.arcanum.chain.compute.ComputeTestChain.A;
import static io.arcanum.chain.compute.ComputeTestChain.ALICE;
import static io.arcanum.chain.compute.ComputeTestChain.ALICE_B32;
import static io.arcanum.chain.compute.ComputeTestChain.B;
import static io.arcanum.chain.compute.ComputeTestChain.BOB_B32;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.abci.EventAttribute;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.enclave.auth.Txs;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.secret.compute.v1beta1.ContractCodeHistoryOperationType;
import io.arcanum.proto.secret.compute.v1beta1.MsgClearAdmin;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgMigrateContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgUpdateAdmin;
import io.arcanum.proto.secret.compute.v1beta1.QueryByCodeIdRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryByContractAddressRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryCodeHashResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractHistoryRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractHistoryResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractInfoResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractsByCodeIdResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MsgMigrateContract, MsgUpdateAdmin and MsgClearAdmin (admin only), through the real enclave: an
 * admin change is re-proved by the enclave (protocol.md §8), so the new admin migrates and the old
 * one cannot; after a clear nobody can.
 */
class MigrateAndAdminTest {
  ComputeTestChain chain;
  byte[] counterHash;
  byte[] helperHash;
  byte[] contract;
  String human;

  @BeforeEach
  void start() throws Exception {
    chain = new ComputeTestChain();
    byte[] counter = ComputeTestChain.contractWasm("counter");
    byte[] helper = ComputeTestChain.testWasm("helper");
    counterHash = CodeHash.of(counter).bytes();
    helperHash = CodeHash.of(helper).bytes();
    chain.storeOk(counter);
    chain.storeOk(helper);
    human =
        chain
            .instantiate(
                A, 1, "counter", chain.encrypt(counterHash, "{\"count\":5}"), List.of(), ALICE_B32)
            .response(MsgInstantiateContractResponse.class)
            .getAddress();
    contract = Addresses.parse(human, "contract");
    chain.nextBlock();
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  QueryContractInfoResponse info() throws Exception {
    return QueryContractInfoResponse.parseFrom(
        chain.query(
            ComputeQueryHandler.CONTRACT_INFO,
            QueryByContractAddressRequest.newBuilder().setContractAddress(human).build()));
  }

  /** An unsigned admin message (as a node would hand it over without the admin's tx). */
  ComputeTestChain.Result unsigned(String sender, String newAdmin) {
    Any message =
        newAdmin == null
            ? ProtoTypes.pack(
                MsgClearAdmin.newBuilder().setSender(sender).setContract(human).build())
            : ProtoTypes.pack(
                MsgUpdateAdmin.newBuilder()
                    .setSender(sender)
                    .setContract(human)
                    .setNewAdmin(newAdmin)
                    .build());
    return chain.deliver(message, null, ComputeTestChain.GAS);
  }

  @Test
  void theAdminMigratesToNewCodeThatKeepsTheContractsState() throws Exception {
    assertThat(info().getContractInfo().getAdmin()).isEqualTo(ALICE_B32);
    assertThat(info().getContractInfo().getAdminProof().size()).isEqualTo(32);

    ComputeTestChain.Result migrated =
        chain.migrate(A, contract, 2, chain.encrypt(helperHash, "{}"));
    assertThat(migrated.ok()).as(() -> migrated.error().getMessage()).isTrue();
    assertThat(migrated.response(MsgMigrateContractResponse.class).getData().isEmpty()).isTrue();
    assertThat(migrated.events())
        .containsExactly(
            Event.of("message", "module", "compute", "sender", ALICE_B32),
            Event.of("migrate", "code_id", "2", "contract_address", human),
            new Event(
                "wasm",
                List.of(
                    new EventAttribute("contract_address", human, true),
                    new EventAttribute("action", "migrated", true))));

    assertThat(info().getContractInfo().getCodeId()).isEqualTo(2);
    assertThat(
            QueryCodeHashResponse.parseFrom(
                    chain.query(
                        ComputeQueryHandler.CODE_HASH_BY_CONTRACT,
                        QueryByContractAddressRequest.newBuilder()
                            .setContractAddress(human)
                            .build()))
                .getCodeHash())
        .isEqualTo(new CodeHash(helperHash).hex());
    QueryContractHistoryResponse history =
        QueryContractHistoryResponse.parseFrom(
            chain.query(
                ComputeQueryHandler.CONTRACT_HISTORY,
                QueryContractHistoryRequest.newBuilder().setContractAddress(human).build()));
    assertThat(history.getEntriesList())
        .extracting(e -> e.getOperation(), e -> e.getCodeId())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ContractCodeHistoryOperationType.CONTRACT_CODE_HISTORY_OPERATION_TYPE_INIT, 1L),
            org.assertj.core.groups.Tuple.tuple(
                ContractCodeHistoryOperationType.CONTRACT_CODE_HISTORY_OPERATION_TYPE_MIGRATE, 2L));
    assertThat(byCode(1)).isEmpty();
    assertThat(byCode(2)).containsExactly(human);

    // The new code reads the state the counter wrote: it is still encrypted with the original key.
    assertThat(chain.smartQuery(contract, helperHash, "{}"))
        .isEqualTo("{\"count\":5,\"owner\":\"" + ALICE_B32 + "\"}");
    // And the migrated key is accepted for an execute.
    assertThat(
            chain
                .execute(
                    B,
                    contract,
                    chain.encrypt(
                        helperHash,
                        "{\"bank\":{\"balance\":{\"address\":\""
                            + BOB_B32
                            + "\",\"denom\":\"uscrt\"}}}"))
                .ok())
        .isTrue();
  }

  List<String> byCode(long codeId) throws Exception {
    return QueryContractsByCodeIdResponse.parseFrom(
            chain.query(
                ComputeQueryHandler.CONTRACTS_BY_CODE_ID,
                QueryByCodeIdRequest.newBuilder().setCodeId(codeId).build()))
        .getContractInfosList()
        .stream()
        .map(c -> c.getContractAddress())
        .toList();
  }

  @Test
  void onlyTheAdminMigratesAndAFailedMigrationChangesNothing() throws Exception {
    Map<String, String> before = chain.snapshot();
    ComputeTestChain.Result byBob = chain.migrate(B, contract, 2, chain.encrypt(helperHash, "{}"));
    assertThat(byBob.error().code()).isEqualTo(5);
    assertThat(byBob.error().getMessage())
        .isEqualTo("requires migrate from admin: migrate contract failed");

    // The counter exports no migrate entry point: the VM says so, the contract stays as it was.
    ComputeTestChain.Result noEntry =
        chain.migrate(A, contract, 1, chain.encrypt(counterHash, "{}"));
    assertThat(noEntry.error().codespace()).isEqualTo("compute");
    assertThat(noEntry.error().code()).isEqualTo(5);
    assertThat(noEntry.error().getMessage())
        .startsWith("MISSING_ENTRY_POINT")
        .endsWith(": migrate contract failed");

    ComputeTestChain.Result noCode = chain.migrate(A, contract, 7, chain.encrypt(helperHash, "{}"));
    assertThat(noCode.error().getMessage()).isEqualTo("code 7: not found");
    assertThat(chain.snapshot()).isEqualTo(before);
  }

  @Test
  void onlyTheAdminUpdatesOrClearsTheAdmin() throws Exception {
    Map<String, String> before = chain.snapshot();
    ComputeTestChain.Result byBob = chain.changeAdmin(B, contract, BOB_B32 + "x");
    assertThat(byBob.error().getMessage()).startsWith("new admin \"").endsWith("invalid address");
    ComputeTestChain.Result notAdmin = chain.changeAdmin(B, contract, ALICE_B32);
    assertThat(notAdmin.error().codespace()).isEqualTo("sdk");
    assertThat(notAdmin.error().code()).isEqualTo(4);
    assertThat(notAdmin.error().getMessage()).isEqualTo("caller is not the admin: unauthorized");
    ComputeTestChain.Result same = chain.changeAdmin(A, contract, ALICE_B32);
    assertThat(same.error().getMessage())
        .isEqualTo("new admin is the same as the old: invalid CosmosMsg from the contract");
    assertThat(chain.snapshot()).isEqualTo(before);

    byte[] aliceProof = info().getContractInfo().getAdminProof().toByteArray();
    ComputeTestChain.Result updated = chain.changeAdmin(A, contract, BOB_B32);
    assertThat(updated.ok()).as(() -> updated.error().getMessage()).isTrue();
    assertThat(updated.events())
        .containsExactly(
            Event.of("message", "module", "compute", "sender", ALICE_B32),
            Event.of("update_contract_admin", "contract_address", human, "new_admin", BOB_B32));
    assertThat(info().getContractInfo().getAdmin()).isEqualTo(BOB_B32);
    // The enclave proved the new admin: a proof of its own, not Alice's.
    assertThat(info().getContractInfo().getAdminProof().toByteArray())
        .hasSize(32)
        .isNotEqualTo(aliceProof);

    ComputeTestChain.Result cleared = chain.changeAdmin(B, contract, null);
    assertThat(cleared.events())
        .contains(Event.of("update_contract_admin", "contract_address", human, "new_admin", ""));
    assertThat(info().getContractInfo().getAdmin()).isEmpty();
    assertThat(info().getContractInfo().getAdminProof().isEmpty()).isTrue();
    assertThat(chain.migrate(A, contract, 2, chain.encrypt(helperHash, "{}")).error().getMessage())
        .isEqualTo("requires migrate from admin: migrate contract failed");
    assertThat(chain.migrate(B, contract, 2, chain.encrypt(helperHash, "{}")).error().getMessage())
        .isEqualTo("requires migrate from admin: migrate contract failed");
    assertThat(chain.changeAdmin(A, contract, null).error().getMessage())
        .isEqualTo("caller is not the admin: unauthorized");
  }

  @Test
  void theNewAdminMigratesAndTheOldOneNoLonger() throws Exception {
    assertThat(chain.changeAdmin(A, contract, BOB_B32).ok()).isTrue();
    assertThat(chain.migrate(A, contract, 2, chain.encrypt(helperHash, "{}")).error().getMessage())
        .isEqualTo("requires migrate from admin: migrate contract failed");
    ComputeTestChain.Result byBob = chain.migrate(B, contract, 2, chain.encrypt(helperHash, "{}"));
    assertThat(byBob.ok()).as(() -> byBob.error().getMessage()).isTrue();
    assertThat(info().getContractInfo().getCodeId()).isEqualTo(2);
    assertThat(info().getContractInfo().getAdmin()).isEqualTo(BOB_B32);
    // The migrated contract still reads its state, and Bob stays its admin.
    assertThat(chain.smartQuery(contract, helperHash, "{}"))
        .isEqualTo("{\"count\":5,\"owner\":\"" + ALICE_B32 + "\"}");
    assertThat(chain.migrate(B, contract, 1, chain.encrypt(counterHash, "{}")).error().getMessage())
        .startsWith("MISSING_ENTRY_POINT"); // past the admin checks: the counter has no migrate
  }

  @Test
  void anAdminChangeTheAdminDidNotSignIsRefusedByTheEnclaveAndChangesNothing() throws Exception {
    Map<String, String> before = chain.snapshot();
    // No tx at all, as a dishonest node would hand it over.
    ComputeTestChain.Result noTx = unsigned(ALICE_B32, BOB_B32);
    assertThat(noTx.error().codespace()).isEqualTo("sdk");
    assertThat(noTx.error().code()).isEqualTo(4);
    assertThat(noTx.error().getMessage()).startsWith("UNAUTHORIZED").endsWith(": unauthorized");
    // Alice's change, but the tx carrying it signed by Bob.
    byte[] anyBytes = Txs.updateAdminAny(ALICE, contract, BOB_B32);
    ComputeTestChain.Result bobsTx =
        chain.deliver(Any.parseFrom(anyBytes), chain.txInfo(B, anyBytes), ComputeTestChain.GAS);
    assertThat(bobsTx.error().getMessage()).startsWith("UNAUTHORIZED");
    assertThat(unsigned(ALICE_B32, null).error().getMessage()).startsWith("UNAUTHORIZED");
    assertThat(chain.snapshot()).isEqualTo(before);
  }

  @Test
  void aContractThatIsAdminHandsTheAdminOnThroughASubMessage() throws Exception {
    byte[] echo = ComputeTestChain.echoWasm();
    byte[] echoHash = CodeHash.of(echo).bytes();
    chain.storeOk(echo);
    byte[] echoContract =
        Addresses.parse(
            chain
                .instantiate(A, 3, "echo", chain.encrypt(echoHash, "{}"), List.of(), "")
                .response(MsgInstantiateContractResponse.class)
                .getAddress(),
            "echo");
    String echoB32 = Addresses.bech32(echoContract);
    String managedB32 =
        chain
            .instantiate(
                A, 1, "managed", chain.encrypt(counterHash, "{\"count\":2}"), List.of(), echoB32)
            .response(MsgInstantiateContractResponse.class)
            .getAddress();
    byte[] managed = Addresses.parse(managedB32, "managed");

    ComputeTestChain.Result handedOn =
        chain.execute(
            B,
            echoContract,
            chain.encrypt(
                echoHash,
                "{\"messages\":[{\"id\":0,\"msg\":{\"wasm\":{\"update_admin\":{"
                    + "\"contract_addr\":\""
                    + managedB32
                    + "\",\"admin\":\""
                    + BOB_B32
                    + "\"}}},\"gas_limit\":null,\"reply_on\":\"never\"}],"
                    + "\"attributes\":[],\"events\":[],\"data\":null}"));
    assertThat(handedOn.ok()).as(() -> handedOn.error().getMessage()).isTrue();
    assertThat(handedOn.events())
        .contains(
            Event.of(
                "update_contract_admin", "contract_address", managedB32, "new_admin", BOB_B32));
    ComputeTestChain.Result byBob = chain.migrate(B, managed, 2, chain.encrypt(helperHash, "{}"));
    assertThat(byBob.ok()).as(() -> byBob.error().getMessage()).isTrue();
    assertThat(chain.smartQuery(managed, helperHash, "{}")).startsWith("{\"count\":2,");
  }
}
