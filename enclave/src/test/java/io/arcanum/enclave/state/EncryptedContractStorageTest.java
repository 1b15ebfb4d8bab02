package io.arcanum.enclave.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.seed.KeySchedule;
import io.arcanum.crypto.seed.SeedList;
import io.arcanum.enclave.api.ContractStateStore;
import io.arcanum.wasm.CallResult;
import io.arcanum.wasm.ContractCode;
import io.arcanum.wasm.EntryPoint;
import io.arcanum.wasm.Invocation;
import io.arcanum.wasm.WasmVm;
import io.arcanum.wasm.env.BlockInfo;
import io.arcanum.wasm.env.ContractEnv;
import io.arcanum.wasm.host.ChainQuerier;
import io.arcanum.wasm.host.HostEnvironment;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example token runs on encrypted state: its balances, viewing keys and token name never reach
 * the host in the clear, and state the host alters is refused.
 */
class EncryptedContractStorageTest {
  private static final String ALICE = "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03";
  private static final String BOB = "secret1fc3fzy78ttp0lwuujw7e52rhspxn8uj52zfyne";
  private static final String MARKER = "MARKERSTRINGxyzzy";

  /** The host's store; records every byte that crosses the OCALL boundary. */
  static final class RecordingStore implements ContractStateStore {
    final Map<ByteBuffer, byte[]> entries = new HashMap<>();
    final List<byte[]> seen = new ArrayList<>();

    @Override
    public byte[] get(byte[] contract, byte[] key) {
      seen.add(key.clone());
      byte[] value = entries.get(ByteBuffer.wrap(concat(contract, key)));
      if (value != null) {
        seen.add(value.clone());
      }
      return value == null ? null : value.clone();
    }

    @Override
    public void set(byte[] contract, byte[] key, byte[] value) {
      seen.add(key.clone());
      seen.add(value.clone());
      entries.put(ByteBuffer.wrap(concat(contract, key)), value.clone());
    }

    @Override
    public void remove(byte[] contract, byte[] key) {
      seen.add(key.clone());
      entries.remove(ByteBuffer.wrap(concat(contract, key)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
      byte[] out = new byte[a.length + b.length];
      System.arraycopy(a, 0, out, 0, a.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    }
  }

  @Test
  void theTokenRunsOnEncryptedStateAndTheHostNeverSeesPlaintext() throws Exception {
    KeySchedule schedule = KeySchedule.derive(SeedList.bootstrap(new SecureRandom()));
    byte[] contract = new byte[20];
    contract[0] = 7;
    byte[] wasm = Files.readAllBytes(Path.of("..", "contracts", "token", "token.wasm"));
    RecordingStore store = new RecordingStore();
    try (WasmVm vm = WasmVm.builder().build()) {
      ContractCode code = vm.upload(wasm);
      ContractKey contractKey =
          ContractKey.derive(
              schedule.stateIkm(0),
              new byte[20],
              1,
              java.util.HexFormat.of().parseHex(code.codeHash()),
              contract);
      StateCipher cipher = new StateCipher(schedule.stateIkms(), contractKey);
      long height = 1;
      String[][] calls = {
        {
          "INSTANTIATE",
          "{\"name\":\""
              + MARKER
              + "\",\"symbol\":\"MRKR\",\"decimals\":6,\"initial_balances\":[{\"address\":\""
              + ALICE
              + "\",\"amount\":\"987654321\"}],\"prng_seed\":\"c2VlZA==\"}",
          ALICE
        },
        {
          "EXECUTE",
          "{\"transfer\":{\"recipient\":\"" + BOB + "\",\"amount\":\"123456789\"}}",
          ALICE
        },
        {"EXECUTE", "{\"set_viewing_key\":{\"key\":\"" + MARKER + "\"}}", BOB},
        {"QUERY", "{\"balance\":{\"address\":\"" + BOB + "\",\"key\":\"" + MARKER + "\"}}", ""},
        {"QUERY", "{\"token_info\":{}}", ""}
      };
      List<CallResult> results = new ArrayList<>();
      for (String[] call : calls) {
        height++;
        HostEnvironment host =
            HostEnvironment.of(
                new EncryptedContractStorage(
                    store, contract, cipher, new WriteSalt(height * 1_000_000_000L, height, 0)),
                ChainQuerier.unsupported());
        ContractEnv env =
            new ContractEnv(
                new BlockInfo(height, height * 1_000_000_000L, "secretdev-1", null),
                "secret1contract",
                code.codeHash(),
                null,
                call[2],
                List.of());
        results.add(
            vm.call(
                code,
                Invocation.of(
                    EntryPoint.valueOf(call[0]),
                    env,
                    call[1].getBytes(StandardCharsets.UTF_8),
                    100_000_000),
                host));
      }
      assertThat(results).allMatch(CallResult::isOk);
      assertThat(results.get(3).outputText()).contains("123456789");
      assertThat(results.get(4).outputText()).contains(MARKER);
    }
    assertThat(store.entries).isNotEmpty();
    for (byte[] bytes : store.seen) {
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      assertThat(text)
          .doesNotContain(MARKER)
          .doesNotContain("987654321")
          .doesNotContain("864197532")
          .doesNotContain("balance")
          .doesNotContain("config");
    }
  }

  @Test
  void aValueTheHostAlteredStopsTheRead() {
    KeySchedule schedule = KeySchedule.derive(SeedList.bootstrap(new SecureRandom()));
    ContractKey key =
        ContractKey.derive(schedule.stateIkm(0), new byte[20], 1, new byte[32], new byte[20]);
    RecordingStore store = new RecordingStore();
    EncryptedContractStorage storage =
        new EncryptedContractStorage(
            store,
            new byte[20],
            new StateCipher(schedule.stateIkms(), key),
            new WriteSalt(1, 1, 0));
    storage.set("k".getBytes(), "v".getBytes());
    assertThat(storage.get("k".getBytes())).containsExactly('v');
    store.entries.values().forEach(v -> v[v.length - 1] ^= 1);
    assertThatThrownBy(() -> storage.get("k".getBytes()))
        .isInstanceOf(EncryptedContractStorage.StateCorruptedException.class)
        .hasMessageContaining("does not authenticate");
    assertThat(storage.get("absent".getBytes())).isNull();
  }
}
