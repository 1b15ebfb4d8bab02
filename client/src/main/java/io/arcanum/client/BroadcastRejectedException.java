package io.arcanum.client;

/**
 * The node refused a tx at CheckTx (secretjs-api.md §3 E6): nothing happened on chain, not even the
 * fee. Typical codes (codespace {@code sdk}): 32 account sequence mismatch, 4 signature
 * verification failed, 13 insufficient fee, 5 insufficient funds, 19 tx already in the mempool.
 */
public final class BroadcastRejectedException extends SecretNetworkException {
  private static final long serialVersionUID = 1L;

  private final String txhash;
  private final int code;
  private final String codespace;
  private final String rawLog;

  public BroadcastRejectedException(String txhash, int code, String codespace, String rawLog) {
    // secret.js's wording
    super(
        "Broadcasting transaction "
            + txhash
            + " failed with code "
            + code
            + " (codespace: "
            + codespace
            + "). Log: "
            + rawLog);
    this.txhash = txhash;
    this.code = code;
    this.codespace = codespace;
    this.rawLog = rawLog;
  }

  public String txhash() {
    return txhash;
  }

  public int code() {
    return code;
  }

  public String codespace() {
    return codespace;
  }

  public String rawLog() {
    return rawLog;
  }
}
