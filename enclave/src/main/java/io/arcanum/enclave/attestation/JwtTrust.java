package io.arcanum.enclave.attestation;

import io.arcanum.crypto.ed25519.Ed25519PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys an attestation JWT may be signed by (protocol.md §12.2 item 6): RSA keys of Microsoft
 * Azure Attestation, each pinned under its {@code kid}, and ed25519 "proof-of-cloud" keys, whose
 * {@code kid} is the base64 of the key itself.
 *
 * <p>As in Secret, a {@code kid} is compared by its base64-decoded bytes, so {@code "ZOub…yks"} and
 * {@code "ZOub…yks="} name the same key.
 */
public final class JwtTrust {
  /** Secret's pinned proof-of-cloud key (§12.2 item 6). */
  public static final String PROOF_OF_CLOUD_KEY =
      "5ea69fede5bcf71054395b273bad67f67158c242d77945d436374020ece525cb";

  private final Map<String, RSAPublicKey> rsaKeysByKidHex;
  private final Set<String> ed25519KeysHex;

  /**
   * @param rsaKeysByKid RSA keys by their {@code kid} (standard base64, padding optional)
   * @param ed25519Keys hex of pinned 32-byte ed25519 keys
   * @throws IllegalArgumentException if a kid is not base64 or a key is not 32 bytes of hex
   */
  public JwtTrust(Map<String, RSAPublicKey> rsaKeysByKid, Set<String> ed25519Keys) {
    Map<String, RSAPublicKey> rsa = new LinkedHashMap<>();
    rsaKeysByKid.forEach(
        (kid, key) -> {
          Objects.requireNonNull(key, "RSA key of kid " + kid);
          if (rsa.put(kidHex(kid).orElseThrow(() -> notBase64(kid)), key) != null) {
            throw new IllegalArgumentException("kid " + kid + " is configured twice");
          }
        });
    Set<String> ed = new TreeSet<>();
    for (String hex : ed25519Keys) {
      byte[] key = HexFormat.of().parseHex(hex);
      if (key.length != Ed25519PublicKey.LENGTH) {
        throw new IllegalArgumentException("ed25519 key " + hex + " is not 32 bytes");
      }
      ed.add(HexFormat.of().formatHex(key));
    }
    this.rsaKeysByKidHex = Map.copyOf(rsa);
    this.ed25519KeysHex = Set.copyOf(ed);
  }

  /** Secret's default: the proof-of-cloud key only; MAA RSA keys must be configured. */
  public static JwtTrust defaults() {
    return new JwtTrust(Map.of(), Set.of(PROOF_OF_CLOUD_KEY));
  }

  /** No JWT is accepted: only allow-listed machines register. */
  public static JwtTrust none() {
    return new JwtTrust(Map.of(), Set.of());
  }

  /** This trust plus one more RSA key. */
  public JwtTrust withRsaKey(String kid, RSAPublicKey key) {
    Map<String, RSAPublicKey> rsa = new LinkedHashMap<>();
    rsaKeysByKidHex.forEach((hex, k) -> rsa.put(kidOf(hex), k));
    rsa.put(kid, key);
    return new JwtTrust(rsa, ed25519KeysHex);
  }

  /** This trust plus one more ed25519 key (hex). */
  public JwtTrust withEd25519Key(String hex) {
    Set<String> ed = new TreeSet<>(ed25519KeysHex);
    ed.add(hex);
    Map<String, RSAPublicKey> rsa = new LinkedHashMap<>();
    rsaKeysByKidHex.forEach((kidHex, k) -> rsa.put(kidOf(kidHex), k));
    return new JwtTrust(rsa, ed);
  }

  Optional<RSAPublicKey> rsaKey(byte[] kid) {
    return Optional.ofNullable(rsaKeysByKidHex.get(HexFormat.of().formatHex(kid)));
  }

  Optional<Ed25519PublicKey> ed25519Key(byte[] kid) {
    String hex = HexFormat.of().formatHex(kid);
    return ed25519KeysHex.contains(hex) ? Optional.of(new Ed25519PublicKey(kid)) : Optional.empty();
  }

  /** A kid's bytes: standard base64 with optional padding, as Secret's {@code base64::decode}. */
  static Optional<byte[]> kidBytes(String kid) {
    try {
      return Optional.of(Base64.getDecoder().decode(kid));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> kidHex(String kid) {
    return kidBytes(kid).map(HexFormat.of()::formatHex);
  }

  private static String kidOf(String hex) {
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
  }

  private static IllegalArgumentException notBase64(String kid) {
    return new IllegalArgumentException("kid " + kid + " is not base64");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JwtTrust that
        && rsaKeysByKidHex.equals(that.rsaKeysByKidHex)
        && ed25519KeysHex.equals(that.ed25519KeysHex);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rsaKeysByKidHex, ed25519KeysHex);
  }

  @Override
  public String toString() {
    return "JwtTrust[" + rsaKeysByKidHex.size() + " RSA keys, ed25519 " + ed25519KeysHex + "]";
  }
}
