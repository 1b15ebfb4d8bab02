package io.arcanum.wasm.runtime;

import com.dylibso.chicory.runtime.WasmFunctionHandle;
import io.arcanum.wasm.host.AddressApi;
import io.arcanum.wasm.host.AddressApi.AddressException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Address functions of both generations (cosmwasm-abi.md §2.1–§2.3). A refused address is returned
 * as a host-allocated UTF-8 error Region (the function's result), not a trap; the bounded outputs
 * go into the contract's preallocated destination Region.
 */
final class AddressImports {
  private AddressImports() {}

  @FunctionalInterface
  private interface AddressOp {
    void run() throws AddressException;
  }

  static void register(CallContext c, Map<String, WasmFunctionHandle> handlers) {
    AddressApi api = c.host.addresses();
    WasmFunctionHandle canonicalize =
        (instance, args) ->
            attempt(
                c,
                () -> {
                  String human = utf8(c.read(args[0], "canonicalize input"));
                  byte[] canonical = api.canonicalize(human);
                  Regions.write(instance, args[1], canonical, "canonicalize destination");
                });
    WasmFunctionHandle humanize =
        (instance, args) ->
            attempt(
                c,
                () -> {
                  String human = api.humanize(c.read(args[0], "humanize input"));
                  byte[] bytes = human.getBytes(StandardCharsets.UTF_8);
                  Regions.write(instance, args[1], bytes, "humanize destination");
                });
    handlers.put("canonicalize_address", canonicalize);
    handlers.put("addr_canonicalize", canonicalize);
    handlers.put("humanize_address", humanize);
    handlers.put("addr_humanize", humanize);
    handlers.put(
        "addr_validate",
        (instance, args) ->
            attempt(c, () -> api.validate(utf8(c.read(args[0], "addr_validate input")))));
  }

  private static long[] attempt(CallContext c, AddressOp op) {
    c.gas().charge(HostCosts.ADDRESS);
    try {
      op.run();
      return HostImports.i32(0);
    } catch (AddressException e) {
      byte[] message = e.getMessage().getBytes(StandardCharsets.UTF_8);
      return HostImports.i32(c.allocate(message, "address error"));
    }
  }

  /** Strict UTF-8: malformed input is an address error, not a silently replaced string. */
  private static String utf8(byte[] bytes) throws AddressException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AddressException("Input is not valid UTF-8");
    }
  }
}
