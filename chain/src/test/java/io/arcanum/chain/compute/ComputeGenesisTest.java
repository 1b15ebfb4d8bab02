package io.arcanum.chain.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.module.BlockInfo;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.state.MemoryKvStore;
import io.arcanum.crypto.tx.CodeHash;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The compute genesis section: default params, params and codes, refusals naming the field. */
class ComputeGenesisTest {
  static final ObjectMapper JSON = new ObjectMapper();
  final MemoryKvStore store = new MemoryKvStore();
  final ComputeGenesis genesis = new ComputeGenesis();

  MsgContext context() {
    return new MsgContext(
        new BlockInfo("test-1", 0, 0), null, 0, store, GasMeter.infinite(), false);
  }

  void init(JsonNode section) throws ChainException {
    MsgContext context = context();
    genesis.initGenesis(context, section);
    context.writeToParent();
  }

  @Test
  void aMissingSectionMeansDefaultParamsAndNoCode() throws Exception {
    init(MissingNode.getInstance());
    ComputeState state = new ComputeState(store);
    assertThat(state.params()).isEqualTo(ComputeParams.DEFAULT);
    assertThat(state.codeIds()).isEmpty();
    assertThat(ComputeParams.DEFAULT.toProto().getCompileCost()).isEqualTo("0.800000000000000000");
  }

  @Test
  void paramsAndCodesAreImportedWithIdsFromOne() throws Exception {
    byte[] counter = ComputeTestChain.contractWasm("counter");
    String creator = ComputeTestChain.ALICE_B32;
    init(
        JSON.readTree(
            "{\"params\":{\"compile_cost\":\"1.5\",\"max_contract_size\":\"3000000\"},"
                + "\"codes\":[{\"code_id\":\"1\",\"creator\":\""
                + creator
                + "\",\"wasm\":\""
                + Base64.getEncoder().encodeToString(StoreCodeTest.gzip(counter))
                + "\",\"source\":\"https://example.com/counter\"}]}"));
    ComputeState state = new ComputeState(store);
    assertThat(state.params().compileGas(1000)).isEqualTo(1500);
    assertThat(state.params().maxContractSize()).isEqualTo(3_000_000);
    assertThat(state.codeInfo(1).getCodeHash().toByteArray())
        .isEqualTo(CodeHash.of(counter).bytes());
    assertThat(state.codeInfo(1).getSource()).isEqualTo("https://example.com/counter");
    assertThat(state.codeBytes(CodeHash.of(counter).bytes())).isEqualTo(counter);
    assertThat(state.nextCodeId()).isEqualTo(2);
  }

  @Test
  void invalidSectionsAreRefusedNamingWhatIsWrong() {
    assertThatThrownBy(() -> init(JSON.readTree("{\"paramz\":{}}")))
        .hasMessage("unknown field compute.paramz: invalid genesis");
    assertThatThrownBy(() -> init(JSON.readTree("{\"params\":{\"compile_cost\":\"x\"}}")))
        .hasMessage("compute.params: compile_cost is not a decimal: \"x\": invalid genesis");
    assertThatThrownBy(
            () -> init(JSON.readTree("{\"codes\":[{\"creator\":\"secret1x\",\"wasm\":\"AA==\"}]}")))
        .hasMessageStartingWith("compute.codes[0]: creator \"secret1x\"");
    assertThatThrownBy(
            () ->
                init(
                    JSON.readTree(
                        "{\"codes\":[{\"code_id\":\"2\",\"creator\":\""
                            + ComputeTestChain.ALICE_B32
                            + "\",\"wasm\":\""
                            + Base64.getEncoder()
                                .encodeToString(ComputeTestChain.contractWasm("counter"))
                            + "\"}]}")))
        .hasMessageContaining("code_id 2 is not the next id 1");
    assertThatThrownBy(() -> init(JSON.readTree("{\"contracts\":[{}]}")))
        .hasMessageStartingWith("compute.contracts cannot be imported");
  }
}
