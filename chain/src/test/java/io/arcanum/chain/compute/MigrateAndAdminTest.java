package io.arcanum.chain.compute;

import static io.arcanum.chain.compute.ComputeTestChain.A;
import static io.arcanum.chain.compute.ComputeTestChain.ALICE_B32;
import static io.arcanum.chain.compute.ComputeTestChain.B;
import static io.arcanum.chain.compute.ComputeTestChain.BOB_B32;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.abci.EventAttribute;
import io.arcanum.crypto.tx.CodeHash;
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

/** MsgMigrateContract, MsgUpdateAdmin and MsgClearAdmin (admin only), through the real enclave. */
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

  ComputeTestChain.Result admin(String sender, String newAdmin) {
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
    ComputeTestChain.Result byBob = admin(BOB_B32, BOB_B32 + "x");
    assertThat(byBob.error().getMessage()).startsWith("new admin \"").endsWith("invalid address");
    ComputeTestChain.Result notAdmin = admin(BOB_B32, ALICE_B32);
    assertThat(notAdmin.error().codespace()).isEqualTo("sdk");
    assertThat(notAdmin.error().code()).isEqualTo(4);
    assertThat(notAdmin.error().getMessage()).isEqualTo("caller is not the admin: unauthorized");
    ComputeTestChain.Result same = admin(ALICE_B32, ALICE_B32);
    assertThat(same.error().getMessage())
        .isEqualTo("new admin is the same as the old: invalid CosmosMsg from the contract");
    assertThat(chain.snapshot()).isEqualTo(before);

    ComputeTestChain.Result updated = admin(ALICE_B32, BOB_B32);
    assertThat(updated.events())
        .containsExactly(
            Event.of("message", "module", "compute", "sender", ALICE_B32),
            Event.of("update_contract_admin", "contract_address", human, "new_admin", BOB_B32));
    assertThat(info().getContractInfo().getAdmin()).isEqualTo(BOB_B32);
    // Only the enclave can prove an admin, and enclave-api has no ECALL for a new one: the new
    // admin passes the chain's check but the enclave refuses the migration.
    ComputeTestChain.Result bobMigrates =
        chain.migrate(B, contract, 2, chain.encrypt(helperHash, "{}"));
    assertThat(bobMigrates.error().getMessage()).startsWith("UNAUTHORIZED").contains("admin proof");

    assertThat(admin(BOB_B32, null).events())
        .contains(Event.of("update_contract_admin", "contract_address", human, "new_admin", ""));
    assertThat(info().getContractInfo().getAdmin()).isEmpty();
    assertThat(chain.migrate(A, contract, 2, chain.encrypt(helperHash, "{}")).error().getMessage())
        .isEqualTo("requires migrate from admin: migrate contract failed");
    assertThat(admin(ALICE_B32, null).error().getMessage())
        .isEqualTo("caller is not the admin: unauthorized");
  }
}
