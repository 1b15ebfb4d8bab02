package io.arcanum.node.cli.tx;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.client.StoreCode;
import io.arcanum.client.StoreCodeResult;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.ExitCode;
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
final class StoreCommand extends SigningCommand {
  private static final byte[] WASM_MAGIC = {0x00, 0x61, 0x73, 0x6d};
  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b, 0x08};

  @Parameters(index = "0", paramLabel = "FILE", description = "the contract: .wasm or gzipped")
  Path file;

  @Mixin SigningKeyOption key;

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

  StoreCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    byte[] wasm = read(file);
    flags.autoGasByDefault();
    StoreCode store = StoreCode.of(wasm).withSource(source).withBuilder(builder);
    return broadcast(
        keyring.open(context),
        key.from,
        new Tx(
            summaryOf("/secret.compute.v1beta1.MsgStoreCode")
                .put("wasm", file + " (" + wasm.length + " bytes)"),
            store,
            (client, options) -> {
              StoreCodeResult result = client.storeCode(store, options);
              ObjectNode out = JsonNodeFactory.instance.objectNode();
              out.put("code_id", Long.toUnsignedString(result.codeId()));
              out.put("code_hash", result.codeHash().hex());
              out.setAll(TxResultJson.of(result.response()));
              return out;
            }));
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
