package io.arcanum.node.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The genesis file's header and its checks (the registration section is checked too). */
class GenesisDocumentTest {
  @TempDir Path dir;

  static GenesisDocument sample() {
    ObjectNode appState = JsonFiles.MAPPER.createObjectNode();
    appState.set(
        "registration",
        new RegistrationGenesis(
                new NetworkPublicKeys(new byte[32], new byte[32]),
                List.of(),
                List.of(),
                List.of(),
                List.of())
            .toJson());
    return new GenesisDocument(Instant.parse("2026-01-02T03:04:05Z"), "secretdev-1", 1, appState);
  }

  @Test
  void timesAreWrittenAsGoWritesThem() {
    assertThat(GenesisDocument.rfc3339(Instant.parse("2026-01-02T03:04:05Z")))
        .isEqualTo("2026-01-02T03:04:05Z");
    assertThat(GenesisDocument.rfc3339(Instant.parse("2026-01-02T03:04:05.120Z")))
        .isEqualTo("2026-01-02T03:04:05.12Z");
    assertThat(GenesisDocument.rfc3339(Instant.parse("2026-01-02T03:04:05.000000007Z")))
        .isEqualTo("2026-01-02T03:04:05.000000007Z");
    assertThat(sample().genesisTimeNanos()).isEqualTo(1_767_323_045_000_000_000L);
  }

  @Test
  void aWrittenGenesisReadsBack() throws Exception {
    Path file = dir.resolve("genesis.json");
    sample().write(file);
    assertThat(GenesisDocument.read(file)).isEqualTo(sample());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"initial_height\" : \"1\"|\"initial_height\" : \"5\"|\"initial_height\" must be \"1\"",
        "\"genesis_time\" : \"2026-01-02T03:04:05Z\"|\"genesis_time\" : \"yesterday\"|RFC 3339",
        "\"chain_id\" : \"secretdev-1\"|\"chain_id\" : 7|\"chain_id\" must be a string",
        "\"io_master_key\"|\"io_key\"|unknown field \"io_key\"",
        "\"app_state\"|\"appState\"|unknown field \"appState\"",
      })
  void aBrokenGenesisIsRefusedNamingTheField(String from, String to, String message)
      throws Exception {
    Path file = dir.resolve("genesis.json");
    sample().write(file);
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
    assertThatThrownBy(() -> GenesisDocument.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }
}
