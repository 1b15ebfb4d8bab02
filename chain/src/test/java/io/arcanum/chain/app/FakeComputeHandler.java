package io.arcanum.chain.app;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.MessageHandler;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.module.TxInfo;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.proto.ProtoTypes;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A stand-in for the compute module (built elsewhere): it knows the compute messages' signers and
 * answers with empty responses, recording the {@link TxInfo} each message ran with, so the tests
 * can sign compute txs and check what the state machine hands a module.
 */
final class FakeComputeHandler implements MessageHandler {
  static final String PREFIX = "/secret.compute.v1beta1.";

  final List<TxInfo> seen = new ArrayList<>();

  @Override
  public Set<String> typeUrls() {
    return Set.of(
        PREFIX + "MsgStoreCode",
        PREFIX + "MsgInstantiateContract",
        PREFIX + "MsgExecuteContract",
        PREFIX + "MsgMigrateContract",
        PREFIX + "MsgUpdateAdmin",
        PREFIX + "MsgClearAdmin");
  }

  @Override
  public byte[] signer(Any message) throws ChainException {
    try {
      return switch (message.getTypeUrl().substring(PREFIX.length())) {
        case "MsgStoreCode" -> MsgStoreCode.parseFrom(message.getValue()).getSender().toByteArray();
        case "MsgInstantiateContract" ->
            MsgInstantiateContract.parseFrom(message.getValue()).getSender().toByteArray();
        case "MsgExecuteContract" ->
            MsgExecuteContract.parseFrom(message.getValue()).getSender().toByteArray();
        case "MsgMigrateContract" ->
            bech32(MsgMigrateContract.parseFrom(message.getValue()).getSender());
        case "MsgUpdateAdmin" -> bech32(MsgUpdateAdmin.parseFrom(message.getValue()).getSender());
        default -> bech32(MsgClearAdmin.parseFrom(message.getValue()).getSender());
      };
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrors.TX_DECODE.wrap(e.getMessage());
    }
  }

  private static byte[] bech32(String text) {
    return CosmosAddress.parseSecret(text).bytes();
  }

  @Override
  public Any deliver(MsgContext context, Any message) {
    seen.add(context.tx());
    context.emit(Event.of("message", "module", "compute"));
    return switch (message.getTypeUrl().substring(PREFIX.length())) {
      case "MsgStoreCode" ->
          ProtoTypes.pack(MsgStoreCodeResponse.newBuilder().setCodeId(1).build());
      case "MsgInstantiateContract" ->
          ProtoTypes.pack(MsgInstantiateContractResponse.getDefaultInstance());
      case "MsgExecuteContract" -> ProtoTypes.pack(MsgExecuteContractResponse.getDefaultInstance());
      case "MsgMigrateContract" -> ProtoTypes.pack(MsgMigrateContractResponse.getDefaultInstance());
      case "MsgUpdateAdmin" -> ProtoTypes.pack(MsgUpdateAdminResponse.getDefaultInstance());
      default -> ProtoTypes.pack(MsgClearAdminResponse.getDefaultInstance());
    };
  }
}
