package io.arcanum.node.cli.tx;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.client.SecretNetworkClient;
import io.arcanum.client.StoreCode;
import io.arcanum.client.StoreCodeResult;
import io.arcanum.client.TxMsg;
import io.arcanum.client.TxOptions;
import io.arcanum.node.cli.CliCommand;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.KeyringOptions;
import io.arcanum.node.cli.NodeOptions;
import io.arcanum.node.cli.OutputOptions;
import io.arcanum.node.cli.TxFlags;
import io.arcanum.node.cli.TxResultJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code arcanum tx compute store FILE --from KEY}: uploads a contract (raw {@code .wasm} or
 * gzipped {@code .wasm.gz}) and prints its code id and code hash.
 */
@Command(
    name = "store",
    aliases = "upload",
    mixinStandardHelpOptions = true,
    description = "Uploads contract code (.wasm or .wasm.gz); prints its code id and code hash.")
final class StoreCommand extends CliCommand {
  private static final byte[] WASM_MAGIC = {0x00, 0x61, 0x73, 0x6d};
  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b, 0x08};

  @Parameters(index = "0", paramLabel = "FILE", description = "the contract: .wasm or gzipped")
  Path file;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "KEY",
      description = "the signing key's name or address")
  String from;

  @Option(
      names = "--source",
      paramLabel = "URL",
      defaultValue = "",
      description = "where the source code is (optional)")
  String source;

  @Option(
      names = "--builder",
      paramLabel = "IMAGE",
      defaultValue = "",
      description = "the image that built it (optional)")
  String builder;

  @Mixin KeyringOptions keyring;
  @Mixin NodeOptions node;
  @Mixin TxFlags flags;
  @Mixin OutputOptions output;

  StoreCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    byte[] wasm = read(file);
    flags.autoGasByDefault();
    StoreCode store = StoreCode.of(wasm).withSource(source).withBuilder(builder);
    return TxRun.run(
        context,
        node,
        flags,
        output,
        keyring.open(context),
        from,
        new TxRun.Tx() {
          @Override
          public ArrayNode summary() {
            ObjectNode message = JsonNodeFactory.instance.objectNode();
            message.put("@type", "/secret.compute.v1beta1.MsgStoreCode");
            message.put("wasm", file + " (" + wasm.length + " bytes)");
            return TxRun.summaryOf(message);
          }

          @Override
          public TxMsg message() {
            return store;
          }

          @Override
          public ObjectNode sendAndWait(SecretNetworkClient client, TxOptions options) {
            StoreCodeResult result = client.storeCode(store, options);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("code_id", Long.toUnsignedString(result.codeId()));
            out.put("code_hash", result.codeHash().hex());
            out.setAll(TxResultJson.of(result.response()));
            return out;
          }
        });
  }

  private byte[] read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw usage(
          "cannot read " + path + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
    if (!startsWith(bytes, WASM_MAGIC) && !startsWith(bytes, GZIP_MAGIC)) {
      throw usage(path + " is neither a wasm module (\\0asm) nor gzipped");
    }
    return bytes;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && java.util.Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }
}
