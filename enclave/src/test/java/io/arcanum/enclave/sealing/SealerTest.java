package io.arcanum.enclave.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SealerTest {
  private static final byte[] DATA = "seeds and keys".getBytes(StandardCharsets.UTF_8);
  private final PlatformSealingSecret machineA = PlatformSealingSecret.of(filled(1));
  private final PlatformSealingSecret machineB = PlatformSealingSecret.of(filled(2));
  private final EnclaveMeasurement build1 = new EnclaveMeasurement(filled(10));
  private final EnclaveMeasurement build2 = new EnclaveMeasurement(filled(11));

  private static byte[] filled(int value) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private Sealer sealer(PlatformSealingSecret machine, EnclaveMeasurement build) {
    return new Sealer(machine, build, new SecureRandom());
  }

  @Test
  void theSameBuildOnTheSameMachineUnseals() throws Exception {
    Sealer sealer = sealer(machineA, build1);
    byte[] first = sealer.seal("keychain.sealed", DATA);
    byte[] second = sealer.seal("keychain.sealed", DATA);
    assertThat(first).isNotEqualTo(second); // fresh nonce per seal
    assertThat(sealer(machineA, build1).unseal("keychain.sealed", first)).isEqualTo(DATA);
    assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("seeds and keys");
  }

  @Test
  void anotherBuildIsToldItDidNotSealTheFile() {
    byte[] sealed = sealer(machineA, build1).seal("keychain.sealed", DATA);
    assertThatThrownBy(() -> sealer(machineA, build2).unseal("keychain.sealed", sealed))
        .isInstanceOf(SealedDataException.class)
        .hasMessageContaining("another enclave build");
  }

  @Test
  void aFileCopiedToAnotherMachineDoesNotOpen() {
    byte[] sealed = sealer(machineA, build1).seal("keychain.sealed", DATA);
    assertThatThrownBy(() -> sealer(machineB, build1).unseal("keychain.sealed", sealed))
        .isInstanceOf(SealedDataException.class)
        .hasMessageContaining("another machine");
  }

  @Test
  void aRenamedFileDoesNotOpen() {
    byte[] sealed = sealer(machineA, build1).seal("keychain.sealed", DATA);
    assertThatThrownBy(() -> sealer(machineA, build1).unseal("other.sealed", sealed))
        .isInstanceOf(SealedDataException.class)
        .hasMessageContaining("renamed");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void anyFlippedBitIsRefused(long seed) {
    Random random = new Random(seed);
    byte[] sealed = sealer(machineA, build1).seal("keychain.sealed", DATA);
    sealed[random.nextInt(sealed.length)] ^= (byte) (1 << random.nextInt(8));
    assertThatThrownBy(() -> sealer(machineA, build1).unseal("keychain.sealed", sealed))
        .isInstanceOf(SealedDataException.class);
  }

  @Test
  void bytesThatAreNotSealedDataAreNamedSo() {
    assertThatThrownBy(() -> sealer(machineA, build1).unseal("x", new byte[10]))
        .hasMessageContaining("not an Arcanum sealed file");
    byte[] sealed = sealer(machineA, build1).seal("x", DATA);
    assertThatThrownBy(
            () -> sealer(machineA, build1).unseal("x", java.util.Arrays.copyOf(sealed, 60)))
        .isInstanceOf(SealedDataException.class);
  }

  @Test
  void theRunningBuildHasAStableMeasurement() {
    assertThat(EnclaveMeasurement.ofRunningBuild()).isEqualTo(EnclaveMeasurement.ofRunningBuild());
    assertThat(EnclaveMeasurement.ofRunningBuild())
        .isNotEqualTo(EnclaveMeasurement.ofCode(java.util.List.of(EnclaveMeasurement.class)));
  }

  @Test
  void theSecretIsNotPrinted() {
    assertThat(machineA.toString()).doesNotContain("0101");
  }
}
