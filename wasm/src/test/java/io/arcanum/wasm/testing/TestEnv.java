package io.arcanum.wasm.testing;

import io.arcanum.wasm.env.BlockInfo;
import io.arcanum.wasm.env.Coin;
import io.arcanum.wasm.env.ContractEnv;
import java.util.List;

/** Env values shared by tests: LocalSecret account a as sender. */
public final class TestEnv {
  public static final String ACCOUNT_A = "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03";
  public static final String CONTRACT = "secret1hqrdl6wstt8qzshwc6mrumpjk9338k0lpsefm3";

  private TestEnv() {}

  public static ContractEnv env(String codeHash) {
    return env(codeHash, ACCOUNT_A);
  }

  public static ContractEnv env(String codeHash, String sender) {
    return new ContractEnv(
        new BlockInfo(12_345, 1_700_000_000_123_456_789L, "secretdev-1", new byte[32]),
        CONTRACT,
        codeHash,
        new ContractEnv.Transaction(0, "AB".repeat(32)),
        sender,
        List.of(Coin.of("uscrt", 1000)));
  }

  public static byte[] resource(String path) {
    try (var in = TestEnv.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
