package io.arcanum.chain.gas;

/**
 * A tx consumed more gas than its limit; the SDK reports it as code 11 with {@code "out of gas in
 * location: <descriptor>; gasWanted: <limit>, gasUsed: <used>: out of gas"}.
 */
public final class OutOfGasException extends RuntimeException {
  private final String descriptor;
  private final long limit;
  private final long wanted;

  public OutOfGasException(String descriptor, long limit, long wanted) {
    super(
        "out of gas in location: " + descriptor + "; gasWanted: " + limit + ", gasUsed: " + wanted);
    this.descriptor = descriptor;
    this.limit = limit;
    this.wanted = wanted;
  }

  public String descriptor() {
    return descriptor;
  }

  public long limit() {
    return limit;
  }

  public long wanted() {
    return wanted;
  }
}
