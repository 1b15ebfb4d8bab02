package io.arcanum.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveMode;
import io.arcanum.node.app.LocalFaultException;
import io.arcanum.node.consensus.BlockLimits;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A block that met a failure of this node — its enclave gone, or a runtime exception the chain
 * turns into an "internal error" result — is not committed: the node stops naming the height, and
 * after a restart the same height is made again with the network's results.
 */
@Timeout(180)
class LocalFaultHaltTest {
  static final int A = 0;

  @TempDir Path dir;

  static byte[] counterWasm() throws Exception {
    return Files.readAllBytes(Path.of("..", "contracts", "counter", "counter.wasm"));
  }

  static byte[] instantiate(NodeHome home, byte[] wasm, long sequence) throws Exception {
    byte[] init = TestNode.encryptor(home).encrypt(CodeHash.of(wasm).hex(), "{\"count\":1}");
    return SignedTxs.instantiate(A, sequence, 1, "counter-" + sequence, init);
  }

  @Test
  void theEnclaveProcessDyingStopsTheNodeInsteadOfFailingTheTx() throws Exception {
    NodeHome home =
        TestNode.init(
            dir.resolve("home"),
            NodeConfig.defaults(SignedTxs.CHAIN_ID)
                .withEnclaveMode(EnclaveMode.PROCESS)
                .withBlockLimits(BlockLimits.DEFAULT));
    byte[] wasm = counterWasm();
    byte[] instantiate = instantiate(home, wasm, 1);
    Set<Long> before = descendants();
    try (TestNode node = TestNode.start(home)) {
      RecheckWithTheChainTest.assertOk(node.node.driver().submit(SignedTxs.storeCode(A, 0, wasm)));
      node.block();
      assertThat(node.height()).isEqualTo(1);

      // The node's enclave process: the one process this JVM started since.
      List<ProcessHandle> enclaves =
          ProcessHandle.current()
              .descendants()
              .filter(p -> !before.contains(p.pid()) && p.isAlive())
              .toList();
      assertThat(enclaves).hasSize(1);
      enclaves.get(0).destroyForcibly();
      enclaves.get(0).onExit().get(30, TimeUnit.SECONDS);

      RecheckWithTheChainTest.assertOk(node.node.driver().submit(instantiate));
      node.block();
      node.node.awaitStopped();
      assertThat(node.node.driver().failure())
          .isInstanceOf(LocalFaultException.class)
          .hasMessageStartingWith("block 2 was not committed: the enclave failed")
          .hasMessageContaining("ENCLAVE_UNAVAILABLE");
      assertThat(((LocalFaultException) node.node.driver().failure()).height()).isEqualTo(2);
      assertThat(node.height()).isEqualTo(1);
      assertThat(node.app.info().lastHeight()).isEqualTo(1);
    }
    try (TestNode restarted = TestNode.start(home)) { // a new enclave process
      assertThat(restarted.height()).isEqualTo(1);
      assertThat(restarted.app.blockStore().tx(SignedTxs.sha256(instantiate))).isEmpty();
      RecheckWithTheChainTest.assertOk(restarted.node.driver().submit(instantiate));
      restarted.block();
      assertThat(restarted.height()).isEqualTo(2);
      assertThat(restarted.result(instantiate).code())
          .as(restarted.result(instantiate).log())
          .isZero();
    }
  }

  @Test
  void aRuntimeExceptionInAHandlerStopsTheNodeInsteadOfCommittingAnInternalError()
      throws Exception {
    NodeHome home = TestNode.init(dir.resolve("home"), BlockLimits.DEFAULT);
    byte[] wasm = counterWasm();
    byte[] instantiate = instantiate(home, wasm, 1);
    AtomicBoolean broken = new AtomicBoolean();
    try (TestNode node = TestNode.start(home, enclave -> breakable(enclave, broken))) {
      RecheckWithTheChainTest.assertOk(node.node.driver().submit(SignedTxs.storeCode(A, 0, wasm)));
      node.block();
      broken.set(true);
      RecheckWithTheChainTest.assertOk(node.node.driver().submit(instantiate));
      node.block();
      node.node.awaitStopped();
      assertThat(node.node.driver().failure())
          .isInstanceOf(LocalFaultException.class)
          .hasMessageStartingWith("block 2 was not committed: tx 0 (")
          .hasMessageContaining("internal error")
          .hasMessageNotContaining("disk on fire"); // the exception's own text stays in the log
      assertThat(node.app.info().lastHeight()).isEqualTo(1);
    }
    try (TestNode restarted = TestNode.start(home)) {
      RecheckWithTheChainTest.assertOk(restarted.node.driver().submit(instantiate));
      restarted.block();
      assertThat(restarted.result(instantiate).code()).isZero();
    }
  }

  /** The enclave, except that {@code instantiate} throws a runtime exception once broken. */
  static Enclave breakable(Enclave enclave, AtomicBoolean broken) {
    return (Enclave)
        Proxy.newProxyInstance(
            Enclave.class.getClassLoader(),
            new Class<?>[] {Enclave.class},
            (proxy, method, args) -> {
              if (broken.get() && method.getName().equals("instantiate")) {
                throw new IllegalStateException("disk on fire");
              }
              try {
                return method.invoke(enclave, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  static Set<Long> descendants() {
    return ProcessHandle.current()
        .descendants()
        .map(ProcessHandle::pid)
        .collect(java.util.stream.Collectors.toSet());
  }
}
