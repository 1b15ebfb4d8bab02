package io.arcanum.enclave.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySealedStorageTest {

  @Test
  void writesReplaceAndReadBack(@TempDir Path dir) throws Exception {
    DirectorySealedStorage storage = new DirectorySealedStorage(dir.resolve("sealed"));
    assertThat(storage.read("keychain.sealed")).isEmpty();
    storage.write("keychain.sealed", new byte[] {1, 2});
    storage.write("keychain.sealed", new byte[] {3});
    assertThat(storage.read("keychain.sealed"))
        .hasValueSatisfying(b -> assertThat(b).containsExactly(3));
    try (var files = Files.list(dir.resolve("sealed"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keychain.sealed");
    }
  }

  @Test
  void namesThatLeaveTheDirectoryAreRefused(@TempDir Path dir) throws Exception {
    DirectorySealedStorage storage = new DirectorySealedStorage(dir);
    for (String name : new String[] {"../x", "a/b", "", ".hidden", "x y"}) {
      assertThatThrownBy(() -> storage.write(name, new byte[1]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("sealed-file name");
    }
  }

  @Test
  void publicKeysPrintAsBase64AndCheckTheirLength() {
    NetworkPublicKeys keys = new NetworkPublicKeys(new byte[32], new byte[32]);
    assertThat(keys.toString()).contains("node_exch_key=AAAA");
    assertThatThrownBy(() -> new NetworkPublicKeys(new byte[31], new byte[32]))
        .hasMessageContaining("seed-exchange public key must be 32 bytes");
  }
}
