package io.arcanum.enclave.attestation;

import io.arcanum.enclave.attestation.sim.DevelopmentRoot;
import io.arcanum.enclave.attestation.sim.SimulatedMachine;
import io.arcanum.enclave.attestation.sim.SimulatedPlatform;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * A development network shared by the attestation tests: one development root, one machine on it,
 * and the evidence it produces (keys are made once; they are slow enough to matter).
 */
final class SimEvidence {
  /** 2026-01-15T12:00:00Z, the block time of the simulated evidence. */
  static final long NOW = 1_768_478_400L;

  static final byte[] MEASUREMENT =
      HexFormat.of().parseHex("a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90");
  static final String MEASUREMENT_HEX = HexFormat.of().formatHex(MEASUREMENT);

  /** Registration key ‖ owner key. */
  static final byte[] REPORT_DATA = new byte[64];

  static {
    for (int i = 0; i < 64; i++) {
      REPORT_DATA[i] = (byte) (i < 32 ? 0x10 + i : 0xA0 + i);
    }
  }

  static final DevelopmentRoot ROOT = DevelopmentRoot.create(new SecureRandom());
  static final SimulatedMachine MACHINE = SimulatedMachine.create(ROOT, new SecureRandom());
  static final SimulatedPlatform PLATFORM =
      new SimulatedPlatform(ROOT, MACHINE, new SecureRandom());

  /** A second development network: its evidence is foreign to the first. */
  static final DevelopmentRoot OTHER_ROOT = DevelopmentRoot.create(new SecureRandom());

  private SimEvidence() {}

  static byte[] evidence() throws AttestationException {
    return PLATFORM.evidence(MEASUREMENT, REPORT_DATA, NOW);
  }

  /** The development network's policy: its root trusted, the measurement allowed, no machines. */
  static AttestationPolicy developmentPolicy() {
    return AttestationPolicy.production(Set.of(MEASUREMENT_HEX), Set.of())
        .withDevelopmentRoot(ROOT.fingerprint());
  }
}
