package io.arcanum.proto;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.util.List;

/**
 * Proto JSON in the shape of the Cosmos SDK REST gateway, which secretjs reads (secretjs-api.md
 * §1): proto (snake_case) field names, every field present with its default, 64-bit integers as
 * strings, enums by name, {@code Any} inlined as {@code {"@type": "/type.url", ...fields}}.
 *
 * <p>Two gateway habits JsonFormat lacks are added: an unset message field is {@code null} (not
 * left out), and so is an empty {@code bytes} field, because Go leaves both nil and its marshaller
 * prints nil as {@code null} (observed: {@code "pub_key":null}, {@code "tx":null}, {@code
 * "callback_sig":null}, {@code "next_key":null}). An unset member of a oneof stays out, as in Go.
 */
public final class ProtoJson {
  private static final JsonFormat.Printer JSON_FORMAT =
      JsonFormat.printer()
          .usingTypeRegistry(ProtoTypes.typeRegistry())
          .preservingProtoFieldNames()
          .alwaysPrintFieldsWithNoPresence()
          .omittingInsignificantWhitespace();

  private static final JsonFormat.Parser PARSER =
      JsonFormat.parser().usingTypeRegistry(ProtoTypes.typeRegistry());

  // No HTML escaping: base64 '=' stays '=' (JsonFormat's own Gson would write \u003d).
  private static final Gson GSON =
      new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  private ProtoJson() {}

  /**
   * Renders a message as the gateway does.
   *
   * @throws IllegalArgumentException if an Any holds a type this module does not know
   */
  public static String print(MessageOrBuilder message) {
    JsonObject tree;
    try {
      tree = JsonParser.parseString(JSON_FORMAT.print(message)).getAsJsonObject();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("cannot render " + describe(message), e);
    }
    addNulls(message, tree);
    return GSON.toJson(tree);
  }

  /**
   * Reads proto JSON into a builder. Accepts both the proto names ({@code tx_bytes}) and the
   * lowerCamelCase JSON names ({@code txBytes}) that secretjs POSTs, enum names or numbers, {@code
   * null} for unset fields, and Any values with a type URL of this module.
   */
  public static <B extends Message.Builder> B merge(String json, B builder)
      throws InvalidProtocolBufferException {
    PARSER.merge(json, builder);
    return builder;
  }

  /** The parser behind {@link #merge}, for callers that want JsonFormat's options. */
  public static JsonFormat.Parser parser() {
    return PARSER;
  }

  private static void addNulls(MessageOrBuilder message, JsonObject json) {
    Descriptor type = message.getDescriptorForType();
    if (type.getFullName().equals(Any.getDescriptor().getFullName())) {
      addNullsInAny(message, json);
      return;
    }
    if (type.getFile().getPackage().equals("google.protobuf")) {
      return; // well-known types have their own JSON forms
    }
    for (FieldDescriptor field : type.getFields()) {
      String name = field.getName();
      boolean isMessage = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
      if (field.isMapField()) {
        continue; // none in this module; their JSON keys are not field names
      } else if (field.isRepeated()) {
        if (isMessage && json.get(name) instanceof JsonArray array) {
          List<?> values = (List<?>) message.getField(field);
          for (int i = 0; i < values.size(); i++) {
            addNulls((MessageOrBuilder) values.get(i), array.get(i).getAsJsonObject());
          }
        }
      } else if (field.getRealContainingOneof() != null) {
        if (isMessage && message.hasField(field)) {
          addNulls((MessageOrBuilder) message.getField(field), json.getAsJsonObject(name));
        }
      } else if (isMessage) {
        if (message.hasField(field)) {
          addNulls((MessageOrBuilder) message.getField(field), json.getAsJsonObject(name));
        } else {
          json.add(name, JsonNull.INSTANCE);
        }
      } else if (field.getType() == FieldDescriptor.Type.BYTES
          && ((ByteString) message.getField(field)).isEmpty()) {
        json.add(name, JsonNull.INSTANCE);
      }
    }
  }

  // An Any's fields are inlined beside "@type", so its content is walked in the same object.
  private static void addNullsInAny(MessageOrBuilder any, JsonObject json) {
    FieldDescriptor typeUrlField = any.getDescriptorForType().findFieldByNumber(1);
    FieldDescriptor valueField = any.getDescriptorForType().findFieldByNumber(2);
    String typeUrl = (String) any.getField(typeUrlField);
    Descriptor packed;
    try {
      packed = ProtoTypes.typeRegistry().getDescriptorForTypeUrl(typeUrl);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("bad Any type URL " + typeUrl, e);
    }
    if (packed == null || packed.getFile().getPackage().equals("google.protobuf")) {
      return; // JsonFormat already failed on unknown types; well-known ones print as "value"
    }
    try {
      addNulls(DynamicMessage.parseFrom(packed, (ByteString) any.getField(valueField)), json);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("Any of " + typeUrl + " does not decode", e);
    }
  }

  private static String describe(MessageOrBuilder message) {
    return message.getDescriptorForType().getFullName();
  }
}
