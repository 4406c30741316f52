package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes {@code deepgrad train}'s config file ({@link TrainConfig#load} with no flags) with arbitrary
 * bytes: it resolves to a configuration, or throws a {@link UsageException} (exit code 2) with a
 * message; any other exception would reach the user as a stack trace. Seed corpus:
 * {@code TrainConfigFuzzTestInputs/config}.
 */
class TrainConfigFuzzTest {
  @TempDir static Path dir;

  @FuzzTest(maxDuration = "2m")
  void config(byte[] input) throws IOException {
    Path file = dir.resolve("fuzz-input.yaml");
    Files.write(file, input);
    TrainConfig c;
    try {
      c = TrainConfig.load(file, new TrainOptions(), Cli.CLOCK);
    } catch (UsageException e) {
      assertNotNull(e.getMessage(), "a UsageException without a message");
      assertFalse(e.getMessage().isBlank(), "a UsageException with a blank message");
      return;
    }
    assertTrue(c.training().epochs() >= 1 && c.data().validation() >= 0 && c.data().validation() < 1, c.toString());
  }
}
