package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What the tests of "nothing a user has is lost" compare: a folder's files and bytes, and a refusal's shape. */
final class Folders {
  private Folders() {}

  /** Every file under {@code dir} (hidden ones too) by relative path, with its bytes; empty when absent. */
  static Map<String, byte[]> snapshot(Path dir) {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.exists(dir)) return files;
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) all::iterator) {
        if (Files.isRegularFile(f)) files.put(dir.relativize(f).toString(), Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** That {@code dir} holds exactly {@code before}, byte for byte. */
  static void assertUnchanged(Map<String, byte[]> before, Path dir, Object context) {
    Map<String, byte[]> now = snapshot(dir);
    assertEquals(before.keySet(), now.keySet(), () -> "the files of " + dir + " changed:\n" + context);
    before.forEach((name, bytes) -> assertArrayEquals(bytes, now.get(name), () -> name + " changed:\n" + context));
  }

  /** Exit code 2, each phrase in the one-paragraph message, no stack trace. */
  static void assertRefused(Cli.Run run, String... phrases) {
    assertEquals(Failures.BAD_INPUT, run.code(), run::toString);
    for (String p : phrases) assertTrue(run.err().contains(p), () -> "'" + p + "' missing:\n" + run);
    assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), () -> "a stack trace:\n" + run);
  }
}
