package io.arcanum.wasm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcanum.wasm.CallResult;
import io.arcanum.wasm.ContractCode;
import io.arcanum.wasm.Engine;
import io.arcanum.wasm.EntryPoint;
import io.arcanum.wasm.Invocation;
import io.arcanum.wasm.WasmVm;
import io.arcanum.wasm.host.ChainQuerier;
import io.arcanum.wasm.host.HostEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One contract instance on one engine with its own storage, for contract-level tests. */
public final class ContractHarness implements AutoCloseable {
  public static final long GAS = 1_000_000_000L;
  private static final ObjectMapper JSON = new ObjectMapper();

  public final WasmVm vm;
  public final ContractCode code;
  public final InMemoryStorage storage = new InMemoryStorage();
  public final HostEnvironment host;

  public ContractHarness(Engine engine, byte[] wasm) {
    this.vm = WasmVm.builder().engine(engine).build();
    this.code = vm.upload(wasm);
    this.host = HostEnvironment.of(storage, ChainQuerier.unsupported());
  }

  /** The committed binary of an example contract in the repository's contracts/ folder. */
  public static byte[] exampleContract(String name) {
    Path path = Path.of("..", "contracts", name, name + ".wasm");
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("example contract " + path.toAbsolutePath(), e);
    }
  }

  public CallResult call(EntryPoint entry, String msg, String sender) {
    return call(entry, msg, sender, GAS);
  }

  public CallResult call(EntryPoint entry, String msg, String sender, long gasLimit) {
    return vm.call(
        code,
        Invocation.of(
            entry,
            TestEnv.env(code.codeHash(), sender),
            msg.getBytes(StandardCharsets.UTF_8),
            gasLimit),
        host);
  }

  public CallResult call(EntryPoint entry, String msg) {
    return call(entry, msg, TestEnv.ACCOUNT_A);
  }

  public static JsonNode json(CallResult result) {
    try {
      return JSON.readTree(result.output());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    vm.close();
  }
}
