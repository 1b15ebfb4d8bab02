package io.arcanum.wasm.env;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.wasm.ApiProfile;
import io.arcanum.wasm.EntryPoint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvJsonTest {
  private static final ContractEnv ENV =
      new ContractEnv(
          new BlockInfo(7, 1_571_797_419_879_305_533L, "secretdev-1", new byte[32]),
          "secret1contract",
          "ab".repeat(32),
          new ContractEnv.Transaction(3, "CD".repeat(32)),
          "secret1sender",
          List.of(Coin.of("uscrt", 1000)));

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void v010EnvCarriesTheSenderAndTimeInSeconds() {
    assertThat(text(EnvJson.env(ApiProfile.V010, EntryPoint.EXECUTE, ENV, true)))
        .isEqualTo(
            "{\"block\":{\"height\":7,\"time\":1571797419,\"chain_id\":\"secretdev-1\"},"
                + "\"message\":{\"sender\":\"secret1sender\",\"sent_funds\":[{\"denom\":\"uscrt\",\"amount\":\"1000\"}]},"
                + "\"contract\":{\"address\":\"secret1contract\"},\"contract_key\":null,"
                + "\"contract_code_hash\":\""
                + "ab".repeat(32)
                + "\",\"transaction\":null}");
    assertThat(EnvJson.info(ApiProfile.V010, EntryPoint.EXECUTE, ENV)).isNull();
  }

  @Test
  void v010QueryTakesNoEnv() {
    assertThat(EnvJson.env(ApiProfile.V010, EntryPoint.QUERY, ENV, false)).isNull();
  }

  @Test
  void v1EnvHasNanosecondTimeCodeHashAndTransaction() {
    assertThat(text(EnvJson.env(ApiProfile.V1, EntryPoint.EXECUTE, ENV, false)))
        .isEqualTo(
            "{\"block\":{\"height\":7,\"time\":\"1571797419879305533\",\"chain_id\":\"secretdev-1\"},"
                + "\"transaction\":{\"index\":3,\"hash\":\""
                + "CD".repeat(32)
                + "\"},"
                + "\"contract\":{\"address\":\"secret1contract\",\"code_hash\":\""
                + "ab".repeat(32)
                + "\"}}");
    assertThat(text(EnvJson.info(ApiProfile.V1, EntryPoint.EXECUTE, ENV)))
        .isEqualTo(
            "{\"sender\":\"secret1sender\",\"funds\":[{\"denom\":\"uscrt\",\"amount\":\"1000\"}]}");
  }

  @Test
  void v1RandomOnlyForContractsThatRequireIt() {
    assertThat(text(EnvJson.env(ApiProfile.V1, EntryPoint.EXECUTE, ENV, true)))
        .contains("\"random\":\"" + "A".repeat(43) + "=\"");
    assertThat(text(EnvJson.env(ApiProfile.V1, EntryPoint.EXECUTE, ENV, false)))
        .doesNotContain("random");
  }

  @Test
  void onlyV1InstantiateAndExecuteTakeMessageInfo() {
    assertThat(EnvJson.info(ApiProfile.V1, EntryPoint.INSTANTIATE, ENV)).isNotNull();
    for (EntryPoint entry :
        List.of(EntryPoint.QUERY, EntryPoint.MIGRATE, EntryPoint.REPLY, EntryPoint.SUDO)) {
      assertThat(EnvJson.info(ApiProfile.V1, entry, ENV)).isNull();
    }
  }
}
