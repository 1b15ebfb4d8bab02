package io.arcanum.chain.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.chain.bank.Bank;
import io.arcanum.chain.bank.Coin;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.enclave.api.ChainQueryHost;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.EnclaveException;
import java.io.IOException;
import java.util.Base64;

/**
 * Answers contracts' {@code query_chain} (cosmwasm-abi.md §4.5) from the current call's state, in
 * Secret's casing: {@code {"Ok":{"Ok":"<b64>"}}}, {@code {"Ok":{"Err":"…"}}} or {@code
 * {"Err":{SystemError}}}. Supported: {@code bank.balance}, {@code bank.all_balances}, {@code
 * wasm.smart} (a nested enclave query; the enclave sealed its message and opens the answer) and
 * {@code wasm.contract_info}. Everything else is an {@code unsupported_request}.
 */
final class ChainQueryAnswers implements ChainQueryHost {
  private final ComputeHost host;
  private final SmartQueries queries;
  private final Bank bank;

  ChainQueryAnswers(ComputeHost host, SmartQueries queries, Bank bank) {
    this.host = host;
    this.queries = queries;
    this.bank = bank;
  }

  @Override
  public Answer query(byte[] request, int depth, long gasLimit) {
    JsonNode root;
    try {
      root = ContractResponse.JSON.readTree(request);
    } catch (IOException e) {
      return error("invalid_request", "error", "the request is not JSON", request);
    }
    if (root == null || !root.isObject() || root.size() != 1) {
      return error("invalid_request", "error", "a query request has exactly one variant", request);
    }
    String module = root.fieldNames().next();
    JsonNode body = root.get(module);
    String variant = body.isObject() && body.size() == 1 ? body.fieldNames().next() : "";
    JsonNode args = body.path(variant);
    CallScope scope = host.currentScope();
    try {
      return switch (module + "." + variant) {
        case "bank.balance" -> ok(balance(scope, args));
        case "bank.all_balances" -> ok(allBalances(scope, args));
        case "wasm.smart" -> smart(scope, args, depth, gasLimit);
        case "wasm.contract_info" -> contractInfo(scope, args);
        default -> error("unsupported_request", "kind", module + "." + variant, null);
      };
    } catch (ChainException e) {
      return error("invalid_request", "error", e.getMessage(), request);
    }
  }

  private ObjectNode balance(CallScope scope, JsonNode args) throws ChainException {
    byte[] address = Addresses.parse(args.path("address").asText(), "address");
    String denom = args.path("denom").asText();
    Coin coin;
    try {
      coin = bank.balance(scope.metered().store(), address, denom);
    } catch (IllegalArgumentException e) {
      throw ComputeErrors.INVALID.wrap("denom \"" + denom + "\"");
    }
    ObjectNode out = ContractResponse.JSON.createObjectNode();
    out.set("amount", coin(coin));
    return out;
  }

  private ObjectNode allBalances(CallScope scope, JsonNode args) throws ChainException {
    byte[] address = Addresses.parse(args.path("address").asText(), "address");
    ObjectNode out = ContractResponse.JSON.createObjectNode();
    ArrayNode amounts = out.putArray("amount");
    for (Coin coin : bank.balances(scope.metered().store(), address)) {
      amounts.add(coin(coin));
    }
    return out;
  }

  private Answer smart(CallScope scope, JsonNode args, int depth, long gasLimit)
      throws ChainException {
    String human = args.path("contract_addr").asText();
    ContractRef ref = ContractRef.find(scope.metered(), Addresses.parse(human, "contract_addr"));
    if (ref == null) {
      return error("no_such_contract", "addr", human, null);
    }
    byte[] message = ContractResponse.binary(args.get("msg"));
    ContractResult result;
    try {
      result = queries.nested(scope, ref, message == null ? new byte[0] : message, depth, gasLimit);
    } catch (EnclaveException e) {
      return error("invalid_request", "error", e.getMessage(), null);
    }
    ObjectNode root = ContractResponse.JSON.createObjectNode();
    ObjectNode inner = root.putObject("Ok");
    if (result.isOk()) {
      inner.put("Ok", Base64.getEncoder().encodeToString(result.output()));
    } else {
      inner.put("Err", result.error());
    }
    return new Answer(bytes(root), result.gasUsed());
  }

  private Answer contractInfo(CallScope scope, JsonNode args) throws ChainException {
    String human = args.path("contract_addr").asText();
    ContractRef ref = ContractRef.find(scope.metered(), Addresses.parse(human, "contract_addr"));
    if (ref == null) {
      return error("no_such_contract", "addr", human, null);
    }
    ObjectNode out = ContractResponse.JSON.createObjectNode();
    out.put("code_id", ref.info().getCodeId());
    out.put("creator", Addresses.bech32(ref.info().getCreator().toByteArray()));
    if (ref.info().getAdmin().isEmpty()) {
      out.putNull("admin");
    } else {
      out.put("admin", ref.info().getAdmin());
    }
    out.put("pinned", false);
    out.putNull("ibc_port");
    return ok(out);
  }

  private static ObjectNode coin(Coin coin) {
    ObjectNode out = ContractResponse.JSON.createObjectNode();
    out.put("denom", coin.denom());
    out.put("amount", coin.amount().toString());
    return out;
  }

  private static Answer ok(ObjectNode answer) {
    ObjectNode root = ContractResponse.JSON.createObjectNode();
    root.putObject("Ok").put("Ok", Base64.getEncoder().encodeToString(bytes(answer)));
    return new Answer(bytes(root), 0);
  }

  /** A SystemError; {@code request} (if given) is echoed base64 as CosmWasm does. */
  private static Answer error(String kind, String field, String text, byte[] request) {
    ObjectNode root = ContractResponse.JSON.createObjectNode();
    ObjectNode error = root.putObject("Err").putObject(kind);
    error.put(field, text);
    if (request != null) {
      error.put("request", Base64.getEncoder().encodeToString(request));
    }
    return new Answer(bytes(root), 0);
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return ContractResponse.JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
