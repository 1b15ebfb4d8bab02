package io.arcanum.chain.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.gas.OutOfGasException;
import io.arcanum.chain.module.BlockInfo;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.state.MemoryKvStore;
import io.arcanum.enclave.api.ContractKeyInfo;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.ContractResult.Outcome;
import io.arcanum.enclave.api.SealedStorage;
import io.arcanum.enclave.api.SigInfo;
import io.arcanum.proto.secret.compute.v1beta1.CodeInfo;
import io.arcanum.proto.secret.compute.v1beta1.ContractInfo;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A sub-message's {@code gas_limit} (cosmwasm-abi.md §4.4): the callee gets no more than the limit,
 * and running out of it costs exactly the limit. A stub enclave plays both contracts.
 */
class SubMessageGasLimitTest {
  static final byte[] CALLER = filled(1);
  static final byte[] CALLEE = filled(2);

  final StubEnclave enclave = new StubEnclave();
  final MemoryKvStore store = new MemoryKvStore();
  final TestAccounts accounts = new TestAccounts();
  final ComputeHost host =
      new ComputeHost(
          new SealedStorage() {
            @Override
            public Optional<byte[]> read(String name) {
              return Optional.empty();
            }

            @Override
            public void write(String name, byte[] bytes) {}
          });
  final Contracts contracts =
      new Contracts(new EnclaveCalls(enclave, host), new TestBank(accounts), accounts);

  static byte[] filled(int value) {
    byte[] out = new byte[20];
    Arrays.fill(out, (byte) value);
    return out;
  }

  SubMessageGasLimitTest() {
    ComputeState state = new ComputeState(store);
    state.setCodeInfo(
        1, CodeInfo.newBuilder().setCodeHash(ByteString.copyFrom(new byte[32])).build());
    for (byte[] contract : List.of(CALLER, CALLEE)) {
      state.setContractInfo(contract, ContractInfo.newBuilder().setCodeId(1).build());
      state.setContractKey(contract, ContractKeyInfo.of(new byte[64]));
    }
  }

  /** The caller's response: one wasm.execute of the callee with {@code gasLimit}. */
  static ContractResult callerResponse(long gasLimit, String replyOn) {
    String json =
        "{\"messages\":[{\"id\":0,\"msg\":{\"wasm\":{\"execute\":{\"contract_addr\":\""
            + Addresses.bech32(CALLEE)
            + "\",\"code_hash\":\"00\",\"msg\":\"AAAA\",\"send\":[],\"callback_sig\":\"AQ==\"}}},"
            + "\"gas_limit\":"
            + gasLimit
            + ",\"reply_on\":\""
            + replyOn
            + "\",\"was_msg_encrypted\":false}],\"attributes\":[],\"events\":[],\"data\":null}";
    return new ContractResult(
        Outcome.OK, json.getBytes(StandardCharsets.UTF_8), null, 0, null, null, null, false);
  }

  Contracts.Called run(GasMeter gas, long gasLimit, String replyOn, long[] consumedAtCaller)
      throws ChainException {
    enclave.execute =
        call -> {
          if (Arrays.equals(call.contractAddress(), CALLER)) {
            consumedAtCaller[0] = gas.consumed();
            return callerResponse(gasLimit, replyOn);
          }
          return new ContractResult(
              Outcome.FAILED,
              null,
              "OUT_OF_GAS: out of gas",
              call.gasLimit(),
              null,
              null,
              null,
              false);
        };
    MsgContext context = new MsgContext(new BlockInfo("test-1", 3, 0), null, 0, store, gas, false);
    return contracts.execute(
        CallFrame.top(context),
        filled(9),
        CALLER,
        new byte[0],
        List.of(),
        SigInfo.callback(new byte[] {1}));
  }

  @Test
  void aSubMessageThatRunsOutOfItsGasLimitCostsExactlyTheLimitAndFailsTheMessage() {
    GasMeter gas = GasMeter.limited(1_000_000);
    long[] atCaller = new long[1];
    for (String replyOn : List.of("never", "error")) {
      long before = gas.consumed();
      assertThatThrownBy(() -> run(gas, 30_000, replyOn, atCaller))
          .isInstanceOfSatisfying(
              ChainException.class,
              e -> {
                assertThat(e.codespace()).isEqualTo("sdk");
                assertThat(e.code()).isEqualTo(11);
              })
          .hasMessage("dispatch: submessages: SubMsg hit gas limit: out of gas");
      assertThat(calleeGasLimit()).isPositive().isLessThanOrEqualTo(10_000_000L);
      // caller's charge is 1 (0 wasm gas); then the sub-message costs exactly its limit.
      assertThat(gas.consumed()).isEqualTo(atCaller[0] + 1 + 30_000);
      assertThat(gas.consumed()).isGreaterThan(before);
    }
  }

  @Test
  void aLimitAboveWhatIsLeftDoesNotLimitAndTheTxRunsOutOfGas() {
    GasMeter gas = GasMeter.limited(100_000);
    assertThatThrownBy(() -> run(gas, 5_000_000, "never", new long[1]))
        .isInstanceOf(OutOfGasException.class);
    assertThat(gas.consumed()).isEqualTo(100_000);
  }

  /** The gas limit the callee's last ECALL got. */
  long calleeGasLimit() {
    return enclave.calls.stream()
        .filter(c -> Arrays.equals(c.contractAddress(), CALLEE))
        .reduce((a, b) -> b)
        .orElseThrow()
        .gasLimit();
  }
}
