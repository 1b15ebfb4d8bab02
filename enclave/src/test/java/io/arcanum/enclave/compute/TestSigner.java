package io.arcanum.enclave.compute;

import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.enclave.api.Coin;
import io.arcanum.enclave.api.SigInfo;
import io.arcanum.enclave.auth.Txs;
import java.util.Arrays;
import java.util.List;

/** Real SIGN_MODE_DIRECT txs from LocalSecret's accounts a and b, for the compute tests. */
final class TestSigner {
  static final byte[] ALICE = Txs.address(Txs.A);
  static final byte[] BOB = Txs.address(Txs.B);

  private TestSigner() {}

  private static Secp256k1PrivateKey key(byte[] address) {
    if (Arrays.equals(address, ALICE)) {
      return Txs.A;
    }
    if (Arrays.equals(address, BOB)) {
      return Txs.B;
    }
    throw new IllegalArgumentException("no test key for this address");
  }

  static SigInfo instantiate(byte[] sender, byte[] initMsg, List<Coin> funds, String admin) {
    return Txs.direct(
        key(sender), Txs.body(Txs.instantiateAny(sender, 1, "label", initMsg, funds, admin)));
  }

  static SigInfo instantiate(byte[] sender, byte[] initMsg) {
    return instantiate(sender, initMsg, List.of(), "");
  }

  static SigInfo execute(byte[] sender, byte[] contract, byte[] msg, List<Coin> funds) {
    return Txs.direct(key(sender), Txs.body(Txs.executeAny(sender, contract, msg, funds)));
  }

  static SigInfo execute(byte[] sender, byte[] contract, byte[] msg) {
    return execute(sender, contract, msg, List.of());
  }

  static SigInfo updateAdmin(byte[] sender, byte[] contract, String newAdmin) {
    return Txs.direct(key(sender), Txs.body(Txs.updateAdminAny(sender, contract, newAdmin)));
  }

  static SigInfo clearAdmin(byte[] sender, byte[] contract) {
    return Txs.direct(key(sender), Txs.body(Txs.clearAdminAny(sender, contract)));
  }

  static SigInfo migrate(byte[] sender, byte[] contract, byte[] msg) {
    return Txs.direct(key(sender), Txs.body(Txs.migrateAny(sender, contract, 2, msg)));
  }
}
