package org.deepgrad.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests (FIPS 180-4) of files and streams, for checkpoint integrity. SHA-256 rather than
 * CRC32C because it also catches deliberate tampering, every JDK has it, and the lowercase hex form
 * matches {@code sha256sum} and Python's {@code hashlib.sha256(...).hexdigest()}.
 */
public final class Checksums {
  private Checksums() {}

  /** The SHA-256 digest (32 bytes) of a file's contents. */
  public static byte[] sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return sha256(in);
    }
  }

  /** The SHA-256 digest (32 bytes) of everything left in {@code in}; does not close it. */
  public static byte[] sha256(InputStream in) throws IOException {
    MessageDigest md = newSha256();
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) != -1; ) md.update(buf, 0, n);
    return md.digest();
  }

  /** The SHA-256 digest (32 bytes) of {@code bytes}. */
  public static byte[] sha256(byte[] bytes) {
    return newSha256().digest(bytes);
  }

  /** Lowercase hexadecimal, two digits per byte, as {@code sha256sum} prints. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * Checks that {@code file} has the SHA-256 digest {@code expectedHex} (case-insensitive).
   *
   * @throws ModelFileException naming the file and both digests when they differ
   */
  public static void verifySha256(Path file, String expectedHex) throws IOException {
    String actual = hex(sha256(file));
    if (!actual.equalsIgnoreCase(expectedHex)) {
      throw new ModelFileException(file, "SHA-256 is " + actual + " but " + expectedHex + " was recorded;"
          + " the file is corrupt or was changed after it was written — restore it or use another copy");
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
