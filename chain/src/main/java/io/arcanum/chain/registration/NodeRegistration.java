package io.arcanum.chain.registration;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A registered node ({@code RegistrationNodeInfo}, protocol.md §4.2 step 3): the evidence it
 * registered with and the seeds encrypted for its registration key. Both are public.
 *
 * @param registrationPublicKey the node's X25519 registration key (32 bytes), its store key
 * @param certificate the combined evidence blob
 * @param encryptedSeed 48 bytes per seed (a simulation stores 32 zero bytes)
 */
public record NodeRegistration(
    byte[] registrationPublicKey, byte[] certificate, byte[] encryptedSeed) {
  public NodeRegistration {
    if (registrationPublicKey == null || registrationPublicKey.length != 32) {
      throw new IllegalArgumentException("a registration public key is 32 bytes");
    }
    registrationPublicKey = registrationPublicKey.clone();
    certificate = certificate.clone();
    encryptedSeed = encryptedSeed.clone();
  }

  @Override
  public byte[] registrationPublicKey() {
    return registrationPublicKey.clone();
  }

  @Override
  public byte[] certificate() {
    return certificate.clone();
  }

  @Override
  public byte[] encryptedSeed() {
    return encryptedSeed.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NodeRegistration that
        && Arrays.equals(registrationPublicKey, that.registrationPublicKey)
        && Arrays.equals(certificate, that.certificate)
        && Arrays.equals(encryptedSeed, that.encryptedSeed);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(registrationPublicKey) * 31 + Arrays.hashCode(encryptedSeed);
  }

  @Override
  public String toString() {
    return "NodeRegistration[node_id=0x"
        + HexFormat.of().formatHex(registrationPublicKey)
        + ", certificate "
        + certificate.length
        + " bytes, encrypted_seed "
        + encryptedSeed.length
        + " bytes]";
  }
}
