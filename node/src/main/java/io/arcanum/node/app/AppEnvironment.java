package io.arcanum.node.app;

import io.arcanum.chain.app.Genesis;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.node.enclave.EnclaveHostRouter;
import io.arcanum.node.home.NodeConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything the application is built from, and nothing else.
 *
 * @param dataDirectory where the application keeps its state (its RocksDB store); it exists
 * @param genesis the checked genesis (its registration section too); the application applies {@code
 *     app_state} on first start
 * @param config the node's settings (chain id, address prefix, minimum gas price)
 * @param enclave this node's open enclave, holding the network's seeds; the node closes it after
 *     the application
 * @param enclaveHost where the enclave's OCALLs go: the application {@link
 *     EnclaveHostRouter#connect connects} its contract state, code and chain queries here
 */
public record AppEnvironment(
    Path dataDirectory,
    Genesis genesis,
    NodeConfig config,
    Enclave enclave,
    EnclaveHostRouter enclaveHost) {
  public AppEnvironment {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(genesis, "genesis");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(enclave, "enclave");
    Objects.requireNonNull(enclaveHost, "enclaveHost");
  }
}
