package io.arcanum.chain.registration;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.module.GenesisHandler;
import io.arcanum.chain.module.MsgContext;

/**
 * Secret's registration {@code InitGenesis}: the master keys the queries serve and any initial
 * registrations. The attestation trust settings are read by the node for its enclave ({@link
 * RegistrationGenesis#enclaveConfig}); they are checked here but not stored in state.
 */
public final class RegistrationGenesisHandler implements GenesisHandler {

  @Override
  public String module() {
    return RegistrationGenesis.MODULE;
  }

  @Override
  public void initGenesis(MsgContext context, JsonNode section) throws ChainException {
    RegistrationGenesis genesis = RegistrationGenesis.parse(section);
    RegistrationStore.setMasterKeys(context.store(), genesis.masterKeys());
    for (NodeRegistration node : genesis.registrations()) {
      RegistrationStore.putNode(context.store(), node);
    }
  }
}
