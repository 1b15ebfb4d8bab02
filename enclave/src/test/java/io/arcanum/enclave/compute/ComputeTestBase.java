package io.arcanum.enclave.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.TxEncryptor;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.enclave.InProcessEnclave;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.ContractResult.Outcome;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.compute.TestChain.Contract;
import io.arcanum.enclave.sealing.EnclaveMeasurement;
import io.arcanum.enclave.sealing.PlatformSealingSecret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A bootstrapped enclave in a {@link TestChain} with the example contracts stored, and a client.
 */
abstract class ComputeTestBase {
  static final byte[] ALICE = TestSigner.ALICE;
  static final byte[] BOB = TestSigner.BOB;
  static final String ALICE_B32 = io.arcanum.crypto.bech32.Bech32.encodeBytes("secret", ALICE);
  static final String BOB_B32 = io.arcanum.crypto.bech32.Bech32.encodeBytes("secret", BOB);

  final TestChain chain = new TestChain();
  TxEncryptor client;
  byte[] token;
  byte[] counter;
  byte[] caller;
  byte[] echo;

  /** Opens the enclave under test; the child-process variant overrides this. */
  Enclave open(TestChain host) throws Exception {
    return new InProcessEnclave(
        host,
        PlatformSealingSecret.of(new byte[32]),
        EnclaveMeasurement.ofRunningBuild(),
        new SecureRandom());
  }

  static byte[] bytes(int length, int value) {
    byte[] out = new byte[length];
    java.util.Arrays.fill(out, (byte) value);
    return out;
  }

  static byte[] wasm(String name) throws Exception {
    return Files.readAllBytes(Path.of("..", "contracts", name, name + ".wasm"));
  }

  /** {@code src/test/wat/echo.wat}: its execute message is its response (any sub-message). */
  static byte[] echoWasm() throws Exception {
    try (var in = ComputeTestBase.class.getResourceAsStream("echo.wasm")) {
      return in.readAllBytes();
    }
  }

  @BeforeEach
  void start() throws Exception {
    chain.enclave = open(chain);
    byte[] io = chain.enclave.bootstrap().ioExchangeKey();
    client = TxEncryptor.fromSeed(bytes(32, 7), new X25519PublicKey(io));
    token = chain.store(wasm("token"));
    counter = chain.store(wasm("counter"));
    caller = chain.store(wasm("caller"));
    echo = chain.store(echoWasm());
  }

  @AfterEach
  void stop() {
    chain.enclave.close();
  }

  byte[] encrypt(byte[] codeHash, String json) {
    return client.encrypt(new CodeHash(codeHash).hex(), json);
  }

  static byte[] nonceOf(byte[] wire) {
    return java.util.Arrays.copyOf(wire, 32);
  }

  String decryptData(ContractResult result, byte[] wire) throws Exception {
    JsonNode response = TestChain.JSON.readTree(result.output());
    byte[] sealed = Base64.getDecoder().decode(response.get("data").asText());
    return new String(
        client.txEncryptionKey(nonceOf(wire)).decryptData(sealed), StandardCharsets.UTF_8);
  }

  String decryptError(ContractResult result, byte[] wire) {
    assertThat(result.error()).startsWith("encrypted: ");
    byte[] sealed = Base64.getDecoder().decode(result.error().substring("encrypted: ".length()));
    return new String(client.decrypt(sealed, nonceOf(wire)), StandardCharsets.UTF_8);
  }

  Contract instantiateToken(String name) throws Exception {
    String init =
        "{\"name\":\""
            + name
            + "\",\"symbol\":\"MRKR\",\"decimals\":6,\"initial_balances\":[{\"address\":\""
            + ALICE_B32
            + "\",\"amount\":\"1000\"}],\"prng_seed\":\"c2VlZA==\"}";
    byte[] wire = encrypt(token, init);
    ContractResult result =
        chain.instantiate(token, ALICE, wire, TestSigner.instantiate(ALICE, wire), List.of(), "");
    assertThat(result.outcome()).as(result.error()).isEqualTo(Outcome.OK);
    assertThat(result.encrypted()).isTrue();
    return chain.lastInstantiated;
  }

  String balance(Contract contract, String address, String key) throws Exception {
    byte[] wire =
        encrypt(
            contract.codeHash(),
            "{\"balance\":{\"address\":\"" + address + "\",\"key\":\"" + key + "\"}}");
    ContractResult result = chain.query(contract, wire);
    assertThat(result.outcome()).as(result.error()).isEqualTo(Outcome.OK);
    return new String(
        client.txEncryptionKey(nonceOf(wire)).decryptData(result.output()), StandardCharsets.UTF_8);
  }

  ContractResult execute(Contract contract, byte[] sender, String json) throws Exception {
    byte[] wire = encrypt(contract.codeHash(), json);
    chain.nextBlock();
    return chain.execute(
        contract, sender, wire, TestSigner.execute(sender, contract.address(), wire), List.of());
  }
}
