package io.arcanum.node.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.arcanum.chain.app.Genesis;
import io.arcanum.chain.bank.Coin;
import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.node.home.ConfigException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The node's genesis file: the chain's {@link Genesis}, plus the registration section checked. */
class GenesisFileTest {
  @TempDir Path dir;

  static Genesis sample(Instant time) {
    return Genesis.builder("secretdev-1", time)
        .account(
            "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03",
            List.of(new Coin("uscrt", BigInteger.TEN)))
        .section(
            RegistrationGenesis.MODULE,
            new RegistrationGenesis(
                    new NetworkPublicKeys(new byte[32], new byte[32]),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of())
                .toJson())
        .build();
  }

  @ParameterizedTest
  @CsvSource({
    "2026-01-02T03:04:05Z, 2026-01-02T03:04:05Z",
    "2026-01-02T03:04:05.120Z, 2026-01-02T03:04:05.12Z",
    "2026-01-02T03:04:05.000000007Z, 2026-01-02T03:04:05.000000007Z",
    "2026-01-02T03:04:05.100200Z, 2026-01-02T03:04:05.1002Z",
  })
  void timesAreWrittenAsGoWritesThemAndReadBack(String time, String written) throws Exception {
    Path file = dir.resolve("genesis.json");
    GenesisFile.write(sample(Instant.parse(time)), file);
    assertThat(Files.readString(file)).contains("\"genesis_time\" : \"" + written + "\"");
    Genesis read = GenesisFile.read(file);
    assertThat(read.genesisTime()).isEqualTo(Instant.parse(time));
    assertThat(read.toJson()).isEqualTo(sample(Instant.parse(time)).toJson());
  }

  @Test
  void theRegistrationSectionIsRequired() throws Exception {
    Path file = dir.resolve("genesis.json");
    GenesisFile.write(Genesis.builder("secretdev-1", Instant.EPOCH).build(), file);
    assertThatThrownBy(() -> GenesisFile.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("app_state.registration is missing");
  }

  @Test
  void aMissingFileSaysToInit() {
    assertThatThrownBy(() -> GenesisFile.read(dir.resolve("nothing.json")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("arcanum init");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"initial_height\" : \"1\"|\"initial_height\" : \"5\"|initial_height must be \"1\"",
        "\"genesis_time\" : \"2026-01-02T03:04:05Z\"|\"genesis_time\" : \"yesterday\"|RFC 3339",
        "\"chain_id\" : \"secretdev-1\"|\"chain_id\" : 7|chain_id must be a string",
        "\"io_master_key\"|\"io_key\"|unknown field \"io_key\"",
        "\"app_state\"|\"appState\"|unknown genesis field 'appState'",
        "\"compute\" : { }|\"compute\" : [ ]|app_state.compute must be an object",
        "\"chain_id\" : \"secretdev-1\"|\"chain_id\" : \"secretdev-1\", \"chain_id\" : \"x\"|"
            + "Duplicate field 'chain_id'",
      })
  void aBrokenGenesisIsRefusedNamingTheFileAndField(String from, String to, String message)
      throws Exception {
    Path file = dir.resolve("genesis.json");
    GenesisFile.write(
        Genesis.builder("secretdev-1", Instant.parse("2026-01-02T03:04:05Z"))
            .section("compute", JsonNodeFactory.instance.objectNode())
            .section(RegistrationGenesis.MODULE, sample(Instant.EPOCH).section("registration"))
            .build(),
        file);
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
    assertThatThrownBy(() -> GenesisFile.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining(message);
  }
}
