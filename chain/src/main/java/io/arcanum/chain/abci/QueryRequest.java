package io.arcanum.chain.abci;

/**
 * A state query ({@code RequestQuery}): a gRPC method path such as {@code
 * /cosmos.bank.v1beta1.Query/Balance} with the encoded request message.
 *
 * @param height the height to answer at; 0 for the latest committed
 * @param prove whether to attach a Merkle proof (raw store queries only)
 */
public record QueryRequest(String path, byte[] data, long height, boolean prove) {
  public QueryRequest {
    data = data == null ? new byte[0] : data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
