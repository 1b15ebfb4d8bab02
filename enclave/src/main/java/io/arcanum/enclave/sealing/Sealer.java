package io.arcanum.enclave.sealing;

import io.arcanum.crypto.AuthenticationFailedException;
import io.arcanum.crypto.aessiv.AesSiv;
import io.arcanum.crypto.aessiv.AesSivKey;
import io.arcanum.crypto.hkdf.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Seals data to this enclave build on this machine (protocol.md §5, simulated): the key is
 * HKDF-SHA256(platform secret, salt = measurement, info = "seal.kdk"), 64 bytes for AES-256-SIV.
 *
 * <pre>
 * sealed = "ARCSEAL1" (8) ‖ measurement (32) ‖ nonce (16) ‖ AES-SIV(key, data, AD = [header, name, nonce])
 * </pre>
 *
 * The file name is bound in, so the host cannot swap one sealed file for another; the random nonce
 * makes two seals of the same data differ.
 */
public final class Sealer {
  private static final byte[] MAGIC = "ARCSEAL1".getBytes(StandardCharsets.US_ASCII);
  private static final int NONCE_LENGTH = 16;
  private static final int HEADER_LENGTH = MAGIC.length + EnclaveMeasurement.LENGTH;
  private static final int MIN_LENGTH = HEADER_LENGTH + NONCE_LENGTH + 16;

  private final EnclaveMeasurement measurement;
  private final AesSiv siv;
  private final SecureRandom random;

  public Sealer(
      PlatformSealingSecret platform, EnclaveMeasurement measurement, SecureRandom random) {
    this.measurement = measurement;
    this.random = random;
    byte[] key =
        Hkdf.sha256(
            measurement.bytes(),
            platform.bytesForDerivation(),
            "seal.kdk".getBytes(StandardCharsets.US_ASCII),
            64);
    try {
      this.siv = new AesSiv(AesSivKey.of(key));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  public byte[] seal(String name, byte[] data) {
    byte[] header = header();
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    byte[] ciphertext = siv.seal(data, associatedData(header, name, nonce));
    byte[] out = new byte[HEADER_LENGTH + NONCE_LENGTH + ciphertext.length];
    System.arraycopy(header, 0, out, 0, HEADER_LENGTH);
    System.arraycopy(nonce, 0, out, HEADER_LENGTH, NONCE_LENGTH);
    System.arraycopy(ciphertext, 0, out, HEADER_LENGTH + NONCE_LENGTH, ciphertext.length);
    return out;
  }

  /**
   * Opens a file sealed under {@code name} by this build on this machine.
   *
   * @throws SealedDataException saying whether the file is not sealed data, comes from another
   *     build, or was altered or sealed on another machine
   */
  public byte[] unseal(String name, byte[] sealed) throws SealedDataException {
    if (sealed.length < MIN_LENGTH
        || !Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new SealedDataException("'" + name + "' is not an Arcanum sealed file");
    }
    byte[] sealedBy = Arrays.copyOfRange(sealed, MAGIC.length, HEADER_LENGTH);
    if (!Arrays.equals(sealedBy, measurement.bytes())) {
      throw new SealedDataException(
          "'"
              + name
              + "' was sealed by another enclave build (measurement "
              + HexFormat.of().formatHex(sealedBy)
              + ")");
    }
    byte[] nonce = Arrays.copyOfRange(sealed, HEADER_LENGTH, HEADER_LENGTH + NONCE_LENGTH);
    byte[] ciphertext = Arrays.copyOfRange(sealed, HEADER_LENGTH + NONCE_LENGTH, sealed.length);
    try {
      return siv.open(ciphertext, associatedData(header(), name, nonce));
    } catch (AuthenticationFailedException e) {
      throw new SealedDataException(
          "'" + name + "' was altered, renamed, or sealed on another machine");
    }
  }

  private byte[] header() {
    byte[] header = Arrays.copyOf(MAGIC, HEADER_LENGTH);
    System.arraycopy(measurement.bytes(), 0, header, MAGIC.length, EnclaveMeasurement.LENGTH);
    return header;
  }

  private static List<byte[]> associatedData(byte[] header, String name, byte[] nonce) {
    return List.of(header, name.getBytes(StandardCharsets.UTF_8), nonce);
  }
}
