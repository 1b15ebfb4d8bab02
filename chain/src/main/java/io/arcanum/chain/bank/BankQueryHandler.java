package io.arcanum.chain.bank;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.chain.auth.Addresses;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.QueryContext;
import io.arcanum.chain.module.QueryHandler;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryAllBalancesRequest;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryAllBalancesResponse;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryBalanceRequest;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryBalanceResponse;
import io.arcanum.proto.cosmos.base.query.v1beta1.PageRequest;
import io.arcanum.proto.cosmos.base.query.v1beta1.PageResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The bank module's queries: {@code Balance} (secretjs-api.md §3 E1: an unknown address has a zero
 * balance) and {@code AllBalances} with the SDK's pagination ({@code query.Paginate}: a page starts
 * at {@code key} (the denom) or skips {@code offset}; {@code next_key} is the next page's denom).
 */
public final class BankQueryHandler implements QueryHandler {
  public static final String BALANCE = "/cosmos.bank.v1beta1.Query/Balance";
  public static final String ALL_BALANCES = "/cosmos.bank.v1beta1.Query/AllBalances";

  /** The SDK's {@code query.DefaultLimit}. */
  static final int DEFAULT_LIMIT = 100;

  private final BankKeeper bank;
  private final Addresses addresses;

  public BankQueryHandler(BankKeeper bank, Addresses addresses) {
    this.bank = bank;
    this.addresses = addresses;
  }

  @Override
  public Set<String> paths() {
    return Set.of(BALANCE, ALL_BALANCES);
  }

  @Override
  public byte[] query(QueryContext context, String path, byte[] request) throws ChainException {
    try {
      return switch (path) {
        case BALANCE -> balance(context, QueryBalanceRequest.parseFrom(request));
        case ALL_BALANCES -> allBalances(context, QueryAllBalancesRequest.parseFrom(request));
        default -> throw SdkErrors.UNKNOWN_REQUEST.wrap("unknown query path " + path);
      };
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrors.INVALID_REQUEST.wrap("malformed " + path + " request: " + e.getMessage());
    }
  }

  private byte[] balance(QueryContext context, QueryBalanceRequest request) throws ChainException {
    Coin probe;
    try {
      probe = new Coin(request.getDenom(), java.math.BigInteger.ZERO);
    } catch (IllegalArgumentException e) {
      throw SdkErrors.INVALID_REQUEST.wrap("invalid denom: " + request.getDenom());
    }
    byte[] address = addresses.parse(request.getAddress(), "address");
    Coin balance = bank.balance(context.store(), address, probe.denom());
    return QueryBalanceResponse.newBuilder()
        .setBalance(Coins.toProto(balance))
        .build()
        .toByteArray();
  }

  private byte[] allBalances(QueryContext context, QueryAllBalancesRequest request)
      throws ChainException {
    byte[] address = addresses.parse(request.getAddress(), "address");
    List<Coin> all = bank.balances(context.store(), address);
    PageRequest page = request.getPagination();
    if (!page.getKey().isEmpty() && page.getOffset() > 0) {
      throw SdkErrors.INVALID_REQUEST.wrap("either offset or key is expected, got both");
    }
    List<Coin> ordered = new ArrayList<>(all);
    if (page.getReverse()) {
      java.util.Collections.reverse(ordered);
    }
    int start = 0;
    if (!page.getKey().isEmpty()) {
      String key = page.getKey().toString(StandardCharsets.US_ASCII);
      while (start < ordered.size()
          && (page.getReverse()
              ? ordered.get(start).denom().compareTo(key) > 0
              : ordered.get(start).denom().compareTo(key) < 0)) {
        start++;
      }
    } else {
      start = (int) Math.min(page.getOffset(), ordered.size());
    }
    long limit = page.getLimit() == 0 ? DEFAULT_LIMIT : page.getLimit();
    int end = (int) Math.min(ordered.size(), start + limit);
    QueryAllBalancesResponse.Builder out = QueryAllBalancesResponse.newBuilder();
    for (Coin coin : ordered.subList(start, end)) {
      out.addBalances(Coins.toProto(coin));
    }
    PageResponse.Builder pageResponse = PageResponse.newBuilder();
    if (end < ordered.size()) {
      pageResponse.setNextKey(
          ByteString.copyFrom(ordered.get(end).denom(), StandardCharsets.US_ASCII));
    }
    if (page.getKey().isEmpty() && (page.getCountTotal() || !request.hasPagination())) {
      pageResponse.setTotal(ordered.size());
    }
    return out.setPagination(pageResponse).build().toByteArray();
  }
}
