package io.arcanum.node.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validator key file: CometBFT's shape, private, checked when read. */
class NodeKeyTest {
  @TempDir Path dir;

  @Test
  void aWrittenKeyReadsBackPrivatelyAndIsNeverOverwritten() throws Exception {
    Path file = dir.resolve("node_key.json");
    try (NodeKey key = NodeKey.generate(new SecureRandom())) {
      key.write(file);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      try (NodeKey read = NodeKey.read(file)) {
        assertThat(read.publicKey()).isEqualTo(key.publicKey());
        assertThat(read.address()).isEqualTo(key.address()).hasSize(40).isUpperCase();
      }
      assertThatThrownBy(() -> key.write(file)).hasMessageContaining("never overwritten");
      String secret =
          Files.readString(file)
              .replaceAll("(?s).*\"priv_key\".*?\"value\" : \"([^\"]+)\".*", "$1");
      assertThat(Base64.getDecoder().decode(secret)).hasSize(64);
      assertThat(key.toString()).doesNotContain(secret).contains(key.address());
    }
  }

  @Test
  void aKeyFileWhosePartsDoNotBelongTogetherIsRefused() throws Exception {
    Path file = dir.resolve("node_key.json");
    try (NodeKey key = NodeKey.generate(new SecureRandom());
        NodeKey other = NodeKey.generate(new SecureRandom())) {
      key.write(file);
      Files.writeString(file, Files.readString(file).replace(key.address(), other.address()));
      assertThatThrownBy(() -> NodeKey.read(file))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("does not belong to the private key")
          .hasMessageNotContaining(key.publicKey().toString());
    }
  }
}
