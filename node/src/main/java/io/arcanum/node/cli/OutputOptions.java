package io.arcanum.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Option;

/** {@code -o, --output text|json}. */
public final class OutputOptions {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "text|json",
      defaultValue = "text",
      description =
          "text (YAML for people) or json (one line for scripts) (default: ${DEFAULT-VALUE})")
  OutputFormat format;

  public OutputFormat format() {
    return format;
  }

  public boolean json() {
    return format == OutputFormat.JSON;
  }

  /** Prints {@code value} to the terminal's standard output in the chosen format. */
  public void print(Terminal terminal, JsonNode value) {
    format.print(terminal.out(), value);
  }
}
