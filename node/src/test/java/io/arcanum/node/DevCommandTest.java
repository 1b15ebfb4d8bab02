package io.arcanum.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.chain.abci.Block;
import io.arcanum.node.app.ApplicationFactory;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arcanum dev} and {@code arcanum init} through the command line, with the counter app in
 * place of the chain application and the real enclave behind the provider SPI: a first run
 * initialises LocalSecret-style, a second continues from the last committed height.
 */
@Timeout(180)
class DevCommandTest {
  @TempDir Path dir;
  final List<CounterApp> apps = new ArrayList<>();
  final ApplicationFactory factory =
      environment -> {
        CounterApp app = new CounterApp(environment);
        apps.add(app);
        return app;
      };
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return Main.run(args, factory, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** Makes blocks every 20 ms so a test run takes a moment, not seconds. */
  static void fastBlocks(NodeHome home) throws Exception {
    NodeConfig.read(home.nodeConfigFile())
        .withBlockIntervals(Duration.ofMillis(20), Duration.ofMillis(5))
        .write(home.nodeConfigFile());
  }

  @Test
  void aSecondRunContinuesFromTheLastCommittedHeight() throws Exception {
    NodeHome home = new NodeHome(dir.resolve("dev"));
    assertThat(run("init", "--home", home.root().toString(), "--localsecret-accounts"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("initialised").contains("secretdev-1 (5 funded accounts)");
    fastBlocks(home);

    assertThat(run("dev", "--home", home.root().toString(), "--halt-height", "3"))
        .as(err.toString())
        .isZero();
    assertThat(apps.get(0).blocks).extracting(Block::height).containsExactly(1L, 2L, 3L);
    assertThat(apps.get(0).closed).isTrue();

    assertThat(run("dev", "--home", home.root().toString(), "--halt-height", "5"))
        .as(err.toString())
        .isZero();
    CounterApp second = apps.get(1);
    assertThat(second.blocks).extracting(Block::height).containsExactly(4L, 5L);
    assertThat(second.blocks.get(0).timeNanos())
        .isGreaterThan(apps.get(0).blocks.get(2).timeNanos());
    assertThat(second.info().lastHeight()).isEqualTo(5);
  }

  @Test
  void devInitialisesAnEmptyHomeLikeLocalSecretAndResetStartsAfresh() throws Exception {
    NodeHome home = new NodeHome(dir.resolve("fresh"));
    assertThat(run("dev", "--home", home.root().toString(), "--halt-height", "1"))
        .as(err.toString())
        .isZero();
    String genesis = Files.readString(home.genesisFile());
    assertThat(genesis)
        .contains("\"chain_id\" : \"secretdev-1\"")
        .contains("secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03")
        .contains("secret14aj08vd2ntty7dvskdmdu4zhf23mcwgtute8dz");
    assertThat(apps.get(0).blocks).hasSize(1);

    assertThat(run("dev", "--home", home.root().toString(), "--reset", "--halt-height", "1"))
        .as(err.toString())
        .isZero();
    assertThat(Files.readString(home.genesisFile())).isNotEqualTo(genesis); // new keys, new time
    assertThat(apps.get(1).blocks).extracting(Block::height).containsExactly(1L);
  }

  @Test
  void theEnclaveCanRunInItsOwnProcess() throws Exception {
    NodeHome home = new NodeHome(dir.resolve("process"));
    assertThat(
            run(
                "dev",
                "--home",
                home.root().toString(),
                "--enclave",
                "process",
                "--halt-height",
                "1"))
        .as(err.toString())
        .isZero();
    assertThat(Files.readString(home.nodeConfigFile())).contains("\"enclave_mode\" : \"process\"");
    assertThat(apps.get(0).blocks).hasSize(1);
  }

  @Test
  void mistakesGetClearMessages() throws Exception {
    NodeHome home = new NodeHome(dir.resolve("home"));
    assertThat(run("init", "--home", home.root().toString())).isZero();
    assertThat(run("init", "--home", home.root().toString())).isEqualTo(1);
    assertThat(err.toString()).contains("already initialised");

    assertThat(run("init", "--home", dir.resolve("x").toString(), "--enclave", "sgx")).isEqualTo(2);
    assertThat(err.toString()).contains("enclave mode must be one of [in-process, process]");

    Path notAHome = Files.createDirectories(dir.resolve("photos"));
    Files.writeString(notAHome.resolve("cat.jpg"), "meow");
    assertThat(run("dev", "--home", notAHome.toString(), "--reset")).isEqualTo(1);
    assertThat(err.toString()).contains("does not look like an Arcanum home");
    assertThat(notAHome.resolve("cat.jpg")).exists();

    assertThat(run("launch")).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("name a command: init, dev");
  }

  @Test
  void anApplicationThatCannotStartLeavesTheHomeUnlocked() throws Exception {
    NodeHome home = new NodeHome(dir.resolve("home"));
    assertThat(run("init", "--home", home.root().toString())).isZero();
    int code =
        Main.run(
            new String[] {"dev", "--home", home.root().toString(), "--halt-height", "1"},
            environment -> {
              throw new IllegalStateException("the store is on a read-only disk");
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("the application did not start")
        .contains("the store is on a read-only disk");
    fastBlocks(home);
    assertThat(run("dev", "--home", home.root().toString(), "--halt-height", "1"))
        .as(err.toString())
        .isZero();
  }
}
