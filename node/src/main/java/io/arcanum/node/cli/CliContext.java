package io.arcanum.node.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * What every CLI command needs from its surroundings, passed in so tests can run the commands
 * in-process with their own streams and home.
 *
 * @param terminal standard streams and whether a person is at them
 * @param random randomness for new mnemonics and sealing
 * @param userHome where {@code ~/.arcanum} lives unless {@code --home} says otherwise
 */
public record CliContext(Terminal terminal, SecureRandom random, Path userHome) {
  public CliContext {
    Objects.requireNonNull(terminal, "terminal");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(userHome, "userHome");
  }

  /** The real process: system streams, a strong random source, {@code user.home}. */
  public static CliContext system() {
    return new CliContext(
        Terminal.system(), new SecureRandom(), Path.of(System.getProperty("user.home")));
  }

  /** The CLI's default home, {@code ~/.arcanum} (the keyring lives in it, as in secretd's). */
  public Path defaultHome() {
    return userHome.resolve(".arcanum");
  }
}
