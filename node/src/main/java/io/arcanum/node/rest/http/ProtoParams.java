package io.arcanum.node.rest.http;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Fills a request message from path and query parameters as grpc-gateway's {@code
 * PopulateQueryParameters} does: a parameter names a field by its proto name or JSON name, nested
 * fields with dots ({@code pagination.limit}); numbers are decimal, {@code bytes} standard or
 * URL-safe base64, enums by name or number, repeated fields take every value. Parameters naming no
 * field are ignored (as the gateway does); a value that does not fit its field is refused with 400
 * naming the parameter.
 */
public final class ProtoParams {
  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private ProtoParams() {}

  /** Sets query parameters first, then path parameters (which win, as in the gateway). */
  public static void populate(Message.Builder builder, RestRequest request) {
    for (Map.Entry<String, List<String>> param : request.query().entrySet()) {
      for (String value : param.getValue()) {
        set(builder, param.getKey(), value);
      }
    }
    for (Map.Entry<String, String> param : request.pathParams().entrySet()) {
      set(builder, param.getKey(), param.getValue());
    }
  }

  /** Sets the field at {@code path} ({@code a.b.c}) to {@code value}; ignores unknown fields. */
  public static void set(Message.Builder builder, String path, String value) {
    String[] names = path.split("\\.", -1);
    Message.Builder target = builder;
    for (int i = 0; i < names.length - 1; i++) {
      FieldDescriptor field = field(target, names[i]);
      if (field == null
          || field.isRepeated()
          || field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        return;
      }
      target = target.getFieldBuilder(field);
    }
    FieldDescriptor field = field(target, names[names.length - 1]);
    if (field == null || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      return;
    }
    Object converted = convert(field, path, value);
    if (field.isRepeated()) {
      target.addRepeatedField(field, converted);
    } else {
      target.setField(field, converted);
    }
  }

  private static FieldDescriptor field(Message.Builder builder, String name) {
    for (FieldDescriptor field : builder.getDescriptorForType().getFields()) {
      if (field.getName().equals(name) || field.getJsonName().equals(name)) {
        return field;
      }
    }
    return null;
  }

  private static Object convert(FieldDescriptor field, String param, String value) {
    try {
      return switch (field.getType()) {
        case STRING -> value;
        case BOOL -> bool(value);
        case INT32, SINT32, SFIXED32 -> Integer.parseInt(value);
        case UINT32, FIXED32 -> (int) Long.parseUnsignedLong(checkRange(value, 32));
        case INT64, SINT64, SFIXED64 -> Long.parseLong(value);
        case UINT64, FIXED64 -> Long.parseUnsignedLong(checkRange(value, 64));
        case DOUBLE -> Double.parseDouble(value);
        case FLOAT -> Float.parseFloat(value);
        case BYTES -> ByteString.copyFrom(bytes(value));
        case ENUM -> enumValue(field, value);
        default -> throw new IllegalArgumentException("unsupported field type");
      };
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidArgument(
          "invalid " + param + " \"" + shorten(value) + "\": " + expected(field));
    }
  }

  /** A value as an error message quotes it: at most 80 characters. */
  public static String shorten(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }

  private static String checkRange(String value, int bits) {
    BigInteger n = new BigInteger(value);
    BigInteger max =
        bits == 64 ? UINT64_MAX : BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
    if (n.signum() < 0 || n.compareTo(max) > 0) {
      throw new NumberFormatException("out of range");
    }
    return value;
  }

  private static boolean bool(String value) {
    return switch (value) {
      case "true", "True", "TRUE", "t", "T", "1" -> true;
      case "false", "False", "FALSE", "f", "F", "0" -> false;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  /**
   * Standard base64, else URL-safe (the gateway's {@code runtime.Bytes}); a space is read as the
   * {@code +} a client forgot to percent-encode.
   */
  static byte[] bytes(String value) {
    String text = value.replace(' ', '+');
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return Base64.getUrlDecoder().decode(text);
    }
  }

  private static EnumValueDescriptor enumValue(FieldDescriptor field, String value) {
    EnumValueDescriptor byName = field.getEnumType().findValueByName(value);
    if (byName != null) {
      return byName;
    }
    EnumValueDescriptor byNumber = field.getEnumType().findValueByNumber(Integer.parseInt(value));
    if (byNumber == null) {
      throw new IllegalArgumentException("no such value");
    }
    return byNumber;
  }

  private static String expected(FieldDescriptor field) {
    return switch (field.getType()) {
      case BOOL -> "expected true or false";
      case INT32, SINT32, SFIXED32 -> "expected a 32-bit integer";
      case UINT32, FIXED32 -> "expected an unsigned 32-bit integer";
      case INT64, SINT64, SFIXED64 -> "expected a 64-bit integer";
      case UINT64, FIXED64 -> "expected an unsigned 64-bit integer";
      case DOUBLE, FLOAT -> "expected a number";
      case BYTES -> "expected base64";
      case ENUM ->
          "expected one of "
              + field.getEnumType().getValues().stream().map(v -> v.getName()).toList();
      default -> "unsupported parameter";
    };
  }
}
