package io.arcanum.chain.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.gas.OutOfGasException;
import io.arcanum.chain.module.BlockInfo;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.state.MemoryKvStore;
import io.arcanum.enclave.api.BlockEnv;
import io.arcanum.enclave.api.ContractCall;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.ContractResult.Outcome;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.SealedStorage;
import io.arcanum.enclave.api.SigInfo;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * How an ECALL's end becomes a result or an error, and the gas around it (cosmwasm-abi.md §6.4),
 * with a stub enclave so every outcome can be produced on purpose.
 */
class EnclaveCallsTest {
  final StubEnclave enclave = new StubEnclave();
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
  final EnclaveCalls calls = new EnclaveCalls(enclave, host);

  CallFrame frame(long gasLimit) {
    MsgContext context =
        new MsgContext(
            new BlockInfo("test-1", 5, 0),
            null,
            0,
            new MemoryKvStore(),
            GasMeter.limited(gasLimit),
            false);
    return CallFrame.top(context);
  }

  ContractResult run(CallFrame frame) throws ChainException {
    return calls.run(
        frame,
        ComputeErrors.EXECUTE_FAILED,
        (e, limit) ->
            e.execute(
                new ContractCall(
                    new byte[32],
                    new BlockEnv(5, 0, "test-1", null),
                    null,
                    new byte[20],
                    new byte[20],
                    List.of(),
                    new byte[0],
                    SigInfo.callback(new byte[] {1}),
                    null,
                    "",
                    limit)));
  }

  static ContractResult result(Outcome outcome, String error, long gasUsed) {
    return new ContractResult(outcome, "{}".getBytes(), error, gasUsed, null, null, null, true);
  }

  @Test
  void theWasmLimitIsWhatIsLeftTimesAThousandCappedAtTenBillion() throws Exception {
    Random random = new Random(11);
    for (int i = 0; i < 50; i++) {
      long limit = 1 + random.nextLong(50_000_000);
      long before = random.nextLong(limit);
      CallFrame frame = frame(limit);
      frame.gas().consume(before, "before");
      long wasmUsed = random.nextLong(Math.min(10_000_000_000L, (limit - before) * 1000) / 2 + 1);
      enclave.execute = call -> result(Outcome.OK, null, wasmUsed);
      run(frame);
      long expectedLimit = Math.min(10_000_000_000L, (limit - before) * 1000);
      assertThat(enclave.calls.get(enclave.calls.size() - 1).gasLimit()).isEqualTo(expectedLimit);
      assertThat(frame.context().gas().consumed()).isEqualTo(before + wasmUsed / 1000 + 1);
    }
  }

  @Test
  void anOutOfGasFailureIsTheSdksOutOfGasWithTheMeterUsedUp() {
    CallFrame frame = frame(100_000);
    enclave.execute = call -> result(Outcome.FAILED, "OUT_OF_GAS: out of gas", call.gasLimit());
    assertThatThrownBy(() -> run(frame))
        .isInstanceOf(OutOfGasException.class)
        .hasMessageStartingWith("out of gas in location: wasm contract; gasWanted: 100000");
    assertThat(frame.context().gas().consumed()).isEqualTo(100_000);
  }

  @Test
  void otherFailuresAreTheOperationsErrorNamingTheFailureAfterChargingTheGas() {
    CallFrame frame = frame(1_000_000);
    enclave.execute = call -> result(Outcome.FAILED, "TRAP: encrypted: QUJD", 5_500);
    assertThatThrownBy(() -> run(frame))
        .isInstanceOfSatisfying(
            ChainException.class,
            e -> {
              assertThat(e.codespace()).isEqualTo("compute");
              assertThat(e.code()).isEqualTo(3);
            })
        .hasMessage("TRAP: encrypted: QUJD: execute contract failed");
    assertThat(frame.context().gas().consumed()).isEqualTo(6);
  }

  @Test
  void aRefusedEcallIsTheOperationsErrorWithTheReasonAndCostsNothing() {
    CallFrame frame = frame(1_000_000);
    enclave.execute =
        call -> {
          throw new EnclaveException(Reason.UNAUTHORIZED, "the callback signature does not match");
        };
    assertThatThrownBy(() -> run(frame))
        .hasMessage("UNAUTHORIZED: the callback signature does not match: execute contract failed");
    assertThat(frame.context().gas().consumed()).isZero();
  }

  @Test
  void aContractErrorComesBackAsAResultForTheCallerToDecide() throws Exception {
    CallFrame frame = frame(1_000_000);
    enclave.execute = call -> result(Outcome.CONTRACT_ERROR, "encrypted: QUJD", 1_000);
    assertThat(run(frame).outcome()).isEqualTo(Outcome.CONTRACT_ERROR);
    assertThat(frame.context().gas().consumed()).isEqualTo(2);
  }

  @Test
  void aLimitedBudgetHandsTheEnclaveItsOwnLimitAndCostsExactlyItOnceExhausted() throws Exception {
    CallFrame outer = frame(1_000_000);
    outer.gas().consume(1_000, "before");
    GasBudget limited = outer.gas().limitedTo(50_000);
    CallFrame frame = new CallFrame(outer.context(), limited, 1);
    enclave.execute = call -> result(Outcome.FAILED, "OUT_OF_GAS: out of gas", call.gasLimit());
    assertThatThrownBy(() -> run(frame)).isInstanceOf(OutOfGasException.class);
    assertThat(enclave.calls.get(0).gasLimit()).isEqualTo(50_000_000);
    limited.chargeExhausted();
    assertThat(outer.context().gas().consumed()).isEqualTo(51_000);
    assertThat(outer.gas().limitedTo(2_000_000)).isSameAs(outer.gas());
  }
}
