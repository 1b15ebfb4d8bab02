package io.arcanum.crypto.bech32;

import java.util.Arrays;
import java.util.Objects;

/**
 * A decoded bech32 string: the lower-case human-readable part and the data as 5-bit values (one
 * byte each, 0..31), checksum removed.
 *
 * @param hrp human-readable part, e.g. "secret"
 * @param data 5-bit groups, not yet regrouped into bytes
 */
public record Bech32Data(String hrp, byte[] data) {
  public Bech32Data {
    Objects.requireNonNull(hrp, "hrp");
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The data regrouped into bytes (the usual payload), with BIP-173 padding rules enforced. */
  public byte[] bytes() {
    return Bech32.convertBits(data, 5, 8, false);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bech32Data that
        && hrp.equals(that.hrp)
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return 31 * hrp.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Bech32Data[hrp=" + hrp + ", " + data.length + " groups]";
  }
}
