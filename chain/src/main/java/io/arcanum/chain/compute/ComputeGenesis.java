package io.arcanum.chain.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.module.GenesisHandler;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.proto.secret.compute.v1beta1.CodeInfo;
import io.arcanum.proto.secret.compute.v1beta1.Params;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;

/**
 * The {@code compute} section of genesis {@code app_state}. Every part is optional; a missing
 * section means Secret's default params and no code:
 *
 * <pre>{@code
 * "compute": {
 *   "params": {"compile_cost": "0.800000000000000000", "max_contract_size": "2097152"},
 *   "codes": [
 *     {"code_id": "1", "creator": "secret1…", "wasm": "<base64, raw or gzip>",
 *      "source": "", "builder": ""}
 *   ]
 * }
 * }</pre>
 *
 * Codes are stored with ids from 1 in the order listed ({@code code_id}, if given, must be that id)
 * and are validated like MsgStoreCode. Contracts cannot be imported: their keys and state are the
 * enclave's, so a {@code contracts} list is refused.
 */
final class ComputeGenesis implements GenesisHandler {
  private static final Set<String> FIELDS = Set.of("params", "codes", "contracts");

  @Override
  public String module() {
    return "compute";
  }

  @Override
  public void initGenesis(MsgContext context, JsonNode section) throws ChainException {
    if (section == null || section.isMissingNode() || section.isNull()) {
      return;
    }
    if (!section.isObject()) {
      throw ComputeErrors.INVALID_GENESIS.wrap("the compute section is not an object");
    }
    for (Iterator<String> names = section.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw ComputeErrors.INVALID_GENESIS.wrap("unknown field compute." + name);
      }
    }
    ComputeState state = new ComputeState(context.unmeteredStore());
    ComputeParams params = params(section.get("params"));
    state.setParams(params);
    JsonNode contracts = section.get("contracts");
    if (contracts != null && !(contracts.isArray() && contracts.isEmpty())) {
      throw ComputeErrors.INVALID_GENESIS.wrap(
          "compute.contracts cannot be imported: contract keys and state belong to the enclave");
    }
    JsonNode codes = section.get("codes");
    if (codes == null || codes.isNull()) {
      return;
    }
    if (!codes.isArray()) {
      throw ComputeErrors.INVALID_GENESIS.wrap("compute.codes is not a list");
    }
    int index = 0;
    for (JsonNode code : codes) {
      String where = "compute.codes[" + index++ + "]";
      try {
        importCode(state, params, code);
      } catch (ChainException e) {
        throw ComputeErrors.INVALID_GENESIS.wrap(where + ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw ComputeErrors.INVALID_GENESIS.wrap(where + ": " + e.getMessage());
      }
    }
  }

  private static ComputeParams params(JsonNode node) throws ChainException {
    if (node == null || node.isNull()) {
      return ComputeParams.DEFAULT;
    }
    try {
      return ComputeParams.fromProto(
          Params.newBuilder()
              .setCompileCost(
                  node.path("compile_cost")
                      .asText(ComputeParams.DEFAULT.toProto().getCompileCost()))
              .setMaxContractSize(
                  Long.parseLong(
                      node.path("max_contract_size")
                          .asText(Long.toString(ComputeParams.DEFAULT.maxContractSize()))))
              .build());
    } catch (IllegalArgumentException e) {
      throw ComputeErrors.INVALID_GENESIS.wrap("compute.params: " + e.getMessage());
    }
  }

  private static void importCode(ComputeState state, ComputeParams params, JsonNode code)
      throws ChainException {
    byte[] creator = Addresses.parse(code.path("creator").asText(), "creator");
    byte[] upload = Base64.getDecoder().decode(code.path("wasm").asText());
    String source = code.path("source").asText("");
    String builder = code.path("builder").asText("");
    MsgChecks.source(source);
    MsgChecks.builder(builder);
    WasmUpload wasm = WasmUpload.validate(WasmUpload.inflate(upload, params.maxContractSize()));
    long codeId = state.nextCodeId();
    if (code.has("code_id") && Long.parseLong(code.get("code_id").asText()) != codeId) {
      throw ComputeErrors.INVALID_GENESIS.wrap(
          "code_id " + code.get("code_id").asText() + " is not the next id " + codeId);
    }
    state.setCodeInfo(
        codeId,
        CodeInfo.newBuilder()
            .setCodeHash(ByteString.copyFrom(wasm.codeHash().bytes()))
            .setCreator(ByteString.copyFrom(creator))
            .setSource(source)
            .setBuilder(builder)
            .build());
    state.putCodeBytes(wasm.codeHash().bytes(), wasm.wasm());
  }
}
