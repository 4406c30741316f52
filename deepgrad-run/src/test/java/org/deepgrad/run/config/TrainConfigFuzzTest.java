package org.deepgrad.run.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes a training config file ({@link TrainConfig#load} with no settings) with arbitrary bytes: it
 * resolves to a configuration, which written out ({@link ConfigPrinter}) and read back is the same
 * value, or throws a {@link RunException} (the command line's exit code 2) with a message; any other
 * exception would reach the user as a stack trace. Seed corpus: {@code TrainConfigFuzzTestInputs/config}.
 */
class TrainConfigFuzzTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
  @TempDir static Path dir;

  @FuzzTest(maxDuration = "2m")
  void config(byte[] input) throws IOException {
    Path file = dir.resolve("fuzz-input.yaml");
    Files.write(file, input);
    TrainConfig c;
    try {
      c = TrainConfig.load(file, List.of(), CLOCK);
    } catch (RunException e) {
      assertNotNull(e.getMessage(), "a RunException without a message");
      assertFalse(e.getMessage().isBlank(), "a RunException with a blank message");
      return;
    }
    assertTrue(c.training().epochs() >= 1 && c.data().validation() >= 0 && c.data().validation() < 1, c.toString());
    Path written = dir.resolve("config.yaml");
    Files.writeString(written, ConfigPrinter.yaml(c));
    assertEquals(c, TrainConfig.read(written), () -> "read back from\n" + ConfigPrinter.yaml(c));
  }
}
