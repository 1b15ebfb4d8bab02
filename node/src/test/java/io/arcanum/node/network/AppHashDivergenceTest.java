package io.arcanum.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.chain.abci.AppInfo;
import io.arcanum.chain.abci.Application;
import io.arcanum.node.app.ChainAppFactory;
import io.arcanum.node.consensus.ForwardingApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follower whose state differs from the network's stops executing at the next block and says at
 * which height, instead of committing on top of a diverged state; the others go on.
 */
@Timeout(300)
class AppHashDivergenceTest {

  @Test
  void aFollowerWhoseAppHashDiffersStopsNamingTheHeightWhileTheOthersGoOn(@TempDir Path dir)
      throws Exception {
    try (TestNetwork network = TestNetwork.create(dir, 3, 0, 1000)) {
      int leader = network.leader();
      int follower = leader == 0 ? 1 : 0;
      network.awaitAllAt(3);
      network.kill(follower);
      long divergedAt = network.height(leader) + 1;
      network.start(
          follower,
          environment -> new DivergingApp(new ChainAppFactory().open(environment), divergedAt));

      network.driver(follower).awaitStopped();
      Throwable failure = network.driver(follower).failure();
      assertThat(failure).isNotNull();
      assertThat(failure.getMessage())
          .contains("app hash mismatch at height " + divergedAt)
          .contains("stops executing");
      long stoppedAt = network.height(follower);
      assertThat(stoppedAt).isEqualTo(divergedAt);

      int other = 3 - leader - follower;
      network.awaitAllAt(stoppedAt); // not the stopped one: it stays where it stopped
      TestNetwork.awaitTrue(
          "the others to go on",
          () -> network.height(leader) > stoppedAt + 3 && network.height(other) > stoppedAt + 3);
      assertThat(network.height(follower)).isEqualTo(stoppedAt);
    }
  }

  /**
   * The real application, but from {@code height} on it reports another app hash — a node whose
   * execution diverged there (a nondeterministic contract, a corrupted store).
   */
  static final class DivergingApp extends ForwardingApp {
    private final long height;

    DivergingApp(Application inner, long height) {
      super(inner);
      this.height = height;
    }

    @Override
    public AppInfo info() {
      AppInfo info = inner.info();
      if (info.lastHeight() < height) {
        return info;
      }
      byte[] hash = info.lastAppHash();
      hash[0] ^= 1;
      return new AppInfo(info.chainId(), info.lastHeight(), hash, info.lastBlockTimeNanos());
    }
  }
}
