package io.arcanum.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;

/**
 * {@code --output text|json}. {@code json} is one compact JSON document per line with stable field
 * names (snake_case, 64-bit numbers as strings as in the node's API), for scripts and {@code jq};
 * {@code text} is the same value as YAML for people (secretcli's default).
 */
public enum OutputFormat {
  TEXT,
  JSON;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Prints {@code value} to {@code out} in this format. */
  public void print(PrintWriter out, JsonNode value) {
    switch (this) {
      case TEXT -> out.print(YamlText.render(value));
      case JSON -> {
        try {
          out.println(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("a JsonNode always serialises", e);
        }
      }
    }
    out.flush();
  }
}
