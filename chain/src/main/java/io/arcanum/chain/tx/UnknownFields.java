package io.arcanum.chain.tx;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.UnknownFieldSet;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses fields a tx's schema does not know, as the SDK's {@code codec/unknownproto} does when it
 * decodes a tx: two encodings of the same content must not both be valid, and a signer must not
 * sign fields the chain ignores. Recurses into nested messages and into every {@code Any} (resolved
 * by type URL). In the tx body, unknown <em>non-critical</em> fields (numbers with bit 11 set, i.e.
 * 1024 and up) are allowed (ADR-020); in {@code TxRaw} and {@code AuthInfo} nothing unknown is.
 *
 * <p>protobuf-java puts a known field number sent with the wrong wire type among the unknown
 * fields, so that case is refused here too, with the SDK's "Mismatched" wording.
 */
final class UnknownFields {
  /** The SDK's {@code bit11NonCritical}. */
  private static final int NON_CRITICAL_BIT = 1 << 10;

  private final TypeRegistry registry;
  private final Set<String> opaqueTypeUrls;

  /**
   * @param opaqueTypeUrls message types a handler decodes itself though the registry lacks them:
   *     accepted without looking inside
   */
  UnknownFields(TypeRegistry registry, Set<String> opaqueTypeUrls) {
    this.registry = registry;
    this.opaqueTypeUrls = Set.copyOf(opaqueTypeUrls);
  }

  /**
   * @throws ChainException {@code sdk} 2 naming the message, field number and wire type
   */
  void reject(Message message, boolean allowNonCritical) throws ChainException {
    check(message.getDescriptorForType(), message.getUnknownFields(), allowNonCritical);
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (field.getKey().isRepeated()) {
        for (Object element : (List<?>) field.getValue()) {
          nested((Message) element, allowNonCritical);
        }
      } else {
        nested((Message) field.getValue(), allowNonCritical);
      }
    }
  }

  private void nested(Message message, boolean allowNonCritical) throws ChainException {
    reject(message, allowNonCritical);
    if (message.getDescriptorForType().getFullName().equals(Any.getDescriptor().getFullName())) {
      any(message, allowNonCritical);
    }
  }

  private void any(Message anyMessage, boolean allowNonCritical) throws ChainException {
    Any any;
    try {
      any = Any.parseFrom(anyMessage.toByteString());
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrors.TX_DECODE.wrap(e.getMessage());
    }
    if (opaqueTypeUrls.contains(any.getTypeUrl()) && !isKnown(any.getTypeUrl())) {
      return;
    }
    Descriptor type = resolve(any.getTypeUrl());
    DynamicMessage content;
    try {
      content = DynamicMessage.parseFrom(type, any.getValue());
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrors.TX_DECODE.wrap(any.getTypeUrl() + ": " + e.getMessage());
    }
    reject(content, allowNonCritical);
  }

  boolean isKnown(String typeUrl) {
    return typeUrl.startsWith("/") && registry.find(typeUrl.substring(1)) != null;
  }

  /** The message type of a Cosmos type URL ({@code /full.Name}). */
  Descriptor resolve(String typeUrl) throws ChainException {
    Descriptor type = typeUrl.startsWith("/") ? registry.find(typeUrl.substring(1)) : null;
    if (type == null) {
      throw SdkErrors.TX_DECODE.wrap("unable to resolve type URL " + typeUrl);
    }
    return type;
  }

  private static void check(Descriptor type, UnknownFieldSet unknown, boolean allowNonCritical)
      throws ChainException {
    for (Map.Entry<Integer, UnknownFieldSet.Field> field : unknown.asMap().entrySet()) {
      int number = field.getKey();
      String wireType = wireType(field.getValue());
      FieldDescriptor known = type.findFieldByNumber(number);
      if (known != null) {
        throw SdkErrors.TX_DECODE.wrapf(
            "Mismatched \"%s\": {TagNum: %d, GotWireType: \"%s\" != WantWireType: \"%s\"}",
            type.getFullName(), number, wireType, wireType(known));
      }
      if (allowNonCritical && (number & NON_CRITICAL_BIT) != 0) {
        continue;
      }
      throw SdkErrors.TX_DECODE.wrapf(
          "errUnknownField \"%s\": {TagNum: %d, WireType:\"%s\"}",
          type.getFullName(), number, wireType);
    }
  }

  private static String wireType(UnknownFieldSet.Field field) {
    if (!field.getVarintList().isEmpty()) {
      return "varint";
    }
    if (!field.getFixed64List().isEmpty()) {
      return "fixed64";
    }
    if (!field.getLengthDelimitedList().isEmpty()) {
      return "bytes";
    }
    if (!field.getFixed32List().isEmpty()) {
      return "fixed32";
    }
    return "start_group";
  }

  private static String wireType(FieldDescriptor field) {
    if (field.isPackable() && field.isPacked()) {
      return "bytes";
    }
    return switch (field.getLiteType().getWireType()) {
      case 0 -> "varint";
      case 1 -> "fixed64";
      case 2 -> "bytes";
      case 5 -> "fixed32";
      default -> "start_group";
    };
  }
}
