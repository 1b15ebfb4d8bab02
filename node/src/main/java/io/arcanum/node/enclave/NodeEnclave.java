package io.arcanum.node.enclave;

import io.arcanum.enclave.api.DirectorySealedStorage;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveConfig;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveLauncher;
import io.arcanum.enclave.api.process.EnclaveProcess;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a home's enclave where {@code node.json} says ({@code enclave_mode}), with the home's
 * sealed files, platform secret and simulated platform, and the trust settings from genesis.
 */
public final class NodeEnclave {
  /**
   * One-line records for what logs through {@code java.util.logging} ({@code System.Logger}: the
   * enclave, in this JVM and in the enclave process), in the shape of the node's logback lines.
   */
  public static final String JUL_FORMAT = "%1$tH:%1$tM:%1$tS.%1$tL %4$-5s %3$s - %5$s%6$s%n";

  private NodeEnclave() {}

  /** The enclave's config for this home: genesis's trust settings, this home's platform. */
  public static EnclaveConfig config(
      NodeHome home, NodeConfig config, io.arcanum.chain.registration.RegistrationGenesis trust) {
    return trust.enclaveConfig(config.bech32Prefix(), home.simulatedPlatformDir().toString());
  }

  /**
   * @param router where the enclave's OCALLs go; sealed storage is {@code home}'s {@code
   *     enclave/sealed}
   * @throws EnclaveException SEALED_DATA_REJECTED if the keychain was sealed by another enclave
   *     build or machine, ENCLAVE_UNAVAILABLE if the enclave cannot be found or started
   */
  public static Enclave open(
      NodeHome home, NodeConfig config, EnclaveConfig enclaveConfig, EnclaveHostRouter router)
      throws EnclaveException {
    List<String> jvm = new ArrayList<>(EnclaveProcess.Options.DEFAULT_JVM_OPTIONS);
    jvm.add("-Djava.util.logging.SimpleFormatter.format=" + JUL_FORMAT);
    EnclaveProcess.Options options = EnclaveProcess.Options.defaults().withJvmOptions(jvm);
    return EnclaveLauncher.open(
        config.enclaveMode(), router, home.platformSecretFile(), enclaveConfig, options);
  }

  /** A router whose sealed storage is {@code home}'s {@code enclave/sealed}. */
  public static EnclaveHostRouter router(NodeHome home) throws IOException {
    return new EnclaveHostRouter(new DirectorySealedStorage(home.sealedDir()));
  }
}
