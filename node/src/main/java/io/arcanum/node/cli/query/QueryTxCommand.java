package io.arcanum.node.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.client.SecretNetworkClient;
import io.arcanum.client.TxResponse;
import io.arcanum.client.lcd.IndexedTx;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import io.arcanum.node.cli.CliCommand;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.CliException;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.KeyringOptions;
import io.arcanum.node.cli.NodeOptions;
import io.arcanum.node.cli.OutputOptions;
import io.arcanum.node.cli.Signer;
import io.arcanum.node.cli.TxResultJson;
import io.arcanum.node.cli.keyring.KeyInfo;
import io.arcanum.node.cli.keyring.Keyring;
import io.arcanum.node.cli.keyring.KeyringException;
import java.util.Base64;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code arcanum query tx HASH} (also {@code query compute tx HASH}, secretcli's decrypting form):
 * a committed tx with its events and messages. When the tx's signer is a key in the keyring, its
 * contract inputs, outputs, {@code wasm} attributes and error are decrypted with that key's
 * encryption seed (docs/cli.md "Decryption"); otherwise they are shown as the node has them. The
 * exit code is 0 whenever the tx was found, whatever its own {@code code}.
 */
@Command(
    name = "tx",
    mixinStandardHelpOptions = true,
    description = "Shows a committed tx; decrypted when its signer is in the keyring.")
final class QueryTxCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "HASH", description = "the tx hash (hex)")
  String hash;

  @Mixin KeyringOptions keyring;
  @Mixin NodeOptions node;
  @Mixin OutputOptions output;

  QueryTxCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    String txhash = hash.strip().toUpperCase(java.util.Locale.ROOT);
    if (!txhash.matches("[0-9A-F]{64}")) {
      throw CliException.usage("HASH must be 64 hex digits, got '" + hash + "'");
    }
    SecretNetworkClient plain = node.queryClient();
    IndexedTx raw = plain.lcd().getTx(txhash).orElseThrow(() -> notFound(txhash));
    Keyring ring = keyring.open(context);
    Optional<KeyInfo> signer = signerAddress(raw.tx()).flatMap(a -> find(ring, a));
    TxResponse response;
    if (signer.isPresent()) {
      response =
          decrypted(ring, signer.get(), txhash).orElseGet(() -> plain.getTx(txhash).orElseThrow());
    } else {
      response = plain.getTx(txhash).orElseThrow(() -> new IllegalStateException("tx vanished"));
    }
    output.print(terminal(), TxResultJson.withMessages(response));
    return ExitCode.OK;
  }

  private Optional<TxResponse> decrypted(Keyring ring, KeyInfo key, String txhash) {
    try (Signer opened = Signer.open(ring, key.name())) {
      return opened.client(node).getTx(txhash);
    } catch (KeyringException e) {
      terminal()
          .err()
          .println("Note: not decrypted with key '" + key.name() + "': " + e.getMessage());
      terminal().err().flush();
      return Optional.empty();
    }
  }

  private static Optional<KeyInfo> find(Keyring ring, String address) {
    try {
      return ring.find(address);
    } catch (KeyringException damaged) {
      return Optional.empty();
    }
  }

  /** The first signer's address, from its public key in {@code auth_info}. */
  static Optional<String> signerAddress(JsonNode tx) {
    JsonNode key = tx.path("auth_info").path("signer_infos").path(0).path("public_key").path("key");
    if (!key.isTextual()) {
      return Optional.empty();
    }
    try {
      Secp256k1PublicKey publicKey =
          Secp256k1PublicKey.fromBytes(Base64.getDecoder().decode(key.asText()));
      return Optional.of(
          CosmosAddress.fromPublicKey(publicKey).toBech32(CosmosAddress.SECRET_PREFIX));
    } catch (RuntimeException notASecp256k1Key) {
      return Optional.empty();
    }
  }

  private static CliException notFound(String txhash) {
    return new CliException(
        ExitCode.FAILED,
        "tx " + txhash + " not found: not included (yet), or unknown to this node");
  }
}
