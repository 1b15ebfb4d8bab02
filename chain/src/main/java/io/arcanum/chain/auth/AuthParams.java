package io.arcanum.chain.auth;

import io.arcanum.proto.cosmos.auth.v1beta1.Params;

/**
 * The auth module's parameters ({@code cosmos.auth.v1beta1.Params}), read by the ante handler from
 * state so a genesis can change them. Defaults are the SDK's ({@code x/auth/types/params.go}).
 */
public record AuthParams(
    long maxMemoCharacters,
    long txSigLimit,
    long txSizeCostPerByte,
    long sigVerifyCostEd25519,
    long sigVerifyCostSecp256k1) {

  public static final AuthParams DEFAULT = new AuthParams(256, 7, 10, 590, 1000);

  public AuthParams {
    if (maxMemoCharacters <= 0
        || txSigLimit <= 0
        || txSizeCostPerByte <= 0
        || sigVerifyCostEd25519 <= 0
        || sigVerifyCostSecp256k1 <= 0) {
      throw new IllegalArgumentException("auth params must all be positive: " + this);
    }
  }

  public Params toProto() {
    return Params.newBuilder()
        .setMaxMemoCharacters(maxMemoCharacters)
        .setTxSigLimit(txSigLimit)
        .setTxSizeCostPerByte(txSizeCostPerByte)
        .setSigVerifyCostEd25519(sigVerifyCostEd25519)
        .setSigVerifyCostSecp256K1(sigVerifyCostSecp256k1)
        .build();
  }

  /**
   * @throws IllegalArgumentException if a parameter is zero (or above 2^63-1)
   */
  public static AuthParams fromProto(Params p) {
    return new AuthParams(
        p.getMaxMemoCharacters(),
        p.getTxSigLimit(),
        p.getTxSizeCostPerByte(),
        p.getSigVerifyCostEd25519(),
        p.getSigVerifyCostSecp256K1());
  }
}
