package io.arcanum.node.cli.tx;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.client.SecretNetworkClient;
import io.arcanum.client.TxFailedException;
import io.arcanum.client.TxMsg;
import io.arcanum.client.TxOptions;
import io.arcanum.client.TxProgress;
import io.arcanum.client.TxResponse;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.CliException;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.Failures;
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

/**
 * The steps every {@code tx} command shares: find the key, show the tx and ask (on a terminal,
 * without {@code --yes}), unlock the key, sign and broadcast through the SDK with the progress line
 * on standard error, then print the decrypted result. A tx that fails in its block still prints its
 * result (with the decrypted contract error) and exits with {@link ExitCode#FAILED}.
 */
final class TxRun {
  /** One command's tx. */
  interface Tx {
    /** The messages in plain words, for the confirmation prompt. */
    ArrayNode summary();

    /** The message, for broadcasting without waiting. */
    TxMsg message();

    /** Sends and waits through the SDK's typed call; the result JSON. */
    ObjectNode sendAndWait(SecretNetworkClient client, TxOptions options);

    /**
     * Whether {@code --gas auto} can simulate it: not contract calls, whose signature the enclave
     * checks (a simulation has none), as on Secret (secretjs-api.md §3, optional routes).
     */
    default boolean simulates() {
      return true;
    }
  }

  private TxRun() {}

  static ExitCode run(
      CliContext context,
      NodeOptions node,
      TxFlags flags,
      OutputOptions output,
      Keyring keyring,
      String from,
      Tx tx)
      throws Exception {
    Terminal terminal = context.terminal();
    KeyInfo key = keyring.get(from);
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
      summary.set("messages", tx.summary());
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
    try (Signer signer = Signer.open(keyring, key.name())) {
      SecretNetworkClient client = signer.client(node);
      ProgressLine progress = new ProgressLine(terminal);
      boolean waits = flags.mode() == TxFlags.Mode.BLOCK;
      TxOptions options = flags.toTxOptions(p -> report(progress, p, waits));
      try {
        if (flags.mode() == TxFlags.Mode.BLOCK) {
          ObjectNode result = tx.sendAndWait(client, options);
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

  /** A one-element summary list. */
  static ArrayNode summaryOf(ObjectNode message) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    list.add(message);
    return list;
  }
}
