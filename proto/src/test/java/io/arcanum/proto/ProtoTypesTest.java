package io.arcanum.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.arcanum.proto.cosmos.bank.v1beta1.MsgSend;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCode;
import io.arcanum.proto.secret.registration.v1beta1.RaAuthenticate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Type URLs, packages and the registry are those of upstream, and nothing is left out. */
class ProtoTypesTest {
  private static final Path PROTO_DIR = Path.of("src/main/proto");

  @Test
  void typeUrlsAreSlashPlusUpstreamFullName() {
    assertThat(ProtoTypes.typeUrl(TxRaw.getDescriptor())).isEqualTo("/cosmos.tx.v1beta1.TxRaw");
    assertThat(ProtoTypes.typeUrl(MsgSend.getDefaultInstance()))
        .isEqualTo("/cosmos.bank.v1beta1.MsgSend");
    assertThat(ProtoTypes.typeUrl(MsgStoreCode.getDescriptor()))
        .isEqualTo("/secret.compute.v1beta1.MsgStoreCode");
    assertThat(ProtoTypes.typeUrl(MsgInstantiateContract.getDescriptor()))
        .isEqualTo("/secret.compute.v1beta1.MsgInstantiateContract");
    assertThat(ProtoTypes.typeUrl(MsgExecuteContractResponse.getDescriptor()))
        .isEqualTo("/secret.compute.v1beta1.MsgExecuteContractResponse");
    assertThat(ProtoTypes.typeUrl(RaAuthenticate.getDescriptor()))
        .isEqualTo("/secret.registration.v1beta1.RaAuthenticate");
  }

  @Test
  void packedAnyUnpacksWithProtobufJavasOwnAnyMethods() throws Exception {
    MsgExecuteContract msg = MsgExecuteContract.getDefaultInstance();
    Any any = ProtoTypes.pack(msg);

    assertThat(any.getTypeUrl()).isEqualTo("/secret.compute.v1beta1.MsgExecuteContract");
    assertThat(any.is(MsgExecuteContract.class)).isTrue();
    assertThat(any.is(MsgStoreCode.class)).isFalse();
    assertThat(any.unpack(MsgExecuteContract.class)).isEqualTo(msg);
  }

  @Test
  void everyProtoFileOfTheModuleIsRegistered() throws IOException {
    List<String> onDisk;
    try (Stream<Path> files = Files.walk(PROTO_DIR)) {
      onDisk =
          files
              .filter(p -> p.toString().endsWith(".proto"))
              .map(p -> PROTO_DIR.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
    }

    assertThat(ProtoTypes.FILES.stream().map(FileDescriptor::getName).sorted().toList())
        .isEqualTo(onDisk);
  }

  @Test
  void everyMessageTypeIsInTheJsonRegistry() {
    for (Descriptor type : ProtoTypes.messageTypes()) {
      assertThat(ProtoTypes.typeRegistry().find(type.getFullName())).isSameAs(type);
    }
  }

  @Test
  void filesKeepUpstreamPathsPackagesAndOnlyStandardImports() {
    for (FileDescriptor file : ProtoTypes.FILES) {
      String pkg = file.getPackage();
      assertThat(file.getName())
          .as("path mirrors the package")
          .startsWith(pkg.replace('.', '/') + "/");
      assertThat(file.getOptions().getJavaPackage()).isEqualTo("io.arcanum.proto." + pkg);
      for (FileDescriptor dependency : file.getDependencies()) {
        assertThat(dependency.getPackage())
            .as("%s imports %s (no gogoproto, amino or cosmos_proto)", file.getName(), dependency)
            .isIn(
                "google.protobuf",
                "tendermint.abci",
                "cosmos.base.v1beta1",
                "cosmos.base.query.v1beta1",
                "cosmos.base.abci.v1beta1",
                "cosmos.crypto.multisig.v1beta1",
                "cosmos.tx.signing.v1beta1",
                "cosmos.tx.v1beta1",
                "cosmos.auth.v1beta1",
                "cosmos.bank.v1beta1",
                "secret.compute.v1beta1",
                "secret.registration.v1beta1");
      }
    }
  }
}
