package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepgrad.run.config.ModelConfig;
import org.deepgrad.run.config.Preset;
import org.deepgrad.run.config.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 3: a user who names a model gets that model. A command that describes a model (a
 * model flag, a config's model section) gets exactly it, plain where it leaves keys out; one that
 * describes none gets the main job's (preset main), and says so in its first line; {@code --preset
 * main} asks for it by name.
 */
class ModelRuleTest {
  @TempDir
  Path dir;

  private static void plain(ModelConfig m) {
    assertFalse(m.batchNorm(), m::toString);
    assertEquals(0, m.dropout(), m::toString);
  }

  private static void mainJobs(ModelConfig m) {
    assertTrue(m.batchNorm(), m::toString);
    assertEquals(0.2, m.dropout(), m::toString);
  }

  @Test
  void flagsThatDescribeNoModelKeepTheMainJobsModel() {
    for (String[] flags : new String[][] {{}, {"--lr", "0.01"}, {"--epochs", "5"}, {"--optimizer", "sgd", "--lr", "0.1"},
        {"--dataset", "spirals"}, {"--out", "x"}}) {
      TrainConfig c = Cli.config(null, flags);
      assertEquals(Preset.MAIN, c.preset(), String.join(" ", flags));
      mainJobs(c.model());
    }
  }

  @Test
  void anyModelFlagDescribesAPlainMlp() {
    for (String[] flags : new String[][] {{"--hidden", "256x10"}, {"--activation", "sigmoid"}, {"--init", "he_normal"},
        {"--residual"}, {"--dropout", "0.5"}, {"--batch-norm"}}) {
      TrainConfig c = Cli.config(null, flags);
      assertNull(c.preset(), String.join(" ", flags));
      ModelConfig m = c.model();
      assertEquals(flags[0].equals("--batch-norm"), m.batchNorm(), m::toString);
      assertEquals(flags[0].equals("--dropout") ? 0.5 : 0, m.dropout(), m::toString);
    }
  }

  @Test
  void aConfigsModelSectionDescribesAModelAndNoSectionKeepsTheMainJobs() throws IOException {
    Path withModel = Files.writeString(dir.resolve("a.yaml"), "model: {hidden: 64x2}\n");
    assertNull(Cli.config(withModel).preset());
    plain(Cli.config(withModel).model());
    Path withoutModel = Files.writeString(dir.resolve("b.yaml"), "optimizer: {name: sgd, lr: 0.1}\n");
    assertEquals(Preset.MAIN, Cli.config(withoutModel).preset());
    mainJobs(Cli.config(withoutModel).model());
    plain(Cli.config(withoutModel, "--hidden", "32").model());
  }

  @Test
  void presetMainByNameIsChangedByTheModelKeys() throws IOException {
    TrainConfig c = Cli.config(null, "--preset", "main", "--dropout", "0.5", "--activation", "tanh");
    assertEquals(Preset.MAIN, c.preset());
    assertTrue(c.model().batchNorm());
    assertEquals(0.5, c.model().dropout());
    assertEquals("tanh", c.model().activation());
    Path file = Files.writeString(dir.resolve("p.yaml"), "preset: main\nmodel: {hidden: 64x3}\n");
    mainJobs(Cli.config(file).model());
    assertEquals(64, Cli.config(file).model().hidden().get(2));
  }

  @Test
  void badPresetsAreBadUsage() throws IOException {
    Cli.Run typo = Cli.run("train", "--preset", "mian", "--dry-run");
    assertEquals(2, typo.code(), typo::toString);
    assertTrue(typo.err().contains("--preset (preset) = \"mian\": must be one of main; did you mean `main`?"), typo::toString);
    Path layers = Files.writeString(dir.resolve("l.yaml"), "model:\n  layers: [{type: dense, units: 8}]\n");
    Cli.Run both = Cli.run("train", layers.toString(), "--preset", "main", "--dry-run");
    assertEquals(2, both.code(), both::toString);
    assertTrue(both.err().contains("--preset (preset) = main starts from the main job's MLP keys")
        && both.err().contains("`model.layers` lists the layers instead; give one of them"), both::toString);
  }

  @Test
  void theFirstLineNamesTheMainJobAndThePrintedConfigRecordsIt() throws IOException {
    Path out = dir.resolve("main");
    Cli.Run main = Cli.run("train", "--max-steps", "2", "--epochs", "1", "--no-diagnose", "--no-progress", "--out",
        out.toString());
    assertEquals(0, main.code(), main::toString);
    assertTrue(main.out().startsWith("main job (preset main)\nmnist-10k: 8000 train"), main::toString);
    assertTrue(main.out().contains("relu, batch norm, dropout 0.2, 111594 parameters"), main::toString);
    String printed = Files.readString(out.resolve("config.yaml"));
    assertTrue(printed.startsWith("preset: main\n"), printed);
    TrainConfig again = Cli.config(out.resolve("config.yaml"), "--out", dir.resolve("again").toString());
    assertEquals(Cli.config(null).model(), again.model());
    assertEquals(Preset.MAIN, again.preset());
    Cli.Run plain = Cli.run("train", "--hidden", "16", "--max-steps", "2", "--epochs", "1", "--no-diagnose",
        "--no-progress", "--out", dir.resolve("plain").toString());
    assertEquals(0, plain.code(), plain::toString);
    assertTrue(plain.out().startsWith("mnist-10k: 8000 train"), plain::toString);
    assertTrue(plain.out().contains("model: 784-16-10 relu, 12730 parameters"), plain::toString);
    assertFalse(Files.readString(dir.resolve("plain").resolve("config.yaml")).contains("preset"));
  }

  @Test
  void sweepCellsFollowTheSameRule() throws IOException {
    String base = "base: {training: {epochs: 1, max_steps: 2}}\n";
    Path model = Files.writeString(dir.resolve("model.yaml"), base + "axes: {activation: [tanh]}\n");
    Path other = Files.writeString(dir.resolve("other.yaml"), base + "axes: {lr: [0.01]}\n");
    for (Path grid : List.of(model, other)) {
      Path out = dir.resolve("sweep-" + grid.getFileName());
      Cli.Run run = Cli.run("sweep", grid.toString(), "--out", out.toString());
      assertEquals(0, run.code(), run::toString);
      try (var cells = Files.list(out.resolve("cells"))) {
        Path cell = cells.findFirst().orElseThrow();
        String config = Files.readString(cell.resolve("config.yaml"));
        boolean main = grid.equals(other);
        assertEquals(main, config.startsWith("preset: main\n"), config);
        assertTrue(config.contains("batch_norm: " + main), config);
      }
    }
  }

  @Test
  void theReadmesDeepSigmoidExampleVanishes() {
    Cli.Run run = Cli.run("diagnose", "--hidden", "256x10", "--activation", "sigmoid", "--fail-on", "vanishing");
    assertEquals(DiagnoseCommand.FOUND, run.code(), run::toString);
    assertTrue(run.out().contains("-256-10 sigmoid, 795658 parameters; optimizer: adam") // no batch norm, no dropout
        && run.out().contains("VANISHING (warning)"), run::toString);
  }
}
