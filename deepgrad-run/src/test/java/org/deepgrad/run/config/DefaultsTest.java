package org.deepgrad.run.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DefaultsTest {
  /** A second no real run of this build started in. */
  private static final Clock PAST = Clock.fixed(Instant.parse("1999-12-31T23:59:58Z"), ZoneOffset.UTC);

  @Test
  void runsStartedInTheSameSecondGetTheirOwnDirectories() throws IOException {
    boolean hadRuns = Files.exists(Defaults.RUNS);
    Path first = Defaults.outDir(PAST);
    assertEquals(Path.of("runs", "19991231-235958"), first);
    try {
      Files.createDirectories(first);
      Path second = Defaults.outDir(PAST);
      assertEquals(Path.of("runs", "19991231-235958-2"), second);
      Files.createDirectories(second);
      assertEquals(Path.of("runs", "19991231-235958-3"), Defaults.outDir(PAST));
    } finally {
      Files.deleteIfExists(Path.of("runs", "19991231-235958-2"));
      Files.deleteIfExists(first);
      if (!hadRuns) Files.deleteIfExists(Defaults.RUNS);
    }
  }
}
