package io.arcanum.chain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.module.BlockInfo;
import io.arcanum.chain.module.QueryContext;
import io.arcanum.chain.state.MemoryKvStore;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.proto.ProtoJson;
import io.arcanum.proto.secret.registration.v1beta1.Key;
import io.arcanum.proto.secret.registration.v1beta1.QueryEncryptedSeedRequest;
import io.arcanum.proto.secret.registration.v1beta1.QueryEncryptedSeedResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The registration queries against state that genesis and a registration wrote. */
class RegistrationQueryHandlerTest {
  static final NetworkPublicKeys KEYS =
      new NetworkPublicKeys(SimulatedNetwork.filled(32, 0x11), SimulatedNetwork.filled(32, 0x22));
  final MemoryKvStore state = new MemoryKvStore();
  final RegistrationQueryHandler queries = new RegistrationQueryHandler();

  QueryContext context() {
    return new QueryContext(new BlockInfo("secretdev-1", 3, 0), state, GasMeter.infinite());
  }

  byte[] ask(String path, com.google.protobuf.Message request) throws ChainException {
    return queries.query(context(), path, request.toByteArray());
  }

  @Test
  void txKeyIsTheIoKeyGenesisPublishedInTheShapeSecretJsReads() throws Exception {
    RegistrationStore.setMasterKeys(state, KEYS);
    Key key = Key.parseFrom(ask(RegistrationQueryHandler.TX_KEY, Empty.getDefaultInstance()));
    assertThat(key.getKey().toByteArray()).isEqualTo(KEYS.ioExchangeKey());
    // GET /registration/v1beta1/tx-key → {"key": b64 32 bytes} (secretjs-api.md §3 E3)
    assertThat(new ObjectMapper().readTree(ProtoJson.print(key)).get("key").asText())
        .isEqualTo(Base64.getEncoder().encodeToString(KEYS.ioExchangeKey()));
  }

  @Test
  void registrationKeyIsTheJsonOfBothMasterKeys() throws Exception {
    RegistrationStore.setMasterKeys(state, KEYS);
    Key key =
        Key.parseFrom(ask(RegistrationQueryHandler.REGISTRATION_KEY, Empty.getDefaultInstance()));
    Base64.Encoder b64 = Base64.getEncoder();
    assertThat(key.getKey().toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"reg_info\":null,\"node_exch_key\":{\"bytes\":\""
                + b64.encodeToString(KEYS.seedExchangeKey())
                + "\"},\"io_exch_key\":{\"bytes\":\""
                + b64.encodeToString(KEYS.ioExchangeKey())
                + "\"}}");
  }

  @Test
  void encryptedSeedIsFoundByRegistrationKey() throws Exception {
    byte[] node = SimulatedNetwork.filled(32, 0x5c);
    byte[] seed = SimulatedNetwork.filled(96, 0x77);
    RegistrationStore.putNode(state, new NodeRegistration(node, new byte[] {1}, seed));
    QueryEncryptedSeedResponse response =
        QueryEncryptedSeedResponse.parseFrom(
            ask(
                RegistrationQueryHandler.ENCRYPTED_SEED,
                QueryEncryptedSeedRequest.newBuilder()
                    .setPubKey(ByteString.copyFrom(node))
                    .build()));
    assertThat(response.getEncryptedSeed().toByteArray()).isEqualTo(seed);
  }

  @Test
  void anUnknownNodeIsNotAuthenticatedYet() {
    byte[] node = SimulatedNetwork.filled(32, 0x5d);
    assertThatThrownBy(
            () ->
                ask(
                    RegistrationQueryHandler.ENCRYPTED_SEED,
                    QueryEncryptedSeedRequest.newBuilder()
                        .setPubKey(ByteString.copyFrom(node))
                        .build()))
        .isInstanceOfSatisfying(
            ChainException.class, e -> assertThat(e.codespace() + e.code()).isEqualTo("sdk9"))
        .hasMessage(
            "node 0x"
                + HexFormat.of().formatHex(node)
                + " has not been authenticated yet: unknown address");
  }

  @Test
  void malformedRequestsAndUnknownPathsAreRefused() {
    assertThatThrownBy(
            () ->
                ask(
                    RegistrationQueryHandler.ENCRYPTED_SEED,
                    QueryEncryptedSeedRequest.getDefaultInstance()))
        .hasMessage("public key: invalid");
    assertThatThrownBy(
            () ->
                ask(
                    RegistrationQueryHandler.ENCRYPTED_SEED,
                    QueryEncryptedSeedRequest.newBuilder()
                        .setPubKey(ByteString.copyFrom(new byte[5]))
                        .build()))
        .hasMessageContaining("32 bytes, got 5");
    assertThatThrownBy(
            () ->
                queries.query(
                    context(), RegistrationQueryHandler.ENCRYPTED_SEED, new byte[] {(byte) 0xff}))
        .isInstanceOfSatisfying(ChainException.class, e -> assertThat(e.code()).isEqualTo(18));
    assertThatThrownBy(
            () -> queries.query(context(), "/secret.registration.v1beta1.Query/Nope", new byte[0]))
        .isInstanceOfSatisfying(ChainException.class, e -> assertThat(e.code()).isEqualTo(6));
  }

  @Test
  void beforeGenesisTheKeysAreNotThere() {
    assertThatThrownBy(() -> ask(RegistrationQueryHandler.TX_KEY, Empty.getDefaultInstance()))
        .hasMessage("Chain has not been initialized yet: unknown address");
  }
}
