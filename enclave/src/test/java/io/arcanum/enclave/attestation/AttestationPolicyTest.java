package io.arcanum.enclave.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policy's configuration: production trust, development roots, normalised hex. */
class AttestationPolicyTest {
  private static final String MEASUREMENT = "ab".repeat(32);

  @Test
  void productionTrustsIntelsRootOnlyAndTheProofOfCloudKey() {
    AttestationPolicy policy =
        AttestationPolicy.production(
            Set.of(MEASUREMENT), Set.of("7075df3f95443aaf47ac201ec93d38adff38c929"));
    assertThat(policy.trustedRootFingerprints())
        .containsExactly("44a0196b2b99f889b8e149e95b807a350e7424964399e885a7cbb8ccfab674d3");
    assertThat(policy.jwtTrust()).isEqualTo(JwtTrust.defaults());
    assertThat(policy.allowListed(MachineId.fromHex("7075df3f95443aaf47ac201ec93d38adff38c929")))
        .isTrue();
  }

  @Test
  void aDevelopmentRootIsAddedAlongsideIntelsSoRealQuotesStayAcceptable() {
    AttestationPolicy policy =
        AttestationPolicy.production(Set.of(MEASUREMENT), Set.of())
            .withDevelopmentRoot("CD".repeat(32));
    assertThat(policy.trustedRootFingerprints())
        .containsExactlyInAnyOrder(PckChain.INTEL_SGX_ROOT_CA_SHA256, "cd".repeat(32));
  }

  @Test
  void hexIsNormalisedToLowerCase() {
    AttestationPolicy policy =
        AttestationPolicy.production(
            Set.of(MEASUREMENT.toUpperCase()), Set.of("7075DF3F95443AAF47AC201EC93D38ADFF38C929"));
    assertThat(policy.allowedMeasurements()).containsExactly(MEASUREMENT);
    assertThat(policy.machineAllowList())
        .containsExactly("7075df3f95443aaf47ac201ec93d38adff38c929");
  }

  @Test
  void malformedConfigurationIsRefusedByName() {
    assertThatThrownBy(() -> AttestationPolicy.production(Set.of("abc"), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("measurement abc is not 32 bytes of hex");
    assertThatThrownBy(
            () -> AttestationPolicy.production(Set.of(MEASUREMENT), Set.of("zz".repeat(20))))
        .hasMessageContaining("machine id");
    assertThatThrownBy(
            () -> new AttestationPolicy(Set.of(), Set.of(MEASUREMENT), Set.of(), JwtTrust.none()))
        .hasMessageContaining("at least one root");
    assertThatThrownBy(() -> JwtTrust.defaults().withEd25519Key("00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not 32 bytes");
  }
}
