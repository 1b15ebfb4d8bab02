package io.arcanum.enclave.attestation;

import io.arcanum.enclave.attestation.AttestationException.Failure;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Strict PEM as Intel's collateral and quotes spell it: blocks of {@code -----BEGIN T-----\n},
 * base64 lines each ending in {@code \n}, {@code -----END T-----\n}, nothing between blocks, and
 * base64 in its canonical form.
 *
 * <p>The JDK's reader skips any character outside the base64 alphabet and ignores text around the
 * blocks, so many byte strings would read as the same certificate. Refusing all but the canonical
 * one leaves no unsigned byte of the evidence free to change: a flipped bit is always refused
 * (protocol.md §12; tested by the tamper tests).
 */
final class Pem {
  private Pem() {}

  /**
   * The DER contents of the {@code type} blocks making up all of {@code text}.
   *
   * @param what names the text in errors
   * @throws AttestationException ({@link Failure#MALFORMED}) if the text is anything else
   */
  static List<byte[]> decode(String text, String type, String what) throws AttestationException {
    String begin = "-----BEGIN " + type + "-----\n";
    String end = "-----END " + type + "-----\n";
    List<byte[]> blocks = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      if (!text.startsWith(begin, at)) {
        throw malformed(
            what + " is not a sequence of PEM " + type + " blocks (at character " + at + ")");
      }
      int bodyStart = at + begin.length();
      int bodyEnd = text.indexOf("-----", bodyStart);
      if (bodyEnd < 0 || !text.startsWith(end, bodyEnd)) {
        throw malformed(what + ": a PEM " + type + " block is not terminated");
      }
      blocks.add(base64Lines(text.substring(bodyStart, bodyEnd), what));
      at = bodyEnd + end.length();
    }
    if (blocks.isEmpty()) {
      throw malformed(what + " holds no PEM " + type);
    }
    return blocks;
  }

  private static byte[] base64Lines(String body, String what) throws AttestationException {
    StringBuilder base64 = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      boolean lineEnd = c == '\n';
      if (lineEnd && (i == 0 || body.charAt(i - 1) == '\n')) {
        throw malformed(what + " has an empty line inside a PEM block");
      }
      if (!lineEnd && !isBase64(c)) {
        throw malformed(what + " has a character outside base64 inside a PEM block");
      }
      if (!lineEnd) {
        base64.append(c);
      }
    }
    if (body.isEmpty() || body.charAt(body.length() - 1) != '\n') {
      throw malformed(what + ": a PEM block's last line does not end in a newline");
    }
    String encoded = base64.toString();
    byte[] der;
    try {
      der = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw malformed(what + " has invalid base64 inside a PEM block");
    }
    if (!Base64.getEncoder().encodeToString(der).equals(encoded)) {
      throw malformed(what + " has non-canonical base64 inside a PEM block");
    }
    return der;
  }

  private static boolean isBase64(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/'
        || c == '=';
  }

  private static AttestationException malformed(String message) {
    return new AttestationException(Failure.MALFORMED, message);
  }
}
