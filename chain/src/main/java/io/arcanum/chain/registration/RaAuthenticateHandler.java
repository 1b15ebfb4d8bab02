package io.arcanum.chain.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.abci.EventAttribute;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.MessageHandler;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.NodeAuthentication;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.secret.registration.v1beta1.RaAuthenticate;
import io.arcanum.proto.secret.registration.v1beta1.RaAuthenticateResponse;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /secret.registration.v1beta1.RaAuthenticate} (protocol.md §4.1–§4.2): a joining node's
 * evidence is verified by this node's enclave at block time and the network's seeds, encrypted for
 * the node's registration key, are stored on chain for it to fetch.
 *
 * <p>Every node runs this for the tx and stores the same bytes (the enclave's answer is
 * deterministic). A refused registration ({@code register} 2 naming the enclave's reason) changes
 * nothing. A registration key that is already registered is refused before the enclave is asked;
 * Secret instead answers such a replay with the stored seed and stores nothing.
 */
public final class RaAuthenticateHandler implements MessageHandler {
  public static final String TYPE_URL = ProtoTypes.typeUrl(RaAuthenticate.getDescriptor());

  /** The event's {@code module} value: Secret's module name. */
  static final String MODULE = RegistrationErrors.CODESPACE;

  private static final Pattern MACHINE_ID = Pattern.compile("[0-9a-fA-F]{40}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Enclave enclave;
  private final String bech32Prefix;

  /**
   * @param enclave this node's enclave, holding the network's seeds
   * @param bech32Prefix the chain's account prefix, for the {@code signer} attribute
   */
  public RaAuthenticateHandler(Enclave enclave, String bech32Prefix) {
    this.enclave = Objects.requireNonNull(enclave, "enclave");
    this.bech32Prefix = Objects.requireNonNull(bech32Prefix, "bech32Prefix");
  }

  @Override
  public Set<String> typeUrls() {
    return Set.of(TYPE_URL);
  }

  /** ValidateBasic: a 20-byte sender, evidence that carries a quote, a well-formed machine id. */
  @Override
  public byte[] signer(Any message) throws ChainException {
    RaAuthenticate msg = decode(message);
    if (msg.getSender().size() != CosmosAddress.LENGTH) {
      throw SdkErrors.INVALID_ADDRESS.wrapf(
          "sender must be %d bytes, got %d", CosmosAddress.LENGTH, msg.getSender().size());
    }
    if (msg.getCertificate().isEmpty()) {
      throw SdkErrors.INVALID_REQUEST.wrap("Authenticating certificate cannot be empty");
    }
    EvidenceQuote.registrationPublicKey(msg.getCertificate().toByteArray());
    String replace = msg.getReplaceMachineId();
    if (!replace.isEmpty() && !MACHINE_ID.matcher(replace).matches()) {
      throw SdkErrors.INVALID_REQUEST.wrap(
          "replace_machine_id must be empty or 40 hex characters (a 20-byte machine id)");
    }
    return msg.getSender().toByteArray();
  }

  @Override
  public Any deliver(MsgContext context, Any message) throws ChainException {
    signer(message);
    RaAuthenticate msg = decode(message);
    byte[] certificate = msg.getCertificate().toByteArray();
    byte[] publicKey = EvidenceQuote.registrationPublicKey(certificate);
    byte[] encryptedSeed;
    if (context.simulate()) {
      // As Secret: gas estimation never reaches the enclave and stores a dummy 32-byte seed.
      encryptedSeed = new byte[32];
      RegistrationStore.putNode(
          context.store(), new NodeRegistration(publicKey, certificate, encryptedSeed));
    } else {
      if (RegistrationStore.isAuthenticated(context.store(), publicKey)) {
        throw RegistrationErrors.AUTHENTICATE_FAILED.wrapf(
            "node 0x%s is already registered", HexFormat.of().formatHex(publicKey));
      }
      NodeAuthentication auth = authenticate(context, certificate, msg.getReplaceMachineId());
      if (!Arrays.equals(auth.registrationPublicKey(), publicKey)) {
        throw new IllegalStateException(
            "the enclave authenticated another registration key than the quote carries");
      }
      encryptedSeed = auth.encryptedSeed();
      RegistrationStore.putNode(
          context.store(), new NodeRegistration(publicKey, certificate, encryptedSeed));
      if (auth.machineInfo() != null
          && auth.machineInfo().length == RegistrationStore.MACHINE_INFO_LENGTH) {
        byte[] replaced =
            msg.getReplaceMachineId().isEmpty()
                ? new byte[20]
                : HexFormat.of().parseHex(msg.getReplaceMachineId());
        RegistrationStore.appendMachineRecord(context.store(), auth.machineInfo(), replaced);
      }
    }
    Event event =
        Event.of(
            "message",
            "module",
            MODULE,
            "signer",
            new CosmosAddress(msg.getSender().toByteArray()).toBech32(bech32Prefix),
            "encrypted_seed",
            "0x" + HexFormat.of().formatHex(encryptedSeed),
            "node_id",
            "0x" + HexFormat.of().formatHex(publicKey));
    context.emit(event);
    return ProtoTypes.pack(
        RaAuthenticateResponse.newBuilder()
            .setData("S: " + HexFormat.of().formatHex(encryptedSeed))
            .setEvents(eventsJson(List.of(event)))
            .build());
  }

  private NodeAuthentication authenticate(
      MsgContext context, byte[] certificate, String replaceMachineId) throws ChainException {
    long blockSeconds = Math.floorDiv(context.block().timeNanos(), 1_000_000_000L);
    try {
      return enclave.authenticateNewNode(certificate, replaceMachineId, blockSeconds);
    } catch (EnclaveException e) {
      switch (e.reason()) {
        case ATTESTATION_REJECTED, INVALID_INPUT, UNAUTHORIZED -> {
          throw RegistrationErrors.AUTHENTICATE_FAILED.wrap(e.getMessage());
        }
        default -> {
          // Unavailable enclave, missing seeds, storage: this node's fault, not the tx's. A
          // deterministic refusal here would let this node's state differ from the network's.
          throw new IllegalStateException("the enclave could not process a registration", e);
        }
      }
    }
  }

  /** The response's {@code events}: Secret's JSON of the ABCI events the message emitted. */
  static String eventsJson(List<Event> events) {
    ArrayNode array = JSON.createArrayNode();
    for (Event event : events) {
      ObjectNode node = array.addObject();
      node.put("type", event.type());
      ArrayNode attributes = node.putArray("attributes");
      for (EventAttribute attribute : event.attributes()) {
        attributes
            .addObject()
            .put("key", attribute.key())
            .put("value", attribute.value())
            .put("index", attribute.index());
      }
    }
    return array.toString();
  }

  private static RaAuthenticate decode(Any message) throws ChainException {
    if (!TYPE_URL.equals(message.getTypeUrl())) {
      throw SdkErrors.UNPACK_ANY.wrapf("expected %s, got %s", TYPE_URL, message.getTypeUrl());
    }
    try {
      return RaAuthenticate.parseFrom(message.getValue());
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrors.TX_DECODE.wrap("RaAuthenticate: " + e.getMessage());
    }
  }
}
