package io.arcanum.node.cli.enclave;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.node.cli.CliCommand;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.NodeHomeOption;
import io.arcanum.node.cli.OutputOptions;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.join.EnclaveInit;
import java.util.HexFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code arcanum enclave init --home H} (secretd's {@code init-enclave}, protocol.md §4.1): a new
 * registration key in the enclave and attestation evidence binding it to this node's validator key,
 * written to {@code enclave/attestation_combined.bin} for {@code arcanum tx register}.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Creates the enclave's registration key and attestation evidence (report data: registration"
          + " key and the validator key) in enclave/attestation_combined.bin, for arcanum tx"
          + " register. Refused once the enclave holds the network's seeds.",
      "Running it again replaces the registration key: evidence made earlier, and any"
          + " registration of it, no longer serve this enclave."
    })
final class EnclaveInitCommand extends CliCommand {
  @Mixin NodeHomeOption home;
  @Mixin OutputOptions output;

  EnclaveInitCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    NodeHome target = home.home(context);
    EnclaveInit.EvidenceFile made;
    try {
      made = EnclaveInit.run(target);
    } catch (Exception e) {
      throw JoinFailures.of(e);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("registration_key", made.registrationKeyBase64());
    out.put("node_id", "0x" + HexFormat.of().formatHex(made.evidence().registrationKey()));
    out.put("machine_id", made.machineId());
    out.put("evidence_file", made.file().toString());
    out.put("replaced_key", made.replacedKey());
    output.print(terminal(), out);
    if (made.replacedKey()) {
      terminal()
          .err()
          .println(
              "Note: the earlier registration key was replaced; register again with the new"
                  + " evidence.");
    }
    terminal()
        .err()
        .printf(
            "Next: arcanum tx register --home %s --from <funded key> --node <REST URL of a network"
                + " node>%n",
            target);
    terminal().err().flush();
    return ExitCode.OK;
  }
}
