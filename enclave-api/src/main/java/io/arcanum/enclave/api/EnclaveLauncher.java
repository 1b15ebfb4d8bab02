package io.arcanum.enclave.api;

import io.arcanum.enclave.api.process.EnclaveProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Opens the enclave where the node's configuration says ({@link EnclaveMode}), from one set of
 * arguments: {@code --platform-secret <file>} and {@link EnclaveConfig#toArguments()}. In-process
 * they go to the {@link EnclaveProvider} on the class path; for a child process to {@link
 * EnclaveProcess#start}, whose main class reads the same arguments.
 */
public final class EnclaveLauncher {
  private EnclaveLauncher() {}

  /** The arguments both modes take. */
  public static List<String> arguments(Path platformSecret, EnclaveConfig config) {
    List<String> out = new ArrayList<>();
    out.add("--platform-secret");
    out.add(platformSecret.toString());
    out.addAll(config.toArguments());
    return out;
  }

  /**
   * Opens the enclave with the default child-process options (this JVM's {@code java} and class
   * path).
   *
   * @param platformSecret the simulated platform's sealing secret file (created on first use)
   */
  public static Enclave open(
      EnclaveMode mode, EnclaveHost host, Path platformSecret, EnclaveConfig config)
      throws EnclaveException {
    return open(mode, host, platformSecret, config, EnclaveProcess.Options.defaults());
  }

  /**
   * Opens the enclave; {@code processOptions} (timeouts, class path, output) apply to {@link
   * EnclaveMode#PROCESS} only, and their platform secret and arguments are replaced by these.
   *
   * @throws EnclaveException as {@link EnclaveProvider#open} or {@link EnclaveProcess#start}
   */
  public static Enclave open(
      EnclaveMode mode,
      EnclaveHost host,
      Path platformSecret,
      EnclaveConfig config,
      EnclaveProcess.Options processOptions)
      throws EnclaveException {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(platformSecret, "platformSecret");
    Objects.requireNonNull(config, "config");
    return switch (mode) {
      case IN_PROCESS -> EnclaveProvider.load().open(host, arguments(platformSecret, config));
      case PROCESS ->
          EnclaveProcess.start(
              host,
              processOptions
                  .withPlatformSecret(platformSecret)
                  .withArguments(config.toArguments()));
    };
  }
}
