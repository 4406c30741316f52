package org.deepgrad.run.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deepgrad.nn.LayerSpec;
import org.deepgrad.run.TinyRuns;
import org.deepgrad.run.files.RunContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration written out as config.yaml ({@link ConfigPrinter}) reads back into an equal value:
 * every config of the repository's examples/, the main job, a value built with every section changed,
 * and the config.yaml a run writes.
 */
class RoundTripTest {
  @TempDir
  Path dir;

  private TrainConfig roundTrip(TrainConfig c) throws IOException {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, ConfigPrinter.yaml(c));
    return TrainConfig.read(file);
  }

  /** The repository root: surefire's {@code repo.dir}, else the nearest directory upwards holding examples/. */
  private static Path examples() {
    String repo = System.getProperty("repo.dir");
    if (repo != null && !repo.isBlank() && Files.isDirectory(Path.of(repo, "examples"))) return Path.of(repo, "examples");
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("examples").resolve("mnist-mlp.yaml"))) return p.resolve("examples");
    }
    throw new IllegalStateException("cannot find the repository's examples/");
  }

  @Test
  void everyExampleConfigReadsBackEqual() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(examples())) {
      files = s.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().startsWith("sweep-")).sorted()
          .toList();
    }
    assertTrue(files.size() >= 20, "found " + files);
    for (Path f : files) {
      TrainConfig c = TrainConfig.read(f);
      assertEquals(c, roundTrip(c), f::toString);
    }
  }

  @Test
  void theMainJobReadsBackEqual() throws IOException {
    TrainConfig main = TrainConfig.mainJob();
    assertEquals(Preset.MAIN, main.preset());
    assertEquals(main, roundTrip(main));
    assertEquals(main, main.validated());
  }

  @Test
  void aValueWithEverySectionChangedReadsBackEqual() throws IOException {
    TrainConfig c = TrainConfig.plain()
        .withData(DataConfig.of("teacher").withValidation(0.2).withStandardize(true))
        .withModel(ModelConfig.layers(List.of(new LayerSpec.Dense(32, "he_normal"), new LayerSpec.BatchNorm(1e-3, 0.2),
            new LayerSpec.Act("elu"), new LayerSpec.Dropout(0.1))))
        .withOptimizer(OptimizerConfig.of("adamw").withLr(3e-4).with("betas", List.of(0.9, 0.95)).withWeightDecay(0.05)
            .withGroups(List.of(new GroupConfig(List.of("bias", "norm"), null, 0.0))))
        .withSchedule(ScheduleConfig.of("warmup:50,cosine"))
        .withTraining(t -> t.withEpochs(3).withBatchSize(TrainingConfig.FULL_BATCH).withSeed(7).withClipNorm(1)
            .withL2(1e-4).withEarlyStopping(2))
        .withOutput(o -> o.withDir(Path.of("runs", "x")).withCheckpointEvery(Interval.parse("100steps"))
            .withDiagnoseEvery(10));
    TrainConfig checked = c.validated();
    assertEquals(c, checked, "a valid value is its own checked form");
    assertEquals(c, roundTrip(c));
    assertNotEquals(TrainConfig.plain(), roundTrip(c));
  }

  @Test
  void aRunsConfigYamlReadsBackAsTheValueItRan() throws IOException {
    Path run = dir.resolve("run");
    TrainConfig c = TinyRuns.config(run).withTraining(t -> t.withMaxSteps(5));
    TinyRuns.train(run, x -> x.withTraining(t -> t.withMaxSteps(5)));
    assertEquals(c, TrainConfig.read(run.resolve(RunContents.CONFIG_FILE)));
  }

  @Test
  void theTextOfConfigYamlReadsBackEqualAsAClustersExecutorsReadIt() {
    TrainConfig c = TinyRuns.config(Path.of("runs", "text")).withOptimizer(OptimizerConfig.of("sgd").withLr(0.05)
        .withGroups(List.of(new GroupConfig(List.of("bias"), null, 0.0)))).withTraining(t -> t.withWeightClip(2));
    assertEquals(c, TrainConfig.fromYaml(ConfigPrinter.yaml(c)));
    RunException e = org.junit.jupiter.api.Assertions.assertThrows(RunException.class,
        () -> TrainConfig.fromYaml("training: {epochs: 0}"));
    assertTrue(e.getMessage().startsWith("`training.epochs` = 0"), e.getMessage());
  }

  @Test
  void absolutePathsNameTheSameFilesFromAnyDirectory() throws IOException {
    Path csv = Files.writeString(dir.resolve("d.csv"), "x,y\n1,0\n2,1\n");
    Path relative = Path.of("").toAbsolutePath().relativize(csv);
    TrainConfig c = TrainConfig.plain().withData(DataConfig.of("csv:" + relative))
        .withOutput(o -> o.withDir(Path.of("runs", "rel")));
    TrainConfig abs = c.withAbsolutePaths();
    assertEquals(csv, abs.data().path());
    assertEquals(Path.of("runs", "rel").toAbsolutePath(), abs.output().dir());
    assertEquals(c.withData(abs.data()).withOutput(abs.output()), abs, "nothing else changes");
    assertEquals(abs, abs.withAbsolutePaths());
  }

  @Test
  void aBadValueIsNamedByItsKey() {
    RunException e = org.junit.jupiter.api.Assertions.assertThrows(RunException.class,
        () -> TrainConfig.plain().withTraining(t -> t.withEpochs(0)).validated());
    assertTrue(e.getMessage().startsWith("`training.epochs` = 0: must be a whole number in [1, 1000000]"), e.getMessage());
    e = org.junit.jupiter.api.Assertions.assertThrows(RunException.class,
        () -> TrainConfig.plain().withModel(m -> m.withActivation("sigmoidd")).validated());
    assertTrue(e.getMessage().contains("`model.activation`") && e.getMessage().contains("did you mean `sigmoid`"),
        e.getMessage());
  }
}
