package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deepgrad.nn.LayerSpec;
import org.deepgrad.optim.schedule.StepUnit;
import org.deepgrad.run.config.ConfigPrinter;
import org.deepgrad.run.config.CsvConfig;
import org.deepgrad.run.config.Defaults;
import org.deepgrad.run.config.GroupConfig;
import org.deepgrad.run.config.Interval;
import org.deepgrad.run.config.Preset;
import org.deepgrad.run.config.ScheduleConfig;
import org.deepgrad.run.config.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainConfigTest {
  @TempDir
  Path dir;

  private Path yaml(String text) throws IOException {
    return Files.writeString(dir.resolve("config.yaml"), text);
  }

  @Test
  void noArgumentsIsTheMainJob() {
    TrainConfig c = Cli.config(null);
    assertEquals(Preset.MAIN, c.preset());
    assertEquals("mnist-10k", c.data().dataset());
    assertEquals(0, c.data().validation());
    assertEquals(List.of(128, 64, 32), c.model().hidden());
    assertEquals("relu", c.model().activation());
    assertTrue(c.model().batchNorm());
    assertEquals(0.2, c.model().dropout());
    assertFalse(c.model().residual());
    assertNull(c.model().init());
    assertEquals("adam", c.optimizer().name());
    assertEquals(Map.of(), c.optimizer().hyper(), "torch's Adam defaults, lr 1e-3");
    assertEquals(new ScheduleConfig(Defaults.SCHEDULE, StepUnit.BATCH), c.schedule());
    assertEquals(64, c.training().batchSize());
    assertEquals(Defaults.EPOCHS, c.training().epochs());
    assertEquals(Defaults.SEED, c.training().seed());
    assertEquals(Path.of("runs", "20250102-030405"), c.output().dir());
    assertEquals(new Interval(1, Interval.Unit.EPOCHS), c.output().checkpointEvery());
  }

  @Test
  void flagsOverrideTheFileWhichOverridesTheDefaults() throws IOException {
    Path file = yaml("""
        optimizer: {name: sgd, lr: 0.1, momentum: 0.9}
        model:
          hidden: 256x2
          activation: tanh
        training: {epochs: 3, batch_size: 32}
        """);
    TrainConfig c = Cli.config(file, "--lr", "0.05", "--epochs", "5", "--no-batch-norm", "--residual");
    assertTrue(c.model().residual());
    assertEquals(Map.of("lr", 0.05, "momentum", 0.9), c.optimizer().hyper());
    assertEquals("sgd", c.optimizer().name());
    assertEquals(5, c.training().epochs());
    assertEquals(32, c.training().batchSize());
    assertEquals(List.of(256, 256), c.model().hidden());
    assertEquals("tanh", c.model().activation());
    assertFalse(c.model().batchNorm());
  }

  @Test
  void yamlNumbersInExponentFormAreNumbers() throws IOException {
    TrainConfig c = Cli.config(yaml("optimizer: {lr: 1e-3, betas: [0.9, 0.99], amsgrad: true}\n"));
    assertEquals(Map.of("lr", 1e-3, "betas", List.of(0.9, 0.99), "amsgrad", true), c.optimizer().hyper());
  }

  @Test
  void hiddenForms() throws IOException {
    assertEquals(List.of(128, 64, 32), Cli.config(null, "--hidden", "128,64,32").model().hidden());
    assertEquals(java.util.Collections.nCopies(10, 256), Cli.config(null, "--hidden", "256x10").model().hidden());
    assertEquals(List.of(512, 256, 256, 256), Cli.config(null, "--hidden", "512,256x3").model().hidden());
    assertEquals(List.of(), Cli.config(null, "--hidden", "none").model().hidden());
    assertEquals(List.of(8, 4), Cli.config(yaml("model: {hidden: [8, 4]}\n")).model().hidden());
    assertEquals(List.of(64), Cli.config(yaml("model: {hidden: 64}\n")).model().hidden());
  }

  @Test
  void fullBatch() throws IOException {
    assertTrue(Cli.config(null, "--batch-size", "full").training().fullBatch());
    assertTrue(Cli.config(yaml("training: {batch_size: full}\n")).training().fullBatch());
    assertEquals(1, Cli.config(null, "--batch-size", "1").training().batchSize());
  }

  @Test
  void shorthandsForOptimizerAndComposedSchedules() throws IOException {
    TrainConfig c = Cli.config(yaml("optimizer: adamw\nschedule: [warmup:10, cosine]\n"));
    assertEquals("adamw", c.optimizer().name());
    assertEquals("warmup:10,cosine", c.schedule().spec());
    assertEquals(StepUnit.EPOCH, Cli.config(null, "--schedule", "step:10:0.5", "--schedule-unit", "epoch")
        .schedule().unit());
  }

  @Test
  void parameterGroupsSelectByRoleOrGlob() throws IOException {
    TrainConfig c = Cli.config(yaml("""
        optimizer:
          weight_decay: 0.01
          groups:
            - {params: [bias, norm], weight_decay: 0}
            - {params: "0.*", lr: 0.01}
        """));
    List<GroupConfig> groups = c.optimizer().groups();
    assertEquals(new GroupConfig(List.of("bias", "norm"), null, 0.0), groups.get(0));
    assertTrue(groups.get(0).matches("3.bias", org.deepgrad.nn.Parameter.Role.BIAS));
    assertTrue(groups.get(0).matches("1.weight", org.deepgrad.nn.Parameter.Role.NORM));
    assertFalse(groups.get(0).matches("0.weight", org.deepgrad.nn.Parameter.Role.WEIGHT));
    assertTrue(groups.get(1).matches("0.weight", org.deepgrad.nn.Parameter.Role.WEIGHT));
    assertFalse(groups.get(1).matches("10.weight", org.deepgrad.nn.Parameter.Role.WEIGHT));
  }

  @Test
  void explicitLayersWithAResidualBlock() throws IOException {
    TrainConfig c = Cli.config(yaml("""
        model:
          layers:
            - {type: dense, units: 64, init: he_normal}
            - {type: activation, name: relu}
            - type: residual
              body: [{type: layer_norm}, {type: dense, units: 64}, {type: activation, name: gelu}]
            - {type: dropout, p: 0.1}
        """));
    assertEquals(List.of(new LayerSpec.Dense(64, "he_normal"), new LayerSpec.Act("relu"),
        new LayerSpec.Residual(List.of(new LayerSpec.LayerNorm(), new LayerSpec.Dense(64, null),
            new LayerSpec.Act("gelu"))), new LayerSpec.Dropout(0.1)), c.model().layers());
  }

  @Test
  void syntheticAndUserDataSets() throws IOException {
    TrainConfig linear = Cli.config(null, "--dataset", "linear");
    assertEquals(List.of(2.0), linear.data().synthetic().weights(), "the articles' y = 2x");
    TrainConfig teacher = Cli.config(yaml("data: {dataset: teacher, synthetic: {inputs: 5, classes: 4}}\n"));
    assertEquals(4, teacher.data().synthetic().classes());
    Path csv = Files.writeString(dir.resolve("d.csv"), "a,label\n1,0\n");
    TrainConfig c = Cli.config(null, "--dataset", "csv:" + csv, "--validation", "0.25");
    assertEquals("csv", c.data().dataset());
    assertEquals(csv, c.data().path());
    assertEquals(new CsvConfig("label", false, true, ',', "classification"), c.data().csv());
    assertEquals(0.25, c.data().validation());
    assertEquals(dir, Cli.config(null, "--dataset", "idx:" + dir).data().path());
  }

  @Test
  void outputOptions() {
    TrainConfig c = Cli.config(null, "--out", dir.resolve("run").toString(), "--checkpoint-every", "500steps",
        "--no-progress", "--log-every", "10");
    assertEquals(dir.resolve("run"), c.output().dir());
    assertEquals(new Interval(500, Interval.Unit.STEPS), c.output().checkpointEvery());
    assertFalse(c.output().progress());
    assertEquals(10, c.output().logEvery());
    assertEquals(new Interval(2, Interval.Unit.EPOCHS), Interval.parse("2"));
    assertEquals(new Interval(1, Interval.Unit.EPOCHS), Interval.parse("1 epoch"));
  }

  @Test
  void printedConfigReadsBackAsTheSameConfig() throws IOException {
    Path file = yaml("""
        data: {dataset: spirals, validation: 0.1, synthetic: {samples: 500}}
        model:
          layers: [{type: dense, units: 16}, {type: batch_norm}, {type: activation, name: tanh},
                   {type: residual, body: [{type: dense, units: 16}]}]
        optimizer: {name: rmsprop, lr: 0.01, centered: true, groups: [{params: bias, weight_decay: 0}]}
        schedule: warmup:5,cosine
        training: {batch_size: full, clip_norm: 1.0, early_stopping: 3}
        """);
    TrainConfig c = Cli.config(file, "--out", dir.resolve("run").toString());
    TrainConfig again = Cli.config(yaml(ConfigPrinter.yaml(c)));
    assertEquals(c, again);
    TrainConfig defaults = Cli.config(null);
    assertEquals(defaults, Cli.config(yaml(ConfigPrinter.yaml(defaults))));
  }
}
