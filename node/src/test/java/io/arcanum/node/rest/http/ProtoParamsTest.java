package io.arcanum.node.rest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryAllBalancesRequest;
import io.arcanum.proto.cosmos.tx.v1beta1.GetTxsEventRequest;
import io.arcanum.proto.cosmos.tx.v1beta1.OrderBy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Path and query parameters fill request messages as grpc-gateway's query-parameter rules do. */
class ProtoParamsTest {

  static RestRequest request(String rawQuery, Map<String, String> path) {
    return new RestRequest("GET", "/x", path, RestRequest.parseQuery(rawQuery), Map.of(), null);
  }

  @Test
  void nestedFieldsByProtoOrJsonNameBytesBooleansAndPathParams() {
    QueryAllBalancesRequest.Builder b = QueryAllBalancesRequest.newBuilder();

    ProtoParams.populate(
        b,
        request(
            "pagination.key=dXNjcnQ%3D&pagination.countTotal=true&pagination.limit=7"
                + "&resolve_denom=1&address=ignored&colour=red",
            Map.of("address", "secret1xyz")));

    assertThat(b.build())
        .isEqualTo(
            QueryAllBalancesRequest.newBuilder()
                .setAddress("secret1xyz")
                .setResolveDenom(true)
                .setPagination(
                    b.getPagination().toBuilder()
                        .setKey(ByteString.copyFromUtf8("uscrt"))
                        .setCountTotal(true)
                        .setLimit(7))
                .build());
  }

  @Test
  void repeatedFieldsTakeEveryValueAndEnumsTheirNameOrNumber() {
    GetTxsEventRequest.Builder b = GetTxsEventRequest.newBuilder();

    ProtoParams.populate(
        b, request("events=a.b%3D%271%27&events=tx.height%3D3&order_by=2&page=4", Map.of()));

    assertThat(b.getEventsList()).isEqualTo(List.of("a.b='1'", "tx.height=3"));
    assertThat(b.getOrderBy()).isEqualTo(OrderBy.ORDER_BY_DESC);
    assertThat(b.getPage()).isEqualTo(4);
    ProtoParams.set(b, "order_by", "ORDER_BY_ASC");
    assertThat(b.getOrderBy()).isEqualTo(OrderBy.ORDER_BY_ASC);
  }

  @Test
  void aSpaceInBase64IsTheUnencodedPlusAndUrlSafeBase64IsAccepted() {
    QueryAllBalancesRequest.Builder b = QueryAllBalancesRequest.newBuilder();

    ProtoParams.set(b, "pagination.key", "+/8=".replace('+', ' '));
    assertThat(b.getPagination().getKey().toByteArray()).containsExactly(0xfb, 0xff);
    ProtoParams.set(b, "pagination.key", "-_8");
    assertThat(b.getPagination().getKey().toByteArray()).containsExactly(0xfb, 0xff);
  }

  @Test
  void valuesThatDoNotFitAreRefusedNamingTheParameter() {
    GetTxsEventRequest.Builder b = GetTxsEventRequest.newBuilder();

    assertThatThrownBy(() -> ProtoParams.set(b, "page", "18446744073709551616"))
        .isInstanceOf(ApiException.class)
        .hasMessage("invalid page \"18446744073709551616\": expected an unsigned 64-bit integer");
    assertThatThrownBy(() -> ProtoParams.set(b, "order_by", "SIDEWAYS"))
        .hasMessage(
            "invalid order_by \"SIDEWAYS\": expected one of [ORDER_BY_UNSPECIFIED, ORDER_BY_ASC,"
                + " ORDER_BY_DESC]");
    assertThatThrownBy(() -> ProtoParams.set(b, "pagination.count_total", "yes"))
        .hasMessage("invalid pagination.count_total \"yes\": expected true or false");
    ProtoParams.set(b, "page", "18446744073709551615");
    assertThat(b.getPage()).isEqualTo(-1L); // uint64 max, as Java holds it
  }
}
