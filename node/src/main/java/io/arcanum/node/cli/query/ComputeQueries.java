package io.arcanum.node.cli.query;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.bech32.InvalidBech32Exception;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.node.cli.Addresses;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.NodeOptions;
import io.arcanum.node.cli.OutputOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code arcanum query compute …}: Secret's compute queries with secretcli's command names (and its
 * aliases), plus {@code code-hash} taking either a code id or a contract address.
 */
@Command(
    name = "compute",
    aliases = "wasm",
    mixinStandardHelpOptions = true,
    description = "Secret contract queries.",
    subcommands = {
      SmartQueryCommand.class,
      ComputeQueries.ContractState.class,
      QueryTxCommand.class
    })
final class ComputeQueries implements Runnable {
  private final CliContext context;

  @Spec CommandSpec spec;

  ComputeQueries(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "name a compute query: query, contract-hash, contract-hash-by-id, code-hash, list-code,"
            + " list-contract-by-code, contract, label or tx");
  }

  /** wasmd's {@code contract-state smart}, kept for scripts written for it. */
  @Command(
      name = "contract-state",
      mixinStandardHelpOptions = true,
      description = "wasmd's name for contract queries: contract-state smart CONTRACT JSON.",
      subcommands = {SmartQueryCommand.class})
  static final class ContractState implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "name a state query: smart");
    }
  }

  @Command(
      name = "contract-hash",
      mixinStandardHelpOptions = true,
      description = "The code hash of a contract.")
  int contractHash(
      @Parameters(paramLabel = "CONTRACT", description = "the contract's address") String contract,
      @Mixin NodeOptions node,
      @Mixin OutputOptions output) {
    return Routes.answer(
        context,
        output,
        () -> {
          Addresses.require(contract, "CONTRACT");
          return codeHashJson(node.queryClient().codeHashByContractAddress(contract));
        });
  }

  @Command(
      name = "contract-hash-by-id",
      mixinStandardHelpOptions = true,
      description = "The code hash of stored code.")
  int codeHashById(
      @Parameters(paramLabel = "CODE_ID", description = "the code id") String codeId,
      @Mixin NodeOptions node,
      @Mixin OutputOptions output) {
    return Routes.answer(
        context,
        output,
        () -> codeHashJson(node.queryClient().codeHashByCodeId(Routes.codeId(codeId))));
  }

  @Command(
      name = "code-hash",
      mixinStandardHelpOptions = true,
      description = "The code hash of stored code (by code id) or of a contract (by address).")
  int codeHash(
      @Parameters(paramLabel = "CODE_ID|CONTRACT", description = "a code id or a contract address")
          String what,
      @Mixin NodeOptions node,
      @Mixin OutputOptions output) {
    return isAddress(what) ? contractHash(what, node, output) : codeHashById(what, node, output);
  }

  @Command(
      name = "list-code",
      aliases = {"list-codes", "codes"},
      mixinStandardHelpOptions = true,
      description = "Every stored code: id, creator, code hash.")
  int listCode(@Mixin NodeOptions node, @Mixin OutputOptions output) {
    return Routes.print(context, node, output, () -> "/compute/v1beta1/codes");
  }

  @Command(
      name = "list-contract-by-code",
      aliases = {"list-contracts-by-code", "contracts"},
      mixinStandardHelpOptions = true,
      description = "The contracts of a stored code.")
  int listContractByCode(
      @Parameters(paramLabel = "CODE_ID", description = "the code id") String codeId,
      @Mixin NodeOptions node,
      @Mixin OutputOptions output) {
    return Routes.print(
        context,
        node,
        output,
        () -> "/compute/v1beta1/contracts/" + Long.toUnsignedString(Routes.codeId(codeId)));
  }

  @Command(
      name = "contract",
      aliases = "meta",
      mixinStandardHelpOptions = true,
      description = "A contract's code id, creator, label and admin.")
  int contract(
      @Parameters(paramLabel = "CONTRACT", description = "the contract's address") String contract,
      @Mixin NodeOptions node,
      @Mixin OutputOptions output) {
    return Routes.print(
        context,
        node,
        output,
        () -> "/compute/v1beta1/info/" + Addresses.require(contract, "CONTRACT"));
  }

  @Command(
      name = "label",
      mixinStandardHelpOptions = true,
      description = "The address of the contract with this label.")
  int label(
      @Parameters(paramLabel = "LABEL", description = "the contract's label") String label,
      @Mixin NodeOptions node,
      @Mixin OutputOptions output) {
    return Routes.print(
        context, node, output, () -> "/compute/v1beta1/contract_address/" + Routes.segment(label));
  }

  private static ObjectNode codeHashJson(CodeHash hash) {
    return JsonNodeFactory.instance.objectNode().put("code_hash", hash.hex());
  }

  private static boolean isAddress(String text) {
    try {
      CosmosAddress.parseSecret(text);
      return true;
    } catch (InvalidBech32Exception e) {
      return false;
    }
  }
}
