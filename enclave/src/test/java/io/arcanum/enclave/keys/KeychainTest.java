package io.arcanum.enclave.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.seed.SeedList;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeychainTest {

  @Test
  void encodesAndDecodesSeedsAndRegistrationKey() {
    SecureRandom random = new SecureRandom();
    SeedList seeds = SeedList.bootstrap(random);
    X25519PrivateKey registration = X25519PrivateKey.generate(random);
    byte[] encoded = new Keychain(seeds, registration).encode();
    assertThat(encoded).hasSize(4 + 1 + 64 + 1 + 32);
    Keychain decoded = Keychain.decode(encoded);
    assertThat(decoded.seeds().orElseThrow().get(1).sameSecretAs(seeds.get(1))).isTrue();
    assertThat(decoded.registrationKey().orElseThrow().sameSecretAs(registration)).isTrue();
    assertThat(Keychain.decode(Keychain.empty().encode()).seeds()).isEmpty();
  }

  @Test
  void malformedEncodingsAreRefusedByWhatIsWrong() {
    byte[] good = new Keychain(SeedList.bootstrap(new SecureRandom()), null).encode();
    assertThatThrownBy(() -> Keychain.decode(new byte[3])).hasMessageContaining("too short");
    byte[] version = good.clone();
    version[0] = 2;
    assertThatThrownBy(() -> Keychain.decode(version)).hasMessageContaining("version 2");
    assertThatThrownBy(() -> Keychain.decode(Arrays.copyOf(good, 40)))
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> Keychain.decode(Arrays.copyOf(good, good.length + 1)))
        .hasMessageContaining("trailing");
  }
}
