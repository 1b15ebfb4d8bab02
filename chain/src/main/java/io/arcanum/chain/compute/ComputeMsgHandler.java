package io.arcanum.chain.compute;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.MessageHandler;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.secret.compute.v1beta1.CodeInfo;
import io.arcanum.proto.secret.compute.v1beta1.MsgClearAdmin;
import io.arcanum.proto.secret.compute.v1beta1.MsgClearAdminResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgMigrateContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgMigrateContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCode;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCodeResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgUpdateAdmin;
import io.arcanum.proto.secret.compute.v1beta1.MsgUpdateAdminResponse;
import java.util.Locale;
import java.util.Set;

/**
 * Secret's compute messages (secretjs-api.md §5; Secret's {@code msg_server.go}): store code,
 * instantiate, execute, migrate, update and clear admin. Events and responses are Secret's (§6):
 * store emits {@code message{module, sender, signer}} and {@code message{code_id}}; instantiate
 * {@code instantiate}, {@code wasm}, {@code wasm-*} and then {@code message{module, sender,
 * contract_address}}; execute {@code message{…}} first, then {@code execute}, {@code wasm}. A
 * contract error fails the message with {@code compute} 2/3/5 and the detail {@code "encrypted:
 * <b64>"}.
 */
final class ComputeMsgHandler implements MessageHandler {
  static final String STORE = ProtoTypes.typeUrl(MsgStoreCode.getDescriptor());
  static final String INSTANTIATE = ProtoTypes.typeUrl(MsgInstantiateContract.getDescriptor());
  static final String EXECUTE = ProtoTypes.typeUrl(MsgExecuteContract.getDescriptor());
  static final String MIGRATE = ProtoTypes.typeUrl(MsgMigrateContract.getDescriptor());
  static final String UPDATE_ADMIN = ProtoTypes.typeUrl(MsgUpdateAdmin.getDescriptor());
  static final String CLEAR_ADMIN = ProtoTypes.typeUrl(MsgClearAdmin.getDescriptor());

  private final Contracts contracts;

  ComputeMsgHandler(Contracts contracts) {
    this.contracts = contracts;
  }

  @Override
  public Set<String> typeUrls() {
    return Set.of(STORE, INSTANTIATE, EXECUTE, MIGRATE, UPDATE_ADMIN, CLEAR_ADMIN);
  }

  @Override
  public byte[] signer(Any message) throws ChainException {
    String url = message.getTypeUrl();
    if (url.equals(STORE)) {
      MsgStoreCode msg = MsgChecks.unpack(message, MsgStoreCode.class);
      byte[] sender = Addresses.requireRaw(msg.getSender().toByteArray(), "sender");
      MsgChecks.wasm(msg.getWasmByteCode());
      MsgChecks.source(msg.getSource());
      MsgChecks.builder(msg.getBuilder());
      return sender;
    }
    if (url.equals(INSTANTIATE)) {
      MsgInstantiateContract msg = MsgChecks.unpack(message, MsgInstantiateContract.class);
      byte[] sender = Addresses.requireRaw(msg.getSender().toByteArray(), "sender");
      MsgChecks.codeId(msg.getCodeId());
      MsgChecks.label(msg.getLabel());
      Funds.fromProto(msg.getInitFundsList());
      if (!msg.getAdmin().isEmpty()) {
        Addresses.parse(msg.getAdmin(), "admin");
      }
      return sender;
    }
    if (url.equals(EXECUTE)) {
      MsgExecuteContract msg = MsgChecks.unpack(message, MsgExecuteContract.class);
      byte[] sender = Addresses.requireRaw(msg.getSender().toByteArray(), "sender");
      Addresses.requireRaw(msg.getContract().toByteArray(), "contract");
      Funds.fromProto(msg.getSentFundsList());
      return sender;
    }
    if (url.equals(MIGRATE)) {
      MsgMigrateContract msg = MsgChecks.unpack(message, MsgMigrateContract.class);
      MsgChecks.codeId(msg.getCodeId());
      byte[] sender = Addresses.parse(msg.getSender(), "sender");
      Addresses.parse(msg.getContract(), "contract");
      return sender;
    }
    if (url.equals(UPDATE_ADMIN)) {
      MsgUpdateAdmin msg = MsgChecks.unpack(message, MsgUpdateAdmin.class);
      byte[] sender = Addresses.parse(msg.getSender(), "sender");
      Addresses.parse(msg.getContract(), "contract");
      Addresses.parse(msg.getNewAdmin(), "new admin");
      if (msg.getSender()
          .toLowerCase(Locale.ROOT)
          .equals(msg.getNewAdmin().toLowerCase(Locale.ROOT))) {
        throw ComputeErrors.INVALID_MSG.wrap("new admin is the same as the old");
      }
      return sender;
    }
    if (url.equals(CLEAR_ADMIN)) {
      MsgClearAdmin msg = MsgChecks.unpack(message, MsgClearAdmin.class);
      byte[] sender = Addresses.parse(msg.getSender(), "sender");
      Addresses.parse(msg.getContract(), "contract");
      return sender;
    }
    throw SdkErrors.UNKNOWN_REQUEST.wrap("unrecognized compute message type: " + url);
  }

  @Override
  public Any deliver(MsgContext context, Any message) throws ChainException {
    signer(message);
    String url = message.getTypeUrl();
    if (url.equals(STORE)) {
      return store(context, MsgChecks.unpack(message, MsgStoreCode.class));
    }
    if (url.equals(INSTANTIATE)) {
      return instantiate(context, MsgChecks.unpack(message, MsgInstantiateContract.class));
    }
    if (url.equals(EXECUTE)) {
      return execute(context, MsgChecks.unpack(message, MsgExecuteContract.class));
    }
    if (url.equals(MIGRATE)) {
      return migrate(context, MsgChecks.unpack(message, MsgMigrateContract.class));
    }
    if (url.equals(UPDATE_ADMIN)) {
      MsgUpdateAdmin msg = MsgChecks.unpack(message, MsgUpdateAdmin.class);
      updateAdmin(
          context, msg.getSender(), msg.getContract(), msg.getNewAdmin(), msg.getCallbackSig());
      return ProtoTypes.pack(MsgUpdateAdminResponse.getDefaultInstance());
    }
    MsgClearAdmin msg = MsgChecks.unpack(message, MsgClearAdmin.class);
    updateAdmin(context, msg.getSender(), msg.getContract(), "", msg.getCallbackSig());
    return ProtoTypes.pack(MsgClearAdminResponse.getDefaultInstance());
  }

  private Any store(MsgContext context, MsgStoreCode msg) throws ChainException {
    byte[] sender = msg.getSender().toByteArray();
    String human = Addresses.bech32(sender);
    context.emit(Event.of("message", "module", "compute", "sender", human, "signer", human));
    ComputeState state = new ComputeState(context.store());
    ComputeParams params = state.params();
    byte[] wasm = WasmUpload.inflate(msg.getWasmByteCode().toByteArray(), params.maxContractSize());
    context.gas().consume(params.compileGas(wasm.length), "Compiling WASM Bytecode");
    WasmUpload upload = WasmUpload.validate(wasm);
    long codeId = state.nextCodeId();
    state.setCodeInfo(
        codeId,
        CodeInfo.newBuilder()
            .setCodeHash(ByteString.copyFrom(upload.codeHash().bytes()))
            .setCreator(ByteString.copyFrom(sender))
            .setSource(msg.getSource())
            .setBuilder(msg.getBuilder())
            .build());
    new ComputeState(context.unmeteredStore()).putCodeBytes(upload.codeHash().bytes(), wasm);
    context.emit(Event.of("message", "code_id", Long.toString(codeId)));
    return ProtoTypes.pack(MsgStoreCodeResponse.newBuilder().setCodeId(codeId).build());
  }

  private Any instantiate(MsgContext context, MsgInstantiateContract msg) throws ChainException {
    byte[] sender = msg.getSender().toByteArray();
    Contracts.Called called =
        contracts.instantiate(
            CallFrame.top(context),
            sender,
            msg.getCodeId(),
            msg.getLabel(),
            msg.getInitMsg().toByteArray(),
            Funds.fromProto(msg.getInitFundsList()),
            msg.getAdmin(),
            MsgChecks.sigInfo(context, msg.getCallbackSig()));
    if (!called.ok()) {
      throw called.error(ComputeErrors.INSTANTIATE_FAILED);
    }
    String contract = Addresses.bech32(called.address());
    context.emit(
        Event.of(
            "message",
            "module",
            "compute",
            "sender",
            Addresses.bech32(sender),
            "contract_address",
            contract));
    return ProtoTypes.pack(
        MsgInstantiateContractResponse.newBuilder()
            .setAddress(contract)
            .setData(bytes(called.data()))
            .build());
  }

  private Any execute(MsgContext context, MsgExecuteContract msg) throws ChainException {
    byte[] sender = msg.getSender().toByteArray();
    byte[] contract = msg.getContract().toByteArray();
    context.emit(
        Event.of(
            "message",
            "module",
            "compute",
            "sender",
            Addresses.bech32(sender),
            "contract_address",
            Addresses.bech32(contract)));
    Contracts.Called called =
        contracts.execute(
            CallFrame.top(context),
            sender,
            contract,
            msg.getMsg().toByteArray(),
            Funds.fromProto(msg.getSentFundsList()),
            MsgChecks.sigInfo(context, msg.getCallbackSig()));
    if (!called.ok()) {
      throw called.error(ComputeErrors.EXECUTE_FAILED);
    }
    return ProtoTypes.pack(
        MsgExecuteContractResponse.newBuilder().setData(bytes(called.data())).build());
  }

  private Any migrate(MsgContext context, MsgMigrateContract msg) throws ChainException {
    context.emit(Event.of("message", "module", "compute", "sender", msg.getSender()));
    Contracts.Called called =
        contracts.migrate(
            CallFrame.top(context),
            Addresses.parse(msg.getSender(), "sender"),
            Addresses.parse(msg.getContract(), "contract"),
            msg.getCodeId(),
            msg.getMsg().toByteArray(),
            MsgChecks.sigInfo(context, msg.getCallbackSig()));
    if (!called.ok()) {
      throw called.error(ComputeErrors.MIGRATION_FAILED);
    }
    return ProtoTypes.pack(
        MsgMigrateContractResponse.newBuilder().setData(bytes(called.data())).build());
  }

  private void updateAdmin(
      MsgContext context, String sender, String contract, String newAdmin, ByteString callbackSig)
      throws ChainException {
    context.emit(Event.of("message", "module", "compute", "sender", sender));
    contracts.updateAdmin(
        CallFrame.top(context),
        Addresses.parse(sender, "sender"),
        Addresses.parse(contract, "contract"),
        newAdmin,
        MsgChecks.sigInfo(context, callbackSig));
  }

  private static ByteString bytes(byte[] data) {
    return data == null ? ByteString.EMPTY : ByteString.copyFrom(data);
  }
}
