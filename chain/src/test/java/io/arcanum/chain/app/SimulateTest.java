package io.arcanum.chain.app;

import static io.arcanum.chain.app.TestTxs.A;
import static io.arcanum.chain.app.TestTxs.B;
import static io.arcanum.chain.app.TestTxs.send;
import static io.arcanum.chain.app.TestTxs.tx;
import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.chain.abci.TxResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate} (the REST API's gas estimate): not bound by the tx's own gas limit, as the SDK's
 * infinite simulation meter, and keeping nothing — the same tx then runs out of gas for real.
 */
class SimulateTest {
  @TempDir Path dir;

  @Test
  void aSimulationReportsTheGasItNeedsBeyondTheTxsLimitAndKeepsNothing() {
    try (TestChain chain = TestChain.create(dir)) {
      byte[] tooLittle = tx(A, send(A, B, 7)).gas(1_000).build();
      long received = chain.balance(B);

      TxResult simulated = chain.app.simulate(tooLittle);

      assertThat(simulated.code()).as(simulated.log()).isZero();
      assertThat(simulated.gasWanted()).isEqualTo(1_000);
      assertThat(simulated.gasUsed()).isGreaterThan(1_000);
      assertThat(chain.sequence(A)).isZero();
      TxResult real = chain.block(tooLittle).txResults().get(0);
      assertThat(real.code()).isEqualTo(11); // sdk out of gas
      assertThat(chain.balance(B)).isEqualTo(received);
    }
  }
}
