package org.deepgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {
  @TempDir Path dir;

  /** FIPS 180-4 examples, as printed by sha256sum. */
  private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void knownDigestsInLowercaseHex() throws IOException {
    assertEquals(EMPTY, Checksums.hex(Checksums.sha256(new byte[0])));
    assertEquals(ABC, Checksums.hex(Checksums.sha256("abc".getBytes(StandardCharsets.US_ASCII))));
    assertEquals(ABC, Checksums.hex(Checksums.sha256(new ByteArrayInputStream(new byte[] {'a', 'b', 'c'}))));
    assertEquals("00ff10", Checksums.hex(new byte[] {0, (byte) 0xFF, 0x10}));
  }

  @Test
  void fileDigestEqualsTheDigestOfItsBytesAcrossBufferBoundaries() throws IOException {
    byte[] bytes = new byte[200_003];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 31);
    Path file = dir.resolve("blob");
    Files.write(file, bytes);
    assertArrayEquals(Checksums.sha256(bytes), Checksums.sha256(file));
  }

  @Test
  void verifyAcceptsTheRecordedDigestAndNamesTheFileOnMismatch() throws IOException {
    Path file = dir.resolve("ckpt.safetensors");
    Files.write(file, "abc".getBytes(StandardCharsets.US_ASCII));
    assertDoesNotThrow(() -> Checksums.verifySha256(file, ABC.toUpperCase()));
    ModelFileException e = assertThrows(ModelFileException.class, () -> Checksums.verifySha256(file, EMPTY));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(ABC) && e.getMessage().contains(EMPTY), e.getMessage());
  }
}
