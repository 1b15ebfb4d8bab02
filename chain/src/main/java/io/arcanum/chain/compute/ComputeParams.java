package io.arcanum.chain.compute;

import io.arcanum.proto.secret.compute.v1beta1.Params;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The compute module's parameters (Secret's {@code x/compute/internal/types/params.go}).
 *
 * @param compileCost SDK gas per byte of inflated wasm charged by MsgStoreCode (Secret: 0.8)
 * @param maxContractSize the largest inflated wasm MsgStoreCode accepts (Secret: 2 MiB)
 */
public record ComputeParams(BigDecimal compileCost, long maxContractSize) {
  /** Secret's defaults. */
  public static final ComputeParams DEFAULT = new ComputeParams(new BigDecimal("0.8"), 2L << 20);

  public ComputeParams {
    Objects.requireNonNull(compileCost, "compileCost");
    if (compileCost.signum() < 0) {
      throw new IllegalArgumentException("compile_cost must not be negative: " + compileCost);
    }
    if (compileCost.stripTrailingZeros().scale() > 18) {
      throw new IllegalArgumentException("compile_cost has more than 18 decimals: " + compileCost);
    }
    if (maxContractSize <= 0 || maxContractSize > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("max_contract_size out of range: " + maxContractSize);
    }
  }

  /** The SDK gas of compiling {@code wasmBytes} bytes: compile cost × length, truncated. */
  public long compileGas(long wasmBytes) {
    return compileCost
        .multiply(BigDecimal.valueOf(wasmBytes))
        .setScale(0, RoundingMode.DOWN)
        .longValueExact();
  }

  /** The params as stored and queried; compile_cost as an 18-decimal {@code sdk.Dec} string. */
  public Params toProto() {
    return Params.newBuilder()
        .setCompileCost(compileCost.setScale(18, RoundingMode.UNNECESSARY).toPlainString())
        .setMaxContractSize(maxContractSize)
        .build();
  }

  /**
   * @throws IllegalArgumentException naming the field that is invalid
   */
  public static ComputeParams fromProto(Params params) {
    BigDecimal cost;
    try {
      cost = new BigDecimal(params.getCompileCost());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "compile_cost is not a decimal: \"" + params.getCompileCost() + "\"");
    }
    return new ComputeParams(cost, params.getMaxContractSize());
  }
}
