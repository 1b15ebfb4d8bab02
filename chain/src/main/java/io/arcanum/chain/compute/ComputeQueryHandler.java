package io.arcanum.chain.compute;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.QueryContext;
import io.arcanum.chain.module.QueryHandler;
import io.arcanum.proto.secret.compute.v1beta1.CodeInfo;
import io.arcanum.proto.secret.compute.v1beta1.CodeInfoResponse;
import io.arcanum.proto.secret.compute.v1beta1.ContractInfo;
import io.arcanum.proto.secret.compute.v1beta1.ContractInfoWithAddress;
import io.arcanum.proto.secret.compute.v1beta1.ParamsResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryAuthorizedMigrationRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryAuthorizedMigrationResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryByCodeIdRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryByContractAddressRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryByLabelRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryCodeHashResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryCodeResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryCodesResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractAddressResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractHistoryRequest;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractHistoryResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractInfoResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractLabelResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractsByCodeIdResponse;
import io.arcanum.proto.secret.compute.v1beta1.QuerySecretContractRequest;
import io.arcanum.proto.secret.compute.v1beta1.QuerySecretContractResponse;
import java.util.HexFormat;
import java.util.Set;

/**
 * Secret's compute queries ({@code secret/compute/v1beta1/query.proto}; REST routes in
 * secretjs-api.md §3). Unknown contracts, codes and labels are {@code sdk} 38 "… : not found"; a
 * contract's error in a smart query is {@code compute} 4 {@code "encrypted: <b64>: query contract
 * failed"}, which secret.js decrypts.
 */
final class ComputeQueryHandler implements QueryHandler {
  private static final String PREFIX = "/secret.compute.v1beta1.Query/";
  static final String QUERY_SECRET_CONTRACT = PREFIX + "QuerySecretContract";
  static final String CONTRACT_INFO = PREFIX + "ContractInfo";
  static final String CONTRACTS_BY_CODE_ID = PREFIX + "ContractsByCodeId";
  static final String CODE = PREFIX + "Code";
  static final String CODES = PREFIX + "Codes";
  static final String CODE_HASH_BY_CONTRACT = PREFIX + "CodeHashByContractAddress";
  static final String CODE_HASH_BY_CODE_ID = PREFIX + "CodeHashByCodeId";
  static final String LABEL_BY_ADDRESS = PREFIX + "LabelByAddress";
  static final String ADDRESS_BY_LABEL = PREFIX + "AddressByLabel";
  static final String CONTRACT_HISTORY = PREFIX + "ContractHistory";
  static final String PARAMS = PREFIX + "Params";
  static final String AUTHORIZED_MIGRATION = PREFIX + "AuthorizedMigration";

  private final SmartQueries smart;

  ComputeQueryHandler(SmartQueries smart) {
    this.smart = smart;
  }

  @Override
  public Set<String> paths() {
    return Set.of(
        QUERY_SECRET_CONTRACT,
        CONTRACT_INFO,
        CONTRACTS_BY_CODE_ID,
        CODE,
        CODES,
        CODE_HASH_BY_CONTRACT,
        CODE_HASH_BY_CODE_ID,
        LABEL_BY_ADDRESS,
        ADDRESS_BY_LABEL,
        CONTRACT_HISTORY,
        PARAMS,
        AUTHORIZED_MIGRATION);
  }

  @Override
  public byte[] query(QueryContext context, String path, byte[] request) throws ChainException {
    ComputeState state = new ComputeState(context.store());
    Message response =
        switch (path) {
          case QUERY_SECRET_CONTRACT -> {
            QuerySecretContractRequest req = parse(request, QuerySecretContractRequest.parser());
            byte[] contract = existing(state, req.getContractAddress()).address();
            byte[] data = smart.query(context, contract, req.getQuery().toByteArray());
            yield QuerySecretContractResponse.newBuilder()
                .setData(ByteString.copyFrom(data))
                .build();
          }
          case CONTRACT_INFO -> {
            ContractRef ref = existing(state, address(request));
            yield QueryContractInfoResponse.newBuilder()
                .setContractAddress(ref.bech32())
                .setContractInfo(ref.info())
                .build();
          }
          case CONTRACTS_BY_CODE_ID -> {
            long codeId = parse(request, QueryByCodeIdRequest.parser()).getCodeId();
            QueryContractsByCodeIdResponse.Builder out =
                QueryContractsByCodeIdResponse.newBuilder();
            for (byte[] address : state.contractsByCode(codeId)) {
              ContractInfo info = state.contractInfo(address);
              out.addContractInfos(
                  ContractInfoWithAddress.newBuilder()
                      .setContractAddress(Addresses.bech32(address))
                      .setContractInfo(info));
            }
            yield out.build();
          }
          case CODE -> {
            long codeId = parse(request, QueryByCodeIdRequest.parser()).getCodeId();
            CodeInfo code = code(state, codeId);
            byte[] wasm = state.codeBytes(code.getCodeHash().toByteArray());
            yield QueryCodeResponse.newBuilder()
                .setCodeInfo(codeInfoResponse(codeId, code))
                .setWasm(wasm == null ? ByteString.EMPTY : ByteString.copyFrom(wasm))
                .build();
          }
          case CODES -> {
            QueryCodesResponse.Builder out = QueryCodesResponse.newBuilder();
            for (long codeId : state.codeIds()) {
              out.addCodeInfos(codeInfoResponse(codeId, state.codeInfo(codeId)));
            }
            yield out.build();
          }
          case CODE_HASH_BY_CONTRACT -> codeHash(existing(state, address(request)).codeHash());
          case CODE_HASH_BY_CODE_ID -> {
            long codeId = parse(request, QueryByCodeIdRequest.parser()).getCodeId();
            yield codeHash(code(state, codeId).getCodeHash().toByteArray());
          }
          case LABEL_BY_ADDRESS ->
              QueryContractLabelResponse.newBuilder()
                  .setLabel(existing(state, address(request)).info().getLabel())
                  .build();
          case ADDRESS_BY_LABEL -> {
            String label = parse(request, QueryByLabelRequest.parser()).getLabel();
            byte[] address = state.addressByLabel(label);
            if (address == null) {
              throw SdkErrors.NOT_FOUND.wrap("label \"" + label + "\"");
            }
            yield QueryContractAddressResponse.newBuilder()
                .setContractAddress(Addresses.bech32(address))
                .build();
          }
          case CONTRACT_HISTORY -> {
            String human =
                parse(request, QueryContractHistoryRequest.parser()).getContractAddress();
            ContractRef ref = existing(state, human);
            yield QueryContractHistoryResponse.newBuilder()
                .addAllEntries(state.history(ref.address()))
                .build();
          }
          case PARAMS -> ParamsResponse.newBuilder().setParams(state.params().toProto()).build();
          case AUTHORIZED_MIGRATION -> {
            // No governance in Arcanum: no contract has an authorised migration.
            existing(
                state,
                parse(request, QueryAuthorizedMigrationRequest.parser()).getContractAddress());
            yield QueryAuthorizedMigrationResponse.getDefaultInstance();
          }
          default -> throw SdkErrors.UNKNOWN_REQUEST.wrap("unknown compute query path " + path);
        };
    return response.toByteArray();
  }

  private static String address(byte[] request) throws ChainException {
    return parse(request, QueryByContractAddressRequest.parser()).getContractAddress();
  }

  private static ContractRef existing(ComputeState state, String human) throws ChainException {
    byte[] address = Addresses.parse(human, "contract");
    ContractRef ref = ContractRef.find(state, address);
    if (ref == null) {
      throw SdkErrors.NOT_FOUND.wrap("contract " + human);
    }
    return ref;
  }

  private static CodeInfo code(ComputeState state, long codeId) throws ChainException {
    if (codeId == 0) {
      throw SdkErrors.INVALID_REQUEST.wrap("code_id is required");
    }
    CodeInfo code = state.codeInfo(codeId);
    if (code == null) {
      throw SdkErrors.NOT_FOUND.wrap("code " + codeId);
    }
    return code;
  }

  private static QueryCodeHashResponse codeHash(byte[] hash) {
    return QueryCodeHashResponse.newBuilder().setCodeHash(HexFormat.of().formatHex(hash)).build();
  }

  private static CodeInfoResponse codeInfoResponse(long codeId, CodeInfo code) {
    return CodeInfoResponse.newBuilder()
        .setCodeId(codeId)
        .setCreator(Addresses.bech32(code.getCreator().toByteArray()))
        .setCodeHash(HexFormat.of().formatHex(code.getCodeHash().toByteArray()))
        .setSource(code.getSource())
        .setBuilder(code.getBuilder())
        .build();
  }

  private static <T> T parse(byte[] request, com.google.protobuf.Parser<T> parser)
      throws ChainException {
    try {
      return parser.parseFrom(request == null ? new byte[0] : request);
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrors.INVALID_REQUEST.wrap("cannot decode the request: " + e.getMessage());
    }
  }
}
