package io.arcanum.proto;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;
import io.arcanum.proto.cosmos.auth.v1beta1.AuthProto;
import io.arcanum.proto.cosmos.auth.v1beta1.AuthQueryProto;
import io.arcanum.proto.cosmos.bank.v1beta1.BankProto;
import io.arcanum.proto.cosmos.bank.v1beta1.BankQueryProto;
import io.arcanum.proto.cosmos.bank.v1beta1.BankTxProto;
import io.arcanum.proto.cosmos.base.abci.v1beta1.AbciProto;
import io.arcanum.proto.cosmos.base.query.v1beta1.PaginationProto;
import io.arcanum.proto.cosmos.base.v1beta1.CoinProto;
import io.arcanum.proto.cosmos.crypto.multisig.MultisigKeysProto;
import io.arcanum.proto.cosmos.crypto.multisig.v1beta1.MultisigProto;
import io.arcanum.proto.cosmos.crypto.secp256k1.Secp256k1KeysProto;
import io.arcanum.proto.cosmos.tx.signing.v1beta1.SigningProto;
import io.arcanum.proto.cosmos.tx.v1beta1.TxProto;
import io.arcanum.proto.cosmos.tx.v1beta1.TxServiceProto;
import io.arcanum.proto.secret.compute.v1beta1.ComputeMsgProto;
import io.arcanum.proto.secret.compute.v1beta1.ComputeParamsProto;
import io.arcanum.proto.secret.compute.v1beta1.ComputeQueryProto;
import io.arcanum.proto.secret.compute.v1beta1.ComputeTypesProto;
import io.arcanum.proto.secret.registration.v1beta1.RegistrationGenesisProto;
import io.arcanum.proto.secret.registration.v1beta1.RegistrationMsgProto;
import io.arcanum.proto.secret.registration.v1beta1.RegistrationQueryProto;
import io.arcanum.proto.secret.registration.v1beta1.RegistrationTypesProto;
import io.arcanum.proto.tendermint.abci.AbciTypesProto;
import java.util.ArrayList;
import java.util.List;

/**
 * The module's .proto files and Cosmos-style type URLs. Cosmos writes an Any's type URL as {@code
 * "/" + full message name} (e.g. {@code /cosmos.tx.v1beta1.TxRaw}), not protobuf-java's default
 * {@code type.googleapis.com/...}; {@link #pack} follows Cosmos so the bytes match what secretjs
 * signs (secretjs-api.md §4.3).
 */
public final class ProtoTypes {
  /** Every .proto file of this module; a test checks none is missing. */
  public static final List<FileDescriptor> FILES =
      List.of(
          CoinProto.getDescriptor(),
          PaginationProto.getDescriptor(),
          AbciTypesProto.getDescriptor(),
          AbciProto.getDescriptor(),
          Secp256k1KeysProto.getDescriptor(),
          MultisigKeysProto.getDescriptor(),
          MultisigProto.getDescriptor(),
          SigningProto.getDescriptor(),
          TxProto.getDescriptor(),
          TxServiceProto.getDescriptor(),
          AuthProto.getDescriptor(),
          AuthQueryProto.getDescriptor(),
          BankProto.getDescriptor(),
          BankTxProto.getDescriptor(),
          BankQueryProto.getDescriptor(),
          ComputeTypesProto.getDescriptor(),
          ComputeParamsProto.getDescriptor(),
          ComputeMsgProto.getDescriptor(),
          ComputeQueryProto.getDescriptor(),
          RegistrationMsgProto.getDescriptor(),
          RegistrationTypesProto.getDescriptor(),
          RegistrationGenesisProto.getDescriptor(),
          RegistrationQueryProto.getDescriptor());

  private static final TypeRegistry REGISTRY = buildRegistry();

  private ProtoTypes() {}

  /** A registry of every message type of this module, so JSON can inline any Any of them. */
  public static TypeRegistry typeRegistry() {
    return REGISTRY;
  }

  /** Every message type of this module, nested ones included, in file order. */
  public static List<Descriptor> messageTypes() {
    List<Descriptor> all = new ArrayList<>();
    for (FileDescriptor file : FILES) {
      file.getMessageTypes().forEach(d -> collect(d, all));
    }
    return all;
  }

  /** The Cosmos type URL of a message type: {@code "/" + full name}. */
  public static String typeUrl(Descriptor type) {
    return "/" + type.getFullName();
  }

  /** The Cosmos type URL of a message's type. */
  public static String typeUrl(Message message) {
    return typeUrl(message.getDescriptorForType());
  }

  /**
   * Packs a message into an Any with its Cosmos type URL. {@link Any#unpack} and {@link Any#is}
   * read such URLs as well (they take the part after the last '/').
   */
  public static Any pack(Message message) {
    return Any.newBuilder().setTypeUrl(typeUrl(message)).setValue(message.toByteString()).build();
  }

  private static void collect(Descriptor type, List<Descriptor> into) {
    into.add(type);
    type.getNestedTypes().forEach(d -> collect(d, into));
  }

  private static TypeRegistry buildRegistry() {
    // TypeRegistry.Builder.add takes a file's every type and its imports' with one descriptor.
    TypeRegistry.Builder builder = TypeRegistry.newBuilder();
    builder.add(messageTypes());
    return builder.build();
  }
}
