package io.arcanum.chain.auth;

import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.QueryContext;
import io.arcanum.chain.module.QueryHandler;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryAccountRequest;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryAccountResponse;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryParamsRequest;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryParamsResponse;
import java.util.Set;

/**
 * The auth module's queries: {@code Account} (secretjs reads the account number and sequence from
 * it before each tx, secretjs-api.md §3 E2) and {@code Params}.
 */
public final class AuthQueryHandler implements QueryHandler {
  public static final String ACCOUNT = "/cosmos.auth.v1beta1.Query/Account";
  public static final String PARAMS = "/cosmos.auth.v1beta1.Query/Params";

  private final AccountKeeper accounts;

  public AuthQueryHandler(AccountKeeper accounts) {
    this.accounts = accounts;
  }

  @Override
  public Set<String> paths() {
    return Set.of(ACCOUNT, PARAMS);
  }

  @Override
  public byte[] query(QueryContext context, String path, byte[] request) throws ChainException {
    try {
      return switch (path) {
        case ACCOUNT -> account(context, QueryAccountRequest.parseFrom(request));
        case PARAMS -> {
          QueryParamsRequest.parseFrom(request);
          yield QueryParamsResponse.newBuilder()
              .setParams(accounts.params(context.store()).toProto())
              .build()
              .toByteArray();
        }
        default -> throw SdkErrors.UNKNOWN_REQUEST.wrap("unknown query path " + path);
      };
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrors.INVALID_REQUEST.wrap("malformed " + path + " request: " + e.getMessage());
    }
  }

  private byte[] account(QueryContext context, QueryAccountRequest request) throws ChainException {
    if (request.getAddress().isEmpty()) {
      throw SdkErrors.INVALID_REQUEST.wrap("Address cannot be empty");
    }
    byte[] address = accounts.addresses().parse(request.getAddress(), "address");
    Account account = accounts.get(context.store(), address);
    if (account == null) {
      // The gateway answers 404 {"code":5,"message":"account secret1… not found"} (§3 E2).
      throw SdkErrors.NOT_FOUND.wrap("account " + request.getAddress() + " not found");
    }
    return QueryAccountResponse.newBuilder()
        .setAccount(account.toAny(accounts.addresses().prefix()))
        .build()
        .toByteArray();
  }
}
