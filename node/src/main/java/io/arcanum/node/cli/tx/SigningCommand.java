package io.arcanum.node.cli.tx;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.client.ExecuteContract;
import io.arcanum.client.InstantiateContract;
import io.arcanum.client.SecretNetworkClient;
import io.arcanum.client.TxFailedException;
import io.arcanum.client.TxMsg;
import io.arcanum.client.TxOptions;
import io.arcanum.client.TxProgress;
import io.arcanum.client.TxResponse;
import io.arcanum.node.cli.CliCommand;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.CliException;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.Failures;
import io.arcanum.node.cli.KeyringOptions;
import io.arcanum.node.cli.NodeOptions;
import io.arcanum.node.cli.OutputOptions;
import io.arcanum.node.cli.ProgressLine;
import io.arcanum.node.cli.Signer;
import io.arcanum.node.cli.Terminal;
import io.arcanum.node.cli.TxFlags;
import io.arcanum.node.cli.TxResultJson;
import io.arcanum.node.cli.YamlText;
import io.arcanum.node.cli.keyring.KeyInfo;
import io.arcanum.node.cli.keyring.Keyring;
import java.util.List;
import picocli.CommandLine.Mixin;

/**
 * Base of the {@code tx} commands, with the options they all take (keyring, node, tx flags, output)
 * and the steps they share: find the key, show the tx and ask (on a terminal, without {@code
 * --yes}), unlock the key, sign and broadcast through the SDK with the progress line on standard
 * error, then print the decrypted result. A tx that fails in its block still prints its result
 * (with the decrypted contract error) and exits with {@link ExitCode#FAILED}.
 */
abstract class SigningCommand extends CliCommand {
  /**
   * One command's tx.
   *
   * @param summary the message in plain words, for the confirmation prompt
   * @param message the message, for broadcasting without waiting
   * @param sendAndWait the SDK's typed call that sends it and waits
   */
  record Tx(ObjectNode summary, TxMsg message, SendAndWait sendAndWait) {
    /**
     * Whether {@code --gas auto} can simulate it: not contract calls, whose signature the enclave
     * checks (a simulation has none), as on Secret (secretjs-api.md §3, optional routes).
     */
    boolean simulates() {
      return !(message instanceof InstantiateContract || message instanceof ExecuteContract);
    }
  }

  /** Sends a tx through the SDK's typed call and waits for it; the result JSON. */
  @FunctionalInterface
  interface SendAndWait {
    ObjectNode resultJson(SecretNetworkClient client, TxOptions options);
  }

  @Mixin protected KeyringOptions keyring;
  @Mixin protected NodeOptions node;
  @Mixin protected TxFlags flags;
  @Mixin protected OutputOptions output;

  protected SigningCommand(CliContext context) {
    super(context);
  }

  /** A message's summary for the confirmation prompt, starting with its type URL. */
  static ObjectNode summaryOf(String typeUrl) {
    return JsonNodeFactory.instance.objectNode().put("@type", typeUrl);
  }

  /** Signs {@code tx} with the key {@code from} names in {@code ring} and broadcasts it. */
  protected ExitCode broadcast(Keyring ring, String from, Tx tx) throws Exception {
    Terminal terminal = terminal();
    KeyInfo key = ring.get(from);
    String url = node.url();
    flags.toTxOptions(p -> {}); // flag mistakes are reported before anything is asked
    if (flags.gasLimit().isEmpty() && !tx.simulates()) {
      throw CliException.usage(
          "--gas auto cannot estimate a contract call: the enclave checks the signature of"
              + " instantiate and execute, which a simulation does not have (as on Secret); give"
              + " --gas N");
    }
    if (flags.confirm() && terminal.interactive()) {
      ObjectNode summary = JsonNodeFactory.instance.objectNode();
      summary.put("node", url);
      summary.put("chain_id", node.chainId());
      summary.put("from", key.name() + " (" + key.bech32Address() + ")");
      summary.set("messages", JsonNodeFactory.instance.arrayNode().add(tx.summary()));
      summary.put(
          "gas",
          flags.gasLimit().isPresent() ? Long.toString(flags.gasLimit().getAsLong()) : "auto");
      terminal.err().print(YamlText.render(summary));
      if (!terminal.confirm("confirm transaction before signing and broadcasting")) {
        terminal.err().println("Cancelled: nothing was signed or broadcast.");
        terminal.err().flush();
        return ExitCode.ABORTED;
      }
    }
    try (Signer signer = Signer.open(ring, key.name())) {
      SecretNetworkClient client = signer.client(node);
      ProgressLine progress = new ProgressLine(terminal);
      boolean waits = flags.mode() == TxFlags.Mode.BLOCK;
      TxOptions options = flags.toTxOptions(p -> report(progress, p, waits));
      try {
        if (flags.mode() == TxFlags.Mode.BLOCK) {
          ObjectNode result = tx.sendAndWait().resultJson(client, options);
          progress.finish();
          output.print(terminal, result);
          return ExitCode.OK;
        }
        TxResponse accepted = client.broadcast(List.of(tx.message()), options);
        progress.finish();
        output.print(terminal, TxResultJson.of(accepted));
        return ExitCode.OK;
      } catch (TxFailedException e) {
        progress.finish();
        output.print(terminal, TxResultJson.of(e.response()));
        throw new CliException(ExitCode.FAILED, Failures.txFailed(e.response()), e);
      } finally {
        progress.finish();
      }
    }
  }

  private static void report(ProgressLine progress, TxProgress step, boolean waits) {
    if (!waits) {
      return;
    }
    switch (step.stage()) {
      case BROADCAST, WAITING -> progress.waiting(step.txhash(), step.elapsed());
      case COMMITTED -> progress.finish();
    }
  }
}
