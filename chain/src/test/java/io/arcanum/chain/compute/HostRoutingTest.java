package io.arcanum.chain.compute;

import static io.arcanum.chain.compute.ComputeTestChain.A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.module.QueryContext;
import io.arcanum.chain.state.MemoryKvStore;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.QuerySecretContractRequest;
import io.arcanum.proto.secret.compute.v1beta1.QuerySecretContractResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * OCALLs reach the state of the ECALL they belong to, though they come on the VM's threads: client
 * queries on other threads, running against a snapshot, interleave with txs that change the live
 * state, and each sees only its own.
 */
class HostRoutingTest {

  @Test
  void queriesFromOtherThreadsNeverSeeATxsStateAndTxsNeverWriteIntoAQuery() throws Exception {
    try (ComputeTestChain chain = new ComputeTestChain()) {
      byte[] wasm = ComputeTestChain.contractWasm("counter");
      byte[] hash = CodeHash.of(wasm).bytes();
      chain.storeOk(wasm);
      byte[] counter =
          Addresses.parse(
              chain
                  .instantiate(A, 1, "c", chain.encrypt(hash, "{\"count\":1}"), List.of(), "")
                  .response(MsgInstantiateContractResponse.class)
                  .getAddress(),
              "c");
      MemoryKvStore snapshot = new MemoryKvStore();
      chain.state.scan(
          null,
          null,
          false,
          (k, v) -> {
            snapshot.set(k, v);
            return true;
          });

      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<Future<List<String>>> answers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        answers.add(
            clients.submit(
                () -> {
                  List<String> seen = new ArrayList<>();
                  for (int i = 0; i < 8; i++) {
                    byte[] wire = chain.encrypt(hash, "{\"get_count\":{}}");
                    byte[] answer =
                        chain
                            .compute
                            .queryHandler()
                            .query(
                                new QueryContext(chain.block(), snapshot, GasMeter.infinite()),
                                ComputeQueryHandler.QUERY_SECRET_CONTRACT,
                                QuerySecretContractRequest.newBuilder()
                                    .setContractAddress(Addresses.bech32(counter))
                                    .setQuery(ByteString.copyFrom(wire))
                                    .build()
                                    .toByteArray());
                    byte[] data =
                        QuerySecretContractResponse.parseFrom(answer).getData().toByteArray();
                    seen.add(
                        new String(
                            chain
                                .client
                                .txEncryptionKey(ComputeTestChain.nonceOf(wire))
                                .decryptData(data),
                            StandardCharsets.UTF_8));
                  }
                  return seen;
                }));
      }
      for (int i = 0; i < 8; i++) {
        chain.nextBlock();
        assertThat(chain.execute(A, counter, chain.encrypt(hash, "{\"increment\":{}}")).ok())
            .isTrue();
      }
      for (Future<List<String>> answer : answers) {
        assertThat(answer.get()).containsOnly("{\"count\":1}");
      }
      clients.shutdown();
      assertThat(chain.smartQuery(counter, hash, "{\"get_count\":{}}")).isEqualTo("{\"count\":9}");
    }
  }

  @Test
  void anOcallOutsideAnyCallIsRefused() {
    ComputeHost host =
        new ComputeHost(
            new io.arcanum.enclave.api.SealedStorage() {
              @Override
              public java.util.Optional<byte[]> read(String name) {
                return java.util.Optional.empty();
              }

              @Override
              public void write(String name, byte[] bytes) {}
            });
    assertThatThrownBy(() -> host.contractState().get(new byte[20], new byte[] {1}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside any contract call");
    assertThat(host.contractCode().code(new byte[32])).isNull();
  }
}
