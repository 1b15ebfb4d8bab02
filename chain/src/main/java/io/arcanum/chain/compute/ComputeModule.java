package io.arcanum.chain.compute;

import io.arcanum.chain.auth.Accounts;
import io.arcanum.chain.bank.Bank;
import io.arcanum.chain.module.GenesisHandler;
import io.arcanum.chain.module.MessageHandler;
import io.arcanum.chain.module.QueryHandler;
import io.arcanum.enclave.api.Enclave;
import java.util.Objects;

/**
 * Secret's compute module: contracts stored, instantiated, executed and queried through the
 * enclave. The host must exist before the enclave (the enclave keeps it), so the app wires:
 *
 * <pre>{@code
 * ComputeHost host = new ComputeHost(new DirectorySealedStorage(home.resolve("sealed")));
 * Enclave enclave = new InProcessEnclave(host, platform, measurement, random, config);
 * ComputeModule compute = new ComputeModule(enclave, host, bank, accounts);
 * app.register(compute.messageHandler(), compute.queryHandler(), compute.genesisHandler());
 * }</pre>
 *
 * Params live in state (genesis, {@link ComputeParams#DEFAULT} if absent). See docs/compute.md.
 */
public final class ComputeModule {
  private final ComputeHost host;
  private final ComputeMsgHandler messages;
  private final ComputeQueryHandler queries;
  private final ComputeGenesis genesis = new ComputeGenesis();

  /**
   * @param enclave the enclave, opened with {@code host} as its {@code EnclaveHost}
   * @param host the host the enclave makes its OCALLs to
   * @param bank moves funds sent with calls and answers contracts' bank queries
   * @param accounts creates contract accounts
   */
  public ComputeModule(Enclave enclave, ComputeHost host, Bank bank, Accounts accounts) {
    Objects.requireNonNull(enclave, "enclave");
    this.host = Objects.requireNonNull(host, "host");
    Objects.requireNonNull(bank, "bank");
    Objects.requireNonNull(accounts, "accounts");
    EnclaveCalls calls = new EnclaveCalls(enclave, host);
    SmartQueries smart = new SmartQueries(enclave, host);
    host.answerQueriesWith(new ChainQueryAnswers(host, smart, bank));
    this.messages = new ComputeMsgHandler(new Contracts(calls, bank, accounts));
    this.queries = new ComputeQueryHandler(smart);
  }

  /** MsgStoreCode, MsgInstantiateContract, MsgExecuteContract, MsgMigrateContract, admin msgs. */
  public MessageHandler messageHandler() {
    return messages;
  }

  /** The {@code /secret.compute.v1beta1.Query/*} methods. */
  public QueryHandler queryHandler() {
    return queries;
  }

  /** The {@code compute} genesis section. */
  public GenesisHandler genesisHandler() {
    return genesis;
  }

  public ComputeHost host() {
    return host;
  }
}
