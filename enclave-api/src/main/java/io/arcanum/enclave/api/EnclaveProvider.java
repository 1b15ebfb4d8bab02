package io.arcanum.enclave.api;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The enclave implementation as the untrusted side finds it at run time: the node compiles against
 * {@code enclave-api} only and gets the trusted module through {@link ServiceLoader} (the {@code
 * enclave} jar registers one in {@code META-INF/services}), so it never links to enclave classes.
 *
 * <p>{@link #open} takes exactly the arguments the enclave process takes ({@code --platform-secret
 * <file>} and {@link EnclaveConfig#toArguments()}), so one configuration opens the enclave in this
 * JVM or in a child JVM ({@link EnclaveLauncher}).
 */
public interface EnclaveProvider {

  /**
   * Opens the enclave in this JVM; it unseals its keychain through {@code host} if there is one.
   *
   * @param arguments {@code [--platform-secret <file>]} followed by {@link
   *     EnclaveConfig#toArguments()}
   * @throws EnclaveException INVALID_INPUT for unknown or malformed arguments,
   *     SEALED_DATA_REJECTED/STORAGE_FAILURE as the enclave refuses to open
   */
  Enclave open(EnclaveHost host, List<String> arguments) throws EnclaveException;

  /**
   * The simulated SGX platform kept in {@code directory} (protocol.md §14 item 3a): opened, or
   * created with a new development root and machine on first use. A node writes its root
   * fingerprint into genesis and its machine id into the allow list.
   *
   * @throws EnclaveException STORAGE_FAILURE if the files cannot be read or created, or do not
   *     belong together
   */
  SimulatedPlatformInfo openSimulatedPlatform(Path directory) throws EnclaveException;

  /** The measurement (Arcanum's MRENCLAVE) of the enclave build this provider opens. */
  byte[] measurement();

  /**
   * The provider on the class path.
   *
   * @throws EnclaveException ENCLAVE_UNAVAILABLE if there is none (the {@code enclave} jar is
   *     missing) or more than one
   */
  static EnclaveProvider load() throws EnclaveException {
    List<EnclaveProvider> found =
        ServiceLoader.load(EnclaveProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    if (found.size() != 1) {
      throw new EnclaveException(
          EnclaveException.Reason.ENCLAVE_UNAVAILABLE,
          found.isEmpty()
              ? "no enclave implementation on the class path (the arcanum-enclave jar is missing)"
              : "more than one enclave implementation on the class path: "
                  + found.stream().map(p -> p.getClass().getName()).toList());
    }
    return found.get(0);
  }
}
