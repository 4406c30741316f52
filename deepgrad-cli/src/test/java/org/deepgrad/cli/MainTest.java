package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.deepgrad.data.IdxFormatException;
import org.deepgrad.io.ModelFileException;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void helpListsTheCommands() {
    Cli.Run run = Cli.run("--help");
    assertEquals(0, run.code(), run::toString);
    for (String command : List.of("train", "evaluate", "predict")) assertTrue(run.out().contains(command), run::toString);
  }

  @Test
  void trainHelpListsTheFlags() {
    Cli.Run run = Cli.run("train", "--help");
    assertEquals(0, run.code(), run::toString);
    for (String flag : List.of("--dataset", "--data-dir", "--[no-]download", "--hidden", "--activation", "--init",
        "--[no-]batch-norm", "--dropout", "--[no-]residual", "--optimizer", "--lr", "--momentum", "--weight-decay",
        "--l2", "--schedule", "--clip-norm", "--clip-value", "--weight-clip", "--batch-size", "--epochs",
        "--max-steps", "--seed", "--threads", "--out", "--[no-]resume", "--verbose", "--[no-]progress", "--dry-run", "--checkpoint-every", "--validation",
        "--early-stopping", "CONFIG")) {
      assertTrue(run.out().contains(flag), () -> flag + " missing from\n" + run);
    }
  }

  @Test
  void versionNamesTheProject() {
    Cli.Run run = Cli.run("--version");
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().startsWith("deepgrad "), run::toString);
  }

  @Test
  void dryRunPrintsTheResolvedConfigAsYaml() throws Exception {
    Cli.Run run = Cli.run("train", "--dry-run", "--hidden", "32x2", "--optimizer", "nesterov", "--lr", "0.1");
    assertEquals(0, run.code(), run::toString);
    JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(run.out());
    assertEquals("[32,32]", tree.at("/model/hidden").toString());
    assertEquals("nesterov", tree.at("/optimizer/name").asText());
    assertEquals(0.1, tree.at("/optimizer/lr").asDouble());
    assertEquals("mnist-10k", tree.at("/data/dataset").asText());
  }

  @Test
  void failuresMapToExitCodes() {
    assertEquals(2, Failures.exitCode(new UsageException("x")));
    assertEquals(2, Failures.exitCode(new IllegalArgumentException("x")));
    assertEquals(2, Failures.exitCode(new IdxFormatException("x")));
    assertEquals(2, Failures.exitCode(new ModelFileException(java.nio.file.Path.of("m"), "x")));
    assertEquals(2, Failures.exitCode(new FileNotFoundException("x")));
    assertEquals(2, Failures.exitCode(new NoSuchFileException("data/x.csv")));
    assertEquals("file not found: data/x.csv", Failures.message(new NoSuchFileException("data/x.csv")));
    assertEquals(1, Failures.exitCode(new java.io.IOException("No space left on device")));
    assertEquals("I/O error: No space left on device. Run with --verbose for the stack trace.",
        Failures.message(new java.io.IOException("No space left on device")));
    assertEquals(1, Failures.exitCode(new IllegalStateException("broken")));
    String internal = Failures.message(new IllegalStateException("broken\ninvariant"));
    assertTrue(internal.startsWith("internal error: java.lang.IllegalStateException: broken invariant."), internal);
    assertTrue(internal.contains("--verbose"), internal);
  }
}
