package io.arcanum.chain.compute;

import static io.arcanum.chain.compute.ComputeTestChain.A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.chain.errors.ChainException;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.ParamsRequest;
import io.arcanum.proto.secret.compute.v1beta1.ParamsResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryAuthorizedMigrationRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryAuthorizedMigrationResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryByCodeIdRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryByContractAddressRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryByLabelRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractAddressResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractLabelResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractsByCodeIdResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compute module's metadata queries (query.proto) and their not-found errors. */
class MetadataQueriesTest {

  @Test
  void labelsAddressesCodesAndParamsAreQueryable() throws Exception {
    try (ComputeTestChain chain = new ComputeTestChain()) {
      byte[] wasm = ComputeTestChain.contractWasm("counter");
      byte[] hash = CodeHash.of(wasm).bytes();
      chain.storeOk(wasm);
      List<String> addresses = new java.util.ArrayList<>();
      for (String label : List.of("first", "second")) {
        addresses.add(
            chain
                .instantiate(A, 1, label, chain.encrypt(hash, "{\"count\":1}"), List.of(), "")
                .response(MsgInstantiateContractResponse.class)
                .getAddress());
      }
      assertThat(addresses.get(1))
          .isEqualTo(Addresses.bech32(Addresses.contract(1, 2, ComputeTestChain.ALICE)));

      assertThat(
              QueryContractAddressResponse.parseFrom(
                      chain.query(
                          ComputeQueryHandler.ADDRESS_BY_LABEL,
                          QueryByLabelRequest.newBuilder().setLabel("second").build()))
                  .getContractAddress())
          .isEqualTo(addresses.get(1));
      assertThat(
              QueryContractLabelResponse.parseFrom(
                      chain.query(
                          ComputeQueryHandler.LABEL_BY_ADDRESS,
                          QueryByContractAddressRequest.newBuilder()
                              .setContractAddress(addresses.get(0))
                              .build()))
                  .getLabel())
          .isEqualTo("first");
      assertThat(
              QueryContractsByCodeIdResponse.parseFrom(
                      chain.query(
                          ComputeQueryHandler.CONTRACTS_BY_CODE_ID,
                          QueryByCodeIdRequest.newBuilder().setCodeId(1).build()))
                  .getContractInfosList())
          .extracting(c -> c.getContractAddress())
          .containsExactlyInAnyOrderElementsOf(addresses);
      assertThat(
              ParamsResponse.parseFrom(
                      chain.query(ComputeQueryHandler.PARAMS, ParamsRequest.getDefaultInstance()))
                  .getParams()
                  .getMaxContractSize())
          .isEqualTo(2 << 20);
      assertThat(
              QueryAuthorizedMigrationResponse.parseFrom(
                      chain.query(
                          ComputeQueryHandler.AUTHORIZED_MIGRATION,
                          QueryAuthorizedMigrationRequest.newBuilder()
                              .setContractAddress(addresses.get(0))
                              .build()))
                  .getNewCodeId())
          .isZero();

      assertThatThrownBy(
              () ->
                  chain.query(
                      ComputeQueryHandler.ADDRESS_BY_LABEL,
                      QueryByLabelRequest.newBuilder().setLabel("third").build()))
          .hasMessage("label \"third\": not found");
      assertThatThrownBy(
              () ->
                  chain.query(
                      ComputeQueryHandler.CODE_HASH_BY_CODE_ID,
                      QueryByCodeIdRequest.newBuilder().setCodeId(4).build()))
          .isInstanceOfSatisfying(ChainException.class, e -> assertThat(e.code()).isEqualTo(38))
          .hasMessage("code 4: not found");
      assertThatThrownBy(
              () ->
                  chain.query(
                      ComputeQueryHandler.LABEL_BY_ADDRESS,
                      QueryByContractAddressRequest.newBuilder()
                          .setContractAddress("secret1nope")
                          .build()))
          .isInstanceOfSatisfying(ChainException.class, e -> assertThat(e.code()).isEqualTo(7));
      assertThatThrownBy(
              () ->
                  chain
                      .compute
                      .queryHandler()
                      .query(
                          chain.queryContext(), ComputeQueryHandler.CODE, new byte[] {(byte) 0xff}))
          .hasMessageStartingWith("cannot decode the request");
    }
  }
}
