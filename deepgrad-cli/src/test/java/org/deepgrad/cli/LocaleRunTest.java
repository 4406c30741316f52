package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.run.files.RunContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A default locale with other digits (Arabic-Indic in ar-SA) or another decimal separator must not
 * change checkpoint file names, which resume and pruning look for, nor the summary line scripts read.
 */
class LocaleRunTest {
  @TempDir
  Path dir;

  private static Cli.Run train(Path out, String... more) {
    Stream<String> args = Stream.concat(Stream.of("train", "--no-progress", "--hidden", "8", "--epochs", "1",
        "--max-steps", "10", "--checkpoint-every", "5steps", "--keep-checkpoints", "1", "--out", out.toString()),
        Stream.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void checkpointNamesAndTheSummaryDoNotDependOnTheLocale() throws IOException {
    Locale saved = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("ar-SA"));
    try {
      Path out = dir.resolve("run");
      Cli.Run run = train(out);
      assertEquals(Failures.OK, run.code(), run::toString);
      try (Stream<Path> files = Files.list(out.resolve(RunContents.CHECKPOINTS))) {
        assertEquals(List.of("ckpt-000000000010.safetensors"), files.map(f -> f.getFileName().toString()).toList(),
            "one checkpoint kept: the step-5 file was found and pruned");
      }
      assertTrue(run.out().matches("(?s).*\ntest accuracy: \\d+\\.\\d\\d% \\(loss \\d+\\.\\d{4}\\) .*"), run::toString);
      Files.delete(out.resolve(ModelFiles.CARD)); // as a run killed after its last checkpoint: one to resume
      Cli.Run resumed = train(out, "--resume");
      assertEquals(Failures.OK, resumed.code(), resumed::toString);
      assertTrue(resumed.out().contains("resumed from " + out.resolve(RunContents.CHECKPOINTS)
          .resolve("ckpt-000000000010.safetensors")), resumed::toString);
    } finally {
      Locale.setDefault(saved);
    }
  }
}
