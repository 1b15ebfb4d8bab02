package io.arcanum.chain.errors;

/**
 * The Cosmos SDK's root errors (codespace {@code sdk}, {@code types/errors/errors.go} in v0.50),
 * with their codes and descriptions as clients and tools match them.
 */
public final class SdkErrors {
  private SdkErrors() {}

  public static final String CODESPACE = "sdk";

  public static final ErrorCode TX_DECODE = sdk(2, "tx parse error");
  public static final ErrorCode INVALID_SEQUENCE = sdk(3, "invalid sequence");
  public static final ErrorCode UNAUTHORIZED = sdk(4, "unauthorized");
  public static final ErrorCode INSUFFICIENT_FUNDS = sdk(5, "insufficient funds");
  public static final ErrorCode UNKNOWN_REQUEST = sdk(6, "unknown request");
  public static final ErrorCode INVALID_ADDRESS = sdk(7, "invalid address");
  public static final ErrorCode INVALID_PUB_KEY = sdk(8, "invalid pubkey");
  public static final ErrorCode UNKNOWN_ADDRESS = sdk(9, "unknown address");
  public static final ErrorCode INVALID_COINS = sdk(10, "invalid coins");
  public static final ErrorCode OUT_OF_GAS = sdk(11, "out of gas");
  public static final ErrorCode MEMO_TOO_LARGE = sdk(12, "memo too large");
  public static final ErrorCode INSUFFICIENT_FEE = sdk(13, "insufficient fee");
  public static final ErrorCode TOO_MANY_SIGNATURES =
      sdk(14, "maximum number of signatures exceeded");
  public static final ErrorCode NO_SIGNATURES = sdk(15, "no signatures supplied");
  public static final ErrorCode JSON_MARSHAL = sdk(16, "failed to marshal JSON bytes");
  public static final ErrorCode JSON_UNMARSHAL = sdk(17, "failed to unmarshal JSON bytes");
  public static final ErrorCode INVALID_REQUEST = sdk(18, "invalid request");
  public static final ErrorCode TX_IN_MEMPOOL_CACHE = sdk(19, "tx already in mempool");
  public static final ErrorCode MEMPOOL_IS_FULL = sdk(20, "mempool is full");
  public static final ErrorCode TX_TOO_LARGE = sdk(21, "tx too large");
  public static final ErrorCode KEY_NOT_FOUND = sdk(22, "key not found");
  public static final ErrorCode INVALID_SIGNER =
      sdk(24, "tx intended signer does not match the given signer");
  public static final ErrorCode INVALID_HEIGHT = sdk(26, "invalid height");
  public static final ErrorCode INVALID_CHAIN_ID = sdk(28, "invalid chain-id");
  public static final ErrorCode INVALID_TYPE = sdk(29, "invalid type");
  public static final ErrorCode TX_TIMEOUT_HEIGHT = sdk(30, "tx timeout height");
  public static final ErrorCode UNKNOWN_EXTENSION_OPTIONS = sdk(31, "unknown extension options");
  public static final ErrorCode WRONG_SEQUENCE = sdk(32, "incorrect account sequence");
  public static final ErrorCode PACK_ANY = sdk(33, "failed packing protobuf message to Any");
  public static final ErrorCode UNPACK_ANY = sdk(34, "failed unpacking protobuf message from Any");
  public static final ErrorCode LOGIC = sdk(35, "internal logic error");
  public static final ErrorCode CONFLICT = sdk(36, "conflict");
  public static final ErrorCode NOT_SUPPORTED = sdk(37, "feature not supported");
  public static final ErrorCode NOT_FOUND = sdk(38, "not found");
  public static final ErrorCode IO = sdk(39, "Internal IO error");
  public static final ErrorCode INVALID_GAS_LIMIT = sdk(41, "invalid gas limit");

  private static ErrorCode sdk(int code, String description) {
    return new ErrorCode(CODESPACE, code, description);
  }
}
