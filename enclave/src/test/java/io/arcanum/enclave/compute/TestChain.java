package io.arcanum.enclave.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.enclave.api.BlockEnv;
import io.arcanum.enclave.api.ChainQueryHost;
import io.arcanum.enclave.api.Coin;
import io.arcanum.enclave.api.ContractCall;
import io.arcanum.enclave.api.ContractCodeStore;
import io.arcanum.enclave.api.ContractKeyInfo;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.ContractStateStore;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.QueryCall;
import io.arcanum.enclave.api.SealedStorage;
import io.arcanum.enclave.api.SigInfo;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A minimal chain around an enclave for tests: stores code, contracts and their encrypted state,
 * routes smart queries back into the enclave, and records every byte that crosses the OCALL
 * boundary so tests can prove what the host saw.
 */
final class TestChain implements EnclaveHost {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HexFormat HEX = HexFormat.of();

  final Map<String, byte[]> sealedFiles = new HashMap<>();
  final TreeMap<String, byte[]> state = new TreeMap<>();
  final Map<String, byte[]> codes = new HashMap<>();
  final Map<String, Contract> contracts = new HashMap<>();

  /** Every byte the enclave handed to or got from the host through OCALLs. */
  final ByteArrayOutputStream seen = new ByteArrayOutputStream();

  Enclave enclave;
  Contract lastInstantiated;
  long height = 1;
  long timeNanos = 1_700_000_000_000_000_000L;
  private int instances;

  record Contract(byte[] address, byte[] codeHash, ContractKeyInfo key) {}

  private void saw(byte[] bytes) {
    if (bytes != null) {
      seen.writeBytes(bytes);
    }
  }

  @Override
  public SealedStorage sealedStorage() {
    return new SealedStorage() {
      @Override
      public Optional<byte[]> read(String name) {
        return Optional.ofNullable(sealedFiles.get(name)).map(byte[]::clone);
      }

      @Override
      public void write(String name, byte[] bytes) {
        saw(bytes);
        sealedFiles.put(name, bytes.clone());
      }
    };
  }

  @Override
  public ContractStateStore contractState() {
    return new ContractStateStore() {
      @Override
      public byte[] get(byte[] contract, byte[] key) {
        saw(key);
        byte[] value = state.get(HEX.formatHex(contract) + ":" + HEX.formatHex(key));
        saw(value);
        return value == null ? null : value.clone();
      }

      @Override
      public void set(byte[] contract, byte[] key, byte[] value) {
        saw(key);
        saw(value);
        state.put(HEX.formatHex(contract) + ":" + HEX.formatHex(key), value.clone());
      }

      @Override
      public void remove(byte[] contract, byte[] key) {
        saw(key);
        state.remove(HEX.formatHex(contract) + ":" + HEX.formatHex(key));
      }
    };
  }

  @Override
  public ContractCodeStore contractCode() {
    return hash -> codes.get(HEX.formatHex(hash));
  }

  /** Routes smart queries back into the enclave, as the compute module will (§4.5). */
  @Override
  public ChainQueryHost chainQueries() {
    return (request, depth, gasLimit) -> {
      saw(request);
      try {
        JsonNode smart = JSON.readTree(request).path("wasm").path("smart");
        Contract target = contractByBech32(smart.path("contract_addr").asText());
        ContractResult result =
            enclave.query(
                new QueryCall(
                    target.codeHash(),
                    block(),
                    target.address(),
                    target.key(),
                    Base64.getDecoder().decode(smart.path("msg").asText()),
                    gasLimit,
                    depth));
        String answer =
            result.isOk()
                ? "{\"Ok\":{\"Ok\":\""
                    + Base64.getEncoder().encodeToString(result.output())
                    + "\"}}"
                : "{\"Ok\":{\"Err\":" + JSON.writeValueAsString(result.error()) + "}}";
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        saw(bytes);
        return new ChainQueryHost.Answer(bytes, result.gasUsed());
      } catch (Exception e) {
        return new ChainQueryHost.Answer(
            "{\"Err\":{\"unknown\":{}}}".getBytes(StandardCharsets.UTF_8), 0);
      }
    };
  }

  BlockEnv block() {
    return new BlockEnv(height, timeNanos, "secretdev-1", null);
  }

  void nextBlock() {
    height++;
    timeNanos += 6_000_000_000L;
  }

  byte[] store(byte[] wasm) {
    byte[] hash = CodeHash.of(wasm).bytes();
    codes.put(HEX.formatHex(hash), wasm.clone());
    return hash;
  }

  /** The contract address rule of secretjs-api.md §5, with a per-chain instance counter. */
  byte[] newContractAddress(byte[] creator) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(ByteBuffer.allocate(8).putLong((1L << 32) + ++instances).array());
    sha.update(creator);
    byte[] digest = sha.digest();
    return java.util.Arrays.copyOf(digest, 20);
  }

  Contract contractByBech32(String address) {
    byte[] canonical = io.arcanum.crypto.bech32.Bech32.decode(address).bytes();
    return contracts.get(HEX.formatHex(canonical));
  }

  /** Instantiates; on success the contract is registered with the key the enclave made. */
  ContractResult instantiate(
      byte[] codeHash, byte[] sender, byte[] message, SigInfo sig, List<Coin> funds, String admin)
      throws Exception {
    byte[] address = newContractAddress(sender);
    ContractResult result =
        enclave.instantiate(
            new ContractCall(
                codeHash,
                block(),
                null,
                address,
                sender,
                funds,
                message,
                sig,
                null,
                admin,
                10_000_000_000L));
    if (result.isOk()) {
      lastInstantiated = new Contract(address, codeHash, result.contractKey());
      contracts.put(HEX.formatHex(address), lastInstantiated);
    }
    return result;
  }

  ContractResult execute(
      Contract contract, byte[] sender, byte[] message, SigInfo sig, List<Coin> funds)
      throws EnclaveException {
    return enclave.execute(
        new ContractCall(
            contract.codeHash(),
            block(),
            null,
            contract.address(),
            sender,
            funds,
            message,
            sig,
            contract.key(),
            "",
            10_000_000_000L));
  }

  ContractResult query(Contract contract, byte[] message) throws EnclaveException {
    return enclave.query(
        new QueryCall(
            contract.codeHash(),
            block(),
            contract.address(),
            contract.key(),
            message,
            10_000_000_000L,
            0));
  }

  String humanOf(Contract contract) {
    return io.arcanum.crypto.bech32.Bech32.encodeBytes("secret", contract.address());
  }

  Map<String, byte[]> stateSnapshot() {
    Map<String, byte[]> copy = new TreeMap<>();
    state.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }
}
