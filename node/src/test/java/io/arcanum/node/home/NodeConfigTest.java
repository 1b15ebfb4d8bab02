package io.arcanum.node.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.enclave.api.EnclaveMode;
import io.arcanum.node.consensus.BlockLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code config/node.json}: defaults, round trip, and strict reading. */
class NodeConfigTest {
  @TempDir Path dir;

  @Test
  void localSecretDefaultsRoundTrip() throws Exception {
    NodeConfig config = NodeConfig.defaults("secretdev-1");
    assertThat(config.restPort()).isEqualTo(1317);
    assertThat(config.minGasPrice()).isEqualTo("0.0125uscrt");
    assertThat(config.blockInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.enclaveMode()).isEqualTo(EnclaveMode.IN_PROCESS);
    Path file = dir.resolve("node.json");
    config.withEnclaveMode(EnclaveMode.PROCESS).write(file);
    assertThat(Files.readString(file)).contains("\"enclave_mode\" : \"process\"");
    assertThat(NodeConfig.read(file)).isEqualTo(config.withEnclaveMode(EnclaveMode.PROCESS));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"chain_id\": \"secretdev-1\"|\"chain_id\": \"bad id!\"|\"chain_id\" must be",
        "\"rest_port\": 1317|\"rest_port\": 70000|\"rest_port\" must be a TCP port",
        "\"rest_port\": 1317|\"rest_port\": \"1317\"|\"rest_port\" must be an integer",
        "\"min_gas_price\": \"0.0125uscrt\"|\"min_gas_price\": \"cheap\"|\"min_gas_price\" must be",
        "\"enclave_mode\": \"in-process\"|\"enclave_mode\": \"sgx\"|enclave mode must be one of",
        "\"min_block_interval_ms\": 200|\"min_block_interval_ms\": 5000|\"min_block_interval_ms\"",
        "\"rest_port\": 1317|\"rest_port\": 1317, \"colour\": 1|unknown field \"colour\"",
        "\"rest_port\": 1317,|\"rest_port\": 1317, \"rest_port\": 2,|Duplicate field",
        "\"rest_port\": 1317,|''|\"rest_port\" is missing",
        "\"max_block_txs\": 5000|\"max_block_txs\": 0|\"max_block_txs\" must be between 1",
        "\"max_block_bytes\": 22020096|\"max_block_bytes\": -1|\"max_block_bytes\" must be",
        "\"max_block_bytes\": 22020096|\"max_block_bytes\": 1.5|\"max_block_bytes\" must be an",
        "\"rest_address\": \"0.0.0.0\"|\"rest_address\": \"my host\"|\"rest_address\" must be a host",
        "\"rest_address\": \"0.0.0.0\"|\"rest_address\": 7|\"rest_address\" must be",
      })
  void aBadFileIsRefusedNamingTheField(String from, String to, String message) throws Exception {
    Path file = dir.resolve("node.json");
    NodeConfig.defaults("secretdev-1").write(file);
    String text = Files.readString(file).replace(" : ", ": ");
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
    assertThatThrownBy(() -> NodeConfig.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(message);
  }

  @Test
  void aFileFromBeforeTheBlockLimitsGetsTheDefaults() throws Exception {
    Path file = dir.resolve("node.json");
    NodeConfig.defaults("secretdev-1").withBlockLimits(new BlockLimits(7, 1000)).write(file);
    assertThat(NodeConfig.read(file).blockLimits()).isEqualTo(new BlockLimits(7, 1000));
    String text = Files.readString(file).replace(" : ", ": ");
    Files.writeString(
        file,
        text.replace(",\n  \"max_block_txs\": 7", "")
            .replace(",\n  \"max_block_bytes\": 1000", ""));
    assertThat(Files.readString(file)).doesNotContain("max_block");
    assertThat(NodeConfig.read(file)).isEqualTo(NodeConfig.defaults("secretdev-1"));
    assertThat(NodeConfig.read(file).blockLimits()).isEqualTo(BlockLimits.DEFAULT);
  }

  @Test
  void aFileFromBeforeTheRestAddressListensOnEveryInterface() throws Exception {
    Path file = dir.resolve("node.json");
    NodeConfig.defaults("secretdev-1").withRest("127.0.0.1", 1400).write(file);
    assertThat(NodeConfig.read(file).restAddress()).isEqualTo("127.0.0.1");
    assertThat(NodeConfig.read(file).restPort()).isEqualTo(1400);
    String text = Files.readString(file).replace(" : ", ": ");
    Files.writeString(file, text.replace(",\n  \"rest_address\": \"127.0.0.1\"", ""));
    assertThat(Files.readString(file)).doesNotContain("rest_address");
    assertThat(NodeConfig.read(file).restAddress()).isEqualTo(NodeConfig.DEFAULT_REST_ADDRESS);
    assertThat(NodeConfig.DEFAULT_REST_ADDRESS).isEqualTo("0.0.0.0");
  }

  @Test
  void aMissingFileSaysToInitialise() {
    assertThatThrownBy(() -> NodeConfig.read(dir.resolve("none.json")))
        .hasMessageContaining("arcanum init");
  }
}
