package io.arcanum.enclave.attestation.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.enclave.attestation.AttestationException;
import io.arcanum.enclave.attestation.AttestationException.Failure;
import io.arcanum.enclave.attestation.DcapVerifier;
import io.arcanum.enclave.attestation.PckChain;
import io.arcanum.enclave.attestation.RegistrationEvidence;
import io.arcanum.enclave.attestation.SgxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated platform of protocol.md §14 item 3a: Intel's formats, only the root differs. */
class SimulatedPlatformTest {
  private static final long NOW = 1_768_478_400L;
  private static final byte[] MEASUREMENT = new byte[32];
  private static final byte[] REPORT_DATA = new byte[64];

  static {
    MEASUREMENT[0] = 0x42;
    REPORT_DATA[0] = 0x07;
    REPORT_DATA[63] = 0x09;
  }

  private static final DevelopmentRoot ROOT = DevelopmentRoot.create(new SecureRandom());
  private static final SimulatedMachine MACHINE = SimulatedMachine.create(ROOT, new SecureRandom());

  private static DcapVerifier verifier(String... roots) {
    return new DcapVerifier(Set.of(roots), Set.of(HexFormat.of().formatHex(MEASUREMENT)));
  }

  private static DcapVerifier.Verified verify(SimulatedPlatform platform, DcapVerifier verifier)
      throws AttestationException {
    RegistrationEvidence evidence =
        RegistrationEvidence.parse(platform.evidence(MEASUREMENT, REPORT_DATA, NOW));
    return verifier.verify(evidence.quote(), evidence.collateral(), NOW);
  }

  @Test
  void simulatedEvidencePassesTheDcapVerifierWhenTheDevelopmentRootIsTrusted() throws Exception {
    SimulatedPlatform platform = new SimulatedPlatform(ROOT, MACHINE, new SecureRandom());
    DcapVerifier.Verified verified =
        verify(platform, verifier(PckChain.INTEL_SGX_ROOT_CA_SHA256, ROOT.fingerprint()));
    assertThat(verified.reportData()).isEqualTo(REPORT_DATA);
    assertThat(verified.measurement()).isEqualTo(MEASUREMENT);
    assertThat(verified.platformStatus()).isEqualTo("UpToDate");
    assertThat(verified.qeStatus()).isEqualTo("UpToDate");
    assertThat(verified.machineId()).isEqualTo(MACHINE.machineId());
  }

  @Test
  void withOnlyIntelsRootTrustedSimulatedEvidenceIsAnUntrustedChain() {
    SimulatedPlatform platform = new SimulatedPlatform(ROOT, MACHINE, new SecureRandom());
    assertThatThrownBy(() -> verify(platform, verifier(PckChain.INTEL_SGX_ROOT_CA_SHA256)))
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining("untrusted root (SHA-256 " + ROOT.fingerprint() + ")")
        .satisfies(
            e ->
                assertThat(((AttestationException) e).failure())
                    .isEqualTo(Failure.UNTRUSTED_CHAIN));
  }

  @Test
  void thePckCertificateCarriesAnIntelShapedSgxExtension() throws Exception {
    SgxExtension extension = SgxExtension.of(MACHINE.pck());
    assertThat(HexFormat.of().formatHex(extension.fmspc())).isEqualTo("00606a000000");
    assertThat(extension.pceId()).isEqualTo(new byte[2]);
    assertThat(extension.pceSvn()).isEqualTo(SimulatedMachine.PCE_SVN);
    assertThat(extension.componentSvns()).isEqualTo(SimulatedMachine.COMPONENT_SVNS);
    assertThat(MACHINE.pck().getIssuerX500Principal())
        .isEqualTo(MACHINE.platformCa().getSubjectX500Principal());
  }

  @Test
  void machinesHaveDistinctIdsAndKeepThemAcrossARestart(@TempDir Path dir) throws Exception {
    ROOT.save(dir.resolve("root"));
    MACHINE.save(dir.resolve("machine"));
    DevelopmentRoot root = DevelopmentRoot.load(dir.resolve("root"));
    SimulatedMachine machine = SimulatedMachine.load(dir.resolve("machine"), root);
    assertThat(root.fingerprint()).isEqualTo(ROOT.fingerprint());
    assertThat(machine.machineId()).isEqualTo(MACHINE.machineId());
    assertThat(SimulatedMachine.create(root, new SecureRandom()).machineId())
        .isNotEqualTo(MACHINE.machineId());
    DcapVerifier.Verified verified =
        verify(
            new SimulatedPlatform(root, machine, new SecureRandom()), verifier(root.fingerprint()));
    assertThat(verified.machineId()).isEqualTo(MACHINE.machineId());
  }

  @Test
  void keyFilesAreOwnerOnlyAndNeverOverwritten(@TempDir Path dir) throws Exception {
    ROOT.save(dir);
    MACHINE.save(dir.resolve("machine"));
    for (Path key :
        new Path[] {
          dir.resolve(DevelopmentRoot.KEY_FILE), dir.resolve("machine").resolve("pck-key.pem")
        }) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .isEqualTo("rw-------");
      assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }
    assertThatThrownBy(() -> ROOT.save(dir)).hasMessageContaining("refusing to overwrite a key");
  }

  @Test
  void aMachineOfAnotherRootDoesNotLoad(@TempDir Path dir) throws Exception {
    MACHINE.save(dir);
    DevelopmentRoot other = DevelopmentRoot.create(new SecureRandom());
    assertThatThrownBy(() -> SimulatedMachine.load(dir, other))
        .hasMessageContaining("was not issued by");
  }

  @Test
  void aMismatchedRootKeyDoesNotLoad(@TempDir Path dir) throws Exception {
    ROOT.save(dir.resolve("a"));
    DevelopmentRoot.create(new SecureRandom()).save(dir.resolve("b"));
    Files.copy(
        dir.resolve("b").resolve(DevelopmentRoot.CERTIFICATE_FILE),
        dir.resolve("a").resolve(DevelopmentRoot.CERTIFICATE_FILE),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> DevelopmentRoot.load(dir.resolve("a")))
        .hasMessageContaining("does not belong");
  }

  @Test
  void secretsStayOutOfToString() {
    assertThat(ROOT.toString()).isEqualTo("DevelopmentRoot[" + ROOT.fingerprint() + "]");
    assertThat(MACHINE.toString()).isEqualTo("SimulatedMachine[" + MACHINE.machineId().hex() + "]");
  }

  @Test
  void theFingerprintIsTheSha256OfTheDerCertificate() throws Exception {
    assertThat(ROOT.fingerprint()).isEqualTo(PckChain.fingerprint(ROOT.certificate())).hasSize(64);
    assertThat(ROOT.certificate().getSubjectX500Principal())
        .isEqualTo(ROOT.certificate().getIssuerX500Principal());
  }
}
