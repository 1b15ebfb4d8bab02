package io.arcanum.node.cli.tx;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.arcanum.client.AnyMsg;
import io.arcanum.client.TxResponse;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.CliException;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.TxResultJson;
import io.arcanum.node.cli.keyring.KeyInfo;
import io.arcanum.node.cli.keyring.Keyring;
import io.arcanum.node.genesis.GenesisFile;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.NodeHome;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.secret.registration.v1beta1.RaAuthenticate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code arcanum tx register --from KEY} (secretcli's {@code tx register auth FILE}, protocol.md
 * §4.1–§4.2): sends this node's attestation evidence in {@code RaAuthenticate}; every node's
 * enclave verifies it at block time and the chain stores the network's seeds encrypted for the
 * node's registration key, which {@code arcanum enclave fetch-seed} then installs. The signer pays
 * the fee and is the message's sender; it need not be the validator.
 */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = {
      "Registers this node with the network: sends the attestation evidence of arcanum enclave"
          + " init (or --evidence FILE) in a RaAuthenticate tx and prints the encrypted seed the"
          + " chain stored for it. Then: arcanum enclave fetch-seed.",
      "The chain id defaults to the home's genesis's."
    })
final class RegisterCommand extends SigningCommand {
  @Mixin SigningKeyOption key;

  @Option(
      names = "--evidence",
      paramLabel = "FILE",
      description =
          "the combined attestation evidence to send (default: the home's"
              + " enclave/attestation_combined.bin, written by arcanum enclave init)")
  Path evidence;

  RegisterCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    NodeHome home = new NodeHome(keyring.home(context));
    byte[] certificate = readEvidence(home);
    networkChainId(home);
    flags.autoGasByDefault(); // the evidence is stored on chain: its gas grows with its size
    Keyring ring = keyring.open(context);
    KeyInfo signer = ring.get(key.from);
    RaAuthenticate message =
        RaAuthenticate.newBuilder()
            .setSender(ByteString.copyFrom(signer.address().bytes()))
            .setCertificate(ByteString.copyFrom(certificate))
            .build();
    return broadcast(
        ring,
        key.from,
        new Tx(
            summaryOf("/" + RaAuthenticate.getDescriptor().getFullName())
                .put("certificate", certificate.length + " bytes of attestation evidence"),
            new AnyMsg(ProtoTypes.pack(message)),
            (client, options) ->
                resultJson(
                    client
                        .broadcast(java.util.List.of(new AnyMsg(ProtoTypes.pack(message))), options)
                        .requireSuccess())));
  }

  /** {@code node_id} and {@code encrypted_seed} from the registration's event, then the tx. */
  private static ObjectNode resultJson(TxResponse response) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    response.attribute(0, "message", "node_id").ifPresent(id -> out.put("node_id", id));
    response
        .attribute(0, "message", "encrypted_seed")
        .ifPresent(
            seed -> out.put("encrypted_seed", seed.startsWith("0x") ? seed.substring(2) : seed));
    out.setAll(TxResultJson.of(response));
    return out;
  }

  private byte[] readEvidence(NodeHome home) {
    Path file = evidence != null ? evidence : home.attestationEvidenceFile();
    if (evidence == null && !Files.exists(file)) {
      throw usage(
          file
              + " does not exist: run `arcanum enclave init --home "
              + home
              + "` first, or give --evidence FILE");
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length == 0) {
        throw usage(file + " is empty: it holds no attestation evidence");
      }
      return bytes;
    } catch (IOException e) {
      throw usage(
          "cannot read " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  /**
   * The home's genesis names the network: its chain id is the default, and another one given is a
   * mistake (the registration would be for another chain).
   */
  private void networkChainId(NodeHome home) throws CliException {
    if (!home.isInitialized()) {
      return; // a CLI home without a node: --evidence from elsewhere, the chain id as given
    }
    String network;
    try {
      network = GenesisFile.read(home.genesisFile()).chainId();
    } catch (ConfigException e) {
      throw new CliException(ExitCode.FAILED, e.getMessage(), e);
    }
    if (node.chainIdChosen() && !node.chainId().equals(network)) {
      throw usage(
          "--chain-id "
              + node.chainId()
              + " is not the chain of "
              + home.genesisFile()
              + " ("
              + network
              + ")");
    }
    node.defaultChainId(network);
  }
}
