package io.arcanum.chain.compute;

import static io.arcanum.chain.compute.ComputeTestChain.A;
import static io.arcanum.chain.compute.ComputeTestChain.ALICE;
import static io.arcanum.chain.compute.ComputeTestChain.ALICE_B32;
import static io.arcanum.chain.compute.ComputeTestChain.B;
import static io.arcanum.chain.compute.ComputeTestChain.BOB;
import static io.arcanum.chain.compute.ComputeTestChain.BOB_B32;
import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.chain.abci.Event;
import io.arcanum.chain.abci.EventAttribute;
import io.arcanum.chain.bank.Coin;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryByContractAddressRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractInfoResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Instantiate, execute and query the example contracts with encrypted inputs through the real
 * enclave, and read everything back with the client's key as secret.js does (secretjs-api.md §6.1).
 */
class ContractLifecycleTest {
  ComputeTestChain chain;
  byte[] counter;
  byte[] token;

  @BeforeEach
  void start() throws Exception {
    chain = new ComputeTestChain();
    counter = ComputeTestChain.contractWasm("counter");
    token = ComputeTestChain.contractWasm("token");
    assertThat(chain.storeOk(counter)).isEqualTo(1);
    assertThat(chain.storeOk(token)).isEqualTo(2);
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  byte[] hash(byte[] wasm) {
    return CodeHash.of(wasm).bytes();
  }

  @Test
  void theCounterIsInstantiatedAtSecretsAddressIncrementedAndQueried() throws Exception {
    byte[] init = chain.encrypt(hash(counter), "{\"count\":41}");
    ComputeTestChain.Result created = chain.instantiate(A, 1, "my counter", init, List.of(), "");
    MsgInstantiateContractResponse response =
        created.response(MsgInstantiateContractResponse.class);
    // Code 1, instance 1, creator a: the first contract on LocalSecret (secretjs-api.md §5).
    assertThat(response.getAddress()).isEqualTo("secret1mfk7n6mc2cg6lznujmeckdh4x0a5ezf6hx6y8q");
    assertThat(response.getData().isEmpty()).isTrue();
    byte[] contract = Addresses.parse(response.getAddress(), "contract");

    assertThat(created.events())
        .extracting(Event::type)
        .containsExactly("instantiate", "wasm", "message");
    assertThat(created.events().get(0))
        .isEqualTo(
            Event.of("instantiate", "contract_address", response.getAddress(), "code_id", "1"));
    assertThat(created.events().get(2))
        .isEqualTo(
            Event.of(
                "message",
                "module",
                "compute",
                "sender",
                ALICE_B32,
                "contract_address",
                response.getAddress()));
    Event wasm = created.events().get(1);
    assertThat(wasm.attributes().get(0))
        .isEqualTo(new EventAttribute("contract_address", response.getAddress(), true));
    // secret.js decrypts the other attributes with the instantiate's nonce.
    List<String> decrypted =
        wasm.attributes().stream()
            .skip(1)
            .map(
                a ->
                    chain.decryptAttribute(init, a.key())
                        + "="
                        + chain.decryptAttribute(init, a.value()))
            .toList();
    assertThat(decrypted).containsExactly("action=instantiate", "owner=" + ALICE_B32, "count=41");

    chain.nextBlock();
    byte[] increment = chain.encrypt(hash(counter), "{\"increment\":{}}");
    ComputeTestChain.Result executed = chain.execute(B, contract, increment);
    assertThat(executed.ok()).as(() -> executed.error().getMessage()).isTrue();
    assertThat(executed.events())
        .extracting(Event::type)
        .containsExactly("message", "execute", "wasm");
    assertThat(executed.events().get(0))
        .isEqualTo(
            Event.of(
                "message",
                "module",
                "compute",
                "sender",
                BOB_B32,
                "contract_address",
                response.getAddress()));
    assertThat(executed.events().get(1))
        .isEqualTo(Event.of("execute", "contract_address", response.getAddress()));
    assertThat(executed.response(MsgExecuteContractResponse.class).getData().isEmpty()).isTrue();

    assertThat(chain.smartQuery(contract, hash(counter), "{\"get_count\":{}}"))
        .isEqualTo("{\"count\":42}");

    QueryContractInfoResponse info =
        QueryContractInfoResponse.parseFrom(
            chain.query(
                ComputeQueryHandler.CONTRACT_INFO,
                QueryByContractAddressRequest.newBuilder()
                    .setContractAddress(response.getAddress())
                    .build()));
    assertThat(info.getContractInfo().getCodeId()).isEqualTo(1);
    assertThat(info.getContractInfo().getLabel()).isEqualTo("my counter");
    assertThat(info.getContractInfo().getCreator().toByteArray()).isEqualTo(ALICE);
    assertThat(info.getContractInfo().getCreated().getBlockHeight()).isEqualTo(1);
  }

  @Test
  void aTokenTransferMovesPrivateBalancesAndAnswersInEncryptedData() throws Exception {
    byte[] init =
        chain.encrypt(
            hash(token),
            "{\"name\":\"Marker\",\"symbol\":\"MRKR\",\"decimals\":6,\"initial_balances\":[{\"address\":\""
                + ALICE_B32
                + "\",\"amount\":\"1000\"}],\"prng_seed\":\"c2VlZA==\"}");
    ComputeTestChain.Result created =
        chain.instantiate(
            A, 2, "token", init, List.of(new io.arcanum.enclave.api.Coin("uscrt", "250")), "");
    byte[] contract =
        Addresses.parse(
            created.response(MsgInstantiateContractResponse.class).getAddress(), "token");
    // Init funds went to the new contract account; no attributes, so no wasm event.
    assertThat(chain.bank.balance(chain.state, contract, "uscrt")).isEqualTo(Coin.of("uscrt", 250));
    assertThat(chain.bank.balance(chain.state, ALICE, "uscrt"))
        .isEqualTo(Coin.of("uscrt", 999_750));
    assertThat(created.events())
        .extracting(Event::type)
        .containsExactly(
            "coin_spent", "coin_received", "transfer", "message", "instantiate", "message");

    chain.nextBlock();
    byte[] transfer =
        chain.encrypt(
            hash(token), "{\"transfer\":{\"recipient\":\"" + BOB_B32 + "\",\"amount\":\"300\"}}");
    ComputeTestChain.Result sent = chain.execute(A, contract, transfer);
    String data =
        chain.decryptData(transfer, sent.response(MsgExecuteContractResponse.class).getData());
    assertThat(data.strip()).isEqualTo("{\"transfer\":{\"status\":\"success\"}}");
    assertThat(data).hasSize(256); // SNIP-20 padding

    byte[] setKey = chain.encrypt(hash(token), "{\"set_viewing_key\":{\"key\":\"bob-key\"}}");
    assertThat(chain.execute(B, contract, setKey).ok()).isTrue();
    assertThat(
            chain.smartQuery(
                contract,
                hash(token),
                "{\"balance\":{\"address\":\"" + BOB_B32 + "\",\"key\":\"bob-key\"}}"))
        .isEqualTo("{\"balance\":{\"amount\":\"300\"}}");
    assertThat(
            chain.smartQuery(
                contract,
                hash(token),
                "{\"balance\":{\"address\":\"" + BOB_B32 + "\",\"key\":\"wrong\"}}"))
        .contains("viewing_key_error");
  }

  @Test
  void contractStateIsStoredEncryptedUnderTheContractsPrefix() throws Exception {
    byte[] init = chain.encrypt(hash(counter), "{\"count\":7}");
    byte[] contract =
        Addresses.parse(
            chain
                .instantiate(A, 1, "c", init, List.of(), "")
                .response(MsgInstantiateContractResponse.class)
                .getAddress(),
            "c");
    String prefix = java.util.HexFormat.of().formatHex(ComputeKeys.state(contract, new byte[0]));
    List<String> values =
        chain.snapshot().entrySet().stream()
            .filter(e -> e.getKey().startsWith(prefix))
            .map(java.util.Map.Entry::getValue)
            .toList();
    assertThat(values).isNotEmpty();
    for (String value : values) {
      assertThat(value).doesNotContain(java.util.HexFormat.of().formatHex("count".getBytes()));
    }
    assertThat(BOB).isNotEqualTo(ALICE);
  }
}
