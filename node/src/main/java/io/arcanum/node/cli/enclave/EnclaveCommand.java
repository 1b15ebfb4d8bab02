package io.arcanum.node.cli.enclave;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code arcanum enclave …}: the joining node's steps on its own enclave (protocol.md §4.1, §4.3),
 * around {@code arcanum tx register}.
 */
@Command(
    name = "enclave",
    mixinStandardHelpOptions = true,
    description =
        "A joining node's enclave: registration key and attestation evidence (init), then the"
            + " network's seed once registered (fetch-seed).",
    subcommands = {EnclaveInitCommand.class, FetchSeedCommand.class})
public final class EnclaveCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name an enclave command: init or fetch-seed");
  }
}
