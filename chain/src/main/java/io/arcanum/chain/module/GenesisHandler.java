package io.arcanum.chain.module;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.chain.errors.ChainException;

/**
 * Writes a module's initial state from its section of the genesis file's {@code app_state} (the
 * SDK's {@code InitGenesis}). Sections are applied in the order the application lists its modules
 * (auth, bank, compute, registration), so later modules may rely on earlier ones.
 */
public interface GenesisHandler {

  /** The module's key under {@code app_state}, e.g. {@code bank}. */
  String module();

  /**
   * @param context genesis context: block height 0, no tx, free gas
   * @param section the module's section, or a missing node if the file has none
   * @throws ChainException naming the field that is invalid; the node refuses to start
   */
  void initGenesis(MsgContext context, JsonNode section) throws ChainException;
}
