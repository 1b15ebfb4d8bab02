package io.arcanum.chain.compute;

import com.google.protobuf.ByteString;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.auth.Accounts;
import io.arcanum.chain.bank.Bank;
import io.arcanum.chain.bank.Coin;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.ErrorCode;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.enclave.api.AdminUpdateCall;
import io.arcanum.enclave.api.BlockEnv;
import io.arcanum.enclave.api.ContractCall;
import io.arcanum.enclave.api.ContractKeyInfo;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.ReplyCall;
import io.arcanum.enclave.api.SigInfo;
import io.arcanum.proto.secret.compute.v1beta1.AbsoluteTxPosition;
import io.arcanum.proto.secret.compute.v1beta1.CodeInfo;
import io.arcanum.proto.secret.compute.v1beta1.ContractCodeHistoryEntry;
import io.arcanum.proto.secret.compute.v1beta1.ContractCodeHistoryOperationType;
import io.arcanum.proto.secret.compute.v1beta1.ContractInfo;
import java.util.List;

/**
 * The compute keeper (Secret's {@code x/compute/internal/keeper/keeper.go}): instantiate, execute,
 * migrate, admin changes and replies, for a tx's own messages and for sub-messages alike. Each
 * charges the instance cost first, runs its ECALL through {@link EnclaveCalls}, stores what a
 * successful call changed, emits Secret's events and dispatches the response's sub-messages.
 */
final class Contracts {
  private final EnclaveCalls calls;
  private final Bank bank;
  private final Accounts accounts;
  private final SubMessages subMessages;

  Contracts(EnclaveCalls calls, Bank bank, Accounts accounts) {
    this.calls = calls;
    this.bank = bank;
    this.accounts = accounts;
    this.subMessages = new SubMessages(this, bank);
  }

  /**
   * A call the contract finished: OK (its state stored, sub-messages dispatched) or a contract
   * error (nothing of the call stored; the caller's branch must be discarded).
   *
   * @param data the response data (after replies), null if none or on error
   */
  record Called(ContractResult result, byte[] address, byte[] data) {
    boolean ok() {
      return result == null || result.isOk();
    }

    /** The contract's error as the operation's compute error: {@code "encrypted: <b64>: …"}. */
    ChainException error(ErrorCode failed) {
      return failed.wrap(result.error());
    }
  }

  Called instantiate(
      CallFrame frame,
      byte[] creator,
      long codeId,
      String label,
      byte[] initMsg,
      List<Coin> funds,
      String admin,
      SigInfo sig)
      throws ChainException {
    frame.gas().consume(GasBudget.INSTANCE_COST, "Loading CosmWasm module: init");
    MsgContext context = frame.context();
    BlockEnv block = CallFrame.blockEnv(context.block());
    ComputeState state = frame.state();
    if (state.addressByLabel(label) != null) {
      throw ComputeErrors.ACCOUNT_EXISTS.wrap("label \"" + label + "\"");
    }
    byte[] address = Addresses.contract(codeId, state.nextInstanceId(), creator);
    if (accounts.exists(context.store(), address)) {
      throw ComputeErrors.ACCOUNT_EXISTS.wrap(Addresses.bech32(address));
    }
    Funds.send(bank, context, creator, address, funds);
    accounts.createIfMissing(context.store(), address);
    CodeInfo code = state.codeInfo(codeId);
    if (code == null) {
      throw ComputeErrors.NOT_FOUND.wrap("code " + codeId);
    }
    byte[] codeHash = code.getCodeHash().toByteArray();
    ContractResult result =
        calls.run(
            frame,
            ComputeErrors.INSTANTIATE_FAILED,
            (enclave, limit) ->
                enclave.instantiate(
                    new ContractCall(
                        codeHash,
                        block,
                        frame.transaction(),
                        address,
                        creator,
                        Funds.forEnclave(funds),
                        initMsg,
                        sig,
                        null,
                        admin,
                        limit)));
    if (!result.isOk()) {
      return new Called(result, address, null);
    }
    ContractKeyInfo key = result.contractKey();
    if (key == null) {
      throw ComputeErrors.INSTANTIATE_FAILED.wrap("the enclave returned no contract key");
    }
    AbsoluteTxPosition created = position(context);
    ContractInfo info =
        ContractInfo.newBuilder()
            .setCodeId(codeId)
            .setCreator(ByteString.copyFrom(creator))
            .setLabel(label)
            .setCreated(created)
            .setAdmin(admin)
            .setAdminProof(ByteString.copyFrom(key.adminProof()))
            .build();
    state.setContractInfo(address, info);
    state.setContractKey(address, key);
    state.setLabel(label, address);
    state.appendHistory(
        address,
        history(
            ContractCodeHistoryOperationType.CONTRACT_CODE_HISTORY_OPERATION_TYPE_INIT,
            codeId,
            created,
            initMsg));
    state.indexByCode(codeId, created, address);
    ContractResponse response = ContractResponse.parse(result.output());
    if (response.v1()) {
      context.emit(
          Event.of(
              "instantiate",
              "contract_address",
              Addresses.bech32(address),
              "code_id",
              Long.toString(codeId)));
    }
    return new Called(result, address, handle(frame, address, response));
  }

  Called execute(
      CallFrame frame, byte[] sender, byte[] contract, byte[] msg, List<Coin> funds, SigInfo sig)
      throws ChainException {
    frame.gas().consume(GasBudget.INSTANCE_COST, "Loading Compute module: execute");
    MsgContext context = frame.context();
    BlockEnv block = CallFrame.blockEnv(context.block());
    ContractRef ref = ContractRef.require(frame.state(), contract);
    Funds.send(bank, context, sender, contract, funds);
    ContractResult result =
        calls.run(
            frame,
            ComputeErrors.EXECUTE_FAILED,
            (enclave, limit) ->
                enclave.execute(
                    new ContractCall(
                        ref.codeHash(),
                        block,
                        frame.transaction(),
                        contract,
                        sender,
                        Funds.forEnclave(funds),
                        msg,
                        sig,
                        ref.key(),
                        "",
                        limit)));
    if (!result.isOk()) {
      return new Called(result, contract, null);
    }
    ContractResponse response = ContractResponse.parse(result.output());
    if (response.v1()) {
      context.emit(Event.of("execute", "contract_address", ref.bech32()));
    }
    return new Called(result, contract, handle(frame, contract, response));
  }

  Called migrate(
      CallFrame frame, byte[] sender, byte[] contract, long codeId, byte[] msg, SigInfo sig)
      throws ChainException {
    frame.gas().consume(GasBudget.INSTANCE_COST, "Loading CosmWasm module: migrate");
    MsgContext context = frame.context();
    BlockEnv block = CallFrame.blockEnv(context.block());
    ComputeState state = frame.state();
    ContractRef ref = ContractRef.require(state, contract);
    CodeInfo code = state.codeInfo(codeId);
    if (code == null) {
      throw ComputeErrors.NOT_FOUND.wrap("code " + codeId);
    }
    if (ref.info().getAdmin().isEmpty()
        || !ref.info().getAdmin().equals(Addresses.bech32(sender))) {
      throw ComputeErrors.MIGRATION_FAILED.wrap("requires migrate from admin");
    }
    byte[] codeHash = code.getCodeHash().toByteArray();
    ContractResult result =
        calls.run(
            frame,
            ComputeErrors.MIGRATION_FAILED,
            (enclave, limit) ->
                enclave.migrate(
                    new ContractCall(
                        codeHash,
                        block,
                        frame.transaction(),
                        contract,
                        sender,
                        List.of(),
                        msg,
                        sig,
                        ref.key(),
                        ref.info().getAdmin(),
                        limit)));
    if (!result.isOk()) {
      return new Called(result, contract, null);
    }
    if (result.contractKey() == null) {
      throw ComputeErrors.MIGRATION_FAILED.wrap("the enclave returned no contract key");
    }
    List<ContractCodeHistoryEntry> history = state.history(contract);
    state.unindexByCode(
        ref.info().getCodeId(), history.get(history.size() - 1).getUpdated(), contract);
    AbsoluteTxPosition now = position(context);
    state.setContractKey(contract, result.contractKey());
    state.setContractInfo(contract, ref.info().toBuilder().setCodeId(codeId).build());
    state.appendHistory(
        contract,
        history(
            ContractCodeHistoryOperationType.CONTRACT_CODE_HISTORY_OPERATION_TYPE_MIGRATE,
            codeId,
            now,
            msg));
    state.indexByCode(codeId, now, contract);
    context.emit(
        Event.of("migrate", "code_id", Long.toString(codeId), "contract_address", ref.bech32()));
    ContractResponse response = ContractResponse.parse(result.output());
    return new Called(result, contract, handle(frame, contract, response));
  }

  /**
   * Sets or clears ({@code newAdmin} empty) a contract's admin (Secret's {@code
   * UpdateContractAdmin}). The enclave re-proves the admin (protocol.md §8): it checks that the
   * current admin signed this change and returns the new admin's proof, which is stored with the
   * admin; a cleared admin has none.
   *
   * @param sig the tx's signature info, or the callback signature of a contract's sub-message
   */
  void updateAdmin(CallFrame frame, byte[] sender, byte[] contract, String newAdmin, SigInfo sig)
      throws ChainException {
    ComputeState state = frame.state();
    ContractRef ref = ContractRef.require(state, contract);
    ContractInfo info = ref.info();
    if (info.getAdmin().isEmpty() || !info.getAdmin().equals(Addresses.bech32(sender))) {
      throw SdkErrors.UNAUTHORIZED.wrap("caller is not the admin");
    }
    byte[] proof =
        calls.updateAdmin(
            frame,
            new AdminUpdateCall(
                ref.codeHash(),
                CallFrame.blockEnv(frame.context().block()),
                contract,
                ref.key(),
                info.getAdmin(),
                newAdmin,
                sig));
    state.setContractInfo(
        contract,
        info.toBuilder().setAdmin(newAdmin).setAdminProof(ByteString.copyFrom(proof)).build());
    frame
        .context()
        .emit(
            Event.of(
                "update_contract_admin",
                "contract_address",
                Addresses.bech32(contract),
                "new_admin",
                newAdmin));
  }

  /**
   * Hands a sub-message's result back to its sender (protocol.md §10.3).
   *
   * @return the reply's data, or null
   * @throws ChainException {@code compute} 19 if the reply fails
   */
  byte[] reply(CallFrame frame, byte[] contract, byte[] reply, byte[] signature)
      throws ChainException {
    frame.gas().consume(GasBudget.INSTANCE_COST, "Loading Compute module: reply");
    MsgContext context = frame.context();
    BlockEnv block = CallFrame.blockEnv(context.block());
    ContractRef ref = ContractRef.require(frame.state(), contract);
    ContractResult result =
        calls.run(
            frame,
            ComputeErrors.REPLY_FAILED,
            (enclave, limit) ->
                enclave.reply(
                    new ReplyCall(
                        ref.codeHash(),
                        block,
                        frame.transaction(),
                        contract,
                        ref.key(),
                        reply,
                        signature,
                        limit)));
    if (!result.isOk()) {
      throw ComputeErrors.REPLY_FAILED.wrap(result.error());
    }
    context.emit(Event.of("reply", "contract_address", ref.bech32()));
    return handle(frame, contract, ContractResponse.parse(result.output()));
  }

  /** Emits the response's events and dispatches its sub-messages; a reply's data wins. */
  private byte[] handle(CallFrame frame, byte[] contract, ContractResponse response)
      throws ChainException {
    for (Event event : response.toEvents(Addresses.bech32(contract))) {
      frame.context().emit(event);
    }
    byte[] replyData = subMessages.dispatch(frame, contract, response.messages());
    return replyData != null ? replyData : response.data();
  }

  private static AbsoluteTxPosition position(MsgContext context) {
    return AbsoluteTxPosition.newBuilder()
        .setBlockHeight(context.block().height())
        .setTxIndex(context.tx() == null ? 0 : context.tx().index())
        .build();
  }

  private static ContractCodeHistoryEntry history(
      ContractCodeHistoryOperationType operation,
      long codeId,
      AbsoluteTxPosition updated,
      byte[] msg) {
    return ContractCodeHistoryEntry.newBuilder()
        .setOperation(operation)
        .setCodeId(codeId)
        .setUpdated(updated)
        .setMsg(ByteString.copyFrom(msg))
        .build();
  }
}
