package io.arcanum.chain.gas;

import io.arcanum.chain.state.KvStore;

/** Charges each access to the store below it, the SDK's {@code gaskv} store. */
public final class GasKvStore implements KvStore {
  private final KvStore parent;
  private final GasMeter gas;
  private final GasConfig prices;

  public GasKvStore(KvStore parent, GasMeter gas, GasConfig prices) {
    this.parent = parent;
    this.gas = gas;
    this.prices = prices;
  }

  @Override
  public byte[] get(byte[] key) {
    gas.consume(prices.readCostFlat(), "ReadFlat");
    byte[] value = parent.get(key);
    gas.consume(prices.readCostPerByte() * key.length, "ReadPerByte");
    if (value != null) {
      gas.consume(prices.readCostPerByte() * value.length, "ReadPerByte");
    }
    return value;
  }

  @Override
  public boolean has(byte[] key) {
    gas.consume(prices.hasCost(), "Has");
    return parent.has(key);
  }

  @Override
  public void set(byte[] key, byte[] value) {
    gas.consume(prices.writeCostFlat(), "WriteFlat");
    gas.consume(prices.writeCostPerByte() * key.length, "WritePerByte");
    gas.consume(prices.writeCostPerByte() * value.length, "WritePerByte");
    parent.set(key, value);
  }

  @Override
  public void delete(byte[] key) {
    gas.consume(prices.deleteCost(), "Delete");
    parent.delete(key);
  }

  @Override
  public void scan(byte[] from, byte[] to, boolean descending, Visitor visitor) {
    parent.scan(
        from,
        to,
        descending,
        (key, value) -> {
          gas.consume(prices.iterNextCostFlat(), "IterNextFlat");
          gas.consume(prices.readCostPerByte() * (key.length + value.length), "ValuePerByte");
          return visitor.visit(key, value);
        });
  }
}
