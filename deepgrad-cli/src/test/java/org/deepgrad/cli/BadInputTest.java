package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad flags and config files: exit code 2 and a one-paragraph message naming the problem, no stack trace. */
class BadInputTest {
  @TempDir
  static Path dir;

  /** A case: an optional YAML config (written to a file passed first), the arguments, the expected phrases. */
  record Case(String name, String yaml, List<String> args, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case flags(String name, List<String> args, String... expected) {
    return new Case(name, null, args, List.of(expected));
  }

  private static Case file(String name, String yaml, String... expected) {
    return new Case(name, yaml, List.of(), List.of(expected));
  }

  static Stream<Case> cases() {
    return Stream.of(
        file("unknown key with a suggestion", "optimizer: {learning_rate: 0.1}\n",
            "unknown key `optimizer.learning_rate`", "did you mean `lr`?", "allowed in `optimizer`"),
        file("typo in a key", "training: {epoch: 3}\n", "unknown key `training.epoch`", "did you mean `epochs`?"),
        file("unknown section", "trainig: {}\n", "unknown key `trainig`", "did you mean `training`?"),
        file("wrong type", "training: {epochs: ten}\n", "`training.epochs` = \"ten\"", "whole number"),
        file("wrong type of a section", "model: [1, 2]\n", "`model`", "mapping"),
        flags("negative learning rate", List.of("--lr", "-0.1"), "--lr (optimizer.lr) = -0.1", ">= 0"),
        flags("unknown optimizer", List.of("--optimizer", "adamm"), "--optimizer (optimizer.name) = \"adamm\"",
            "sgd, momentum, nesterov, adagrad, rmsprop, adadelta, adam, adamw", "did you mean `adam`?"),
        flags("unknown activation", List.of("--activation", "relu6"), "--activation (model.activation)",
            "leaky_relu", "softsign"),
        flags("unknown init", List.of("--init", "he"), "--init (model.init) = \"he\"", "unknown initializer",
            "he_normal", "xavier_uniform"),
        flags("bad schedule spec", List.of("--schedule", "exponential"), "--schedule (schedule.spec)",
            "bad schedule spec 'exponential'", "Valid forms"),
        flags("unknown schedule", List.of("--schedule", "cosinus"), "unknown schedule 'cosinus'"),
        flags("missing config file", List.of(dir.resolve("nope.yaml").toString()), "config file not found",
            "nope.yaml"),
        file("malformed YAML", "model: {hidden: [1, 2\n", "is not valid YAML", "line"),
        file("duplicate key", "training: {epochs: 1, epochs: 2}\n", "is not valid YAML", "epochs"),
        file("top level not a mapping", "- 1\n- 2\n", "must be a YAML mapping", "a list"),
        flags("negative epochs", List.of("--epochs", "-3"), "--epochs (training.epochs) = -3", "whole number in [1,"),
        flags("dropout of 1", List.of("--dropout", "1"), "--dropout (model.dropout) = 1.0", "in [0, 1)"),
        flags("bad hidden", List.of("--hidden", "128,,64"), "--hidden (model.hidden)", "WIDTHxCOUNT"),
        flags("zero width", List.of("--hidden", "0x3"), "--hidden (model.hidden)", "width 0"),
        flags("bad batch size", List.of("--batch-size", "half"), "--batch-size (training.batch_size)", "full"),
        flags("unknown flag", List.of("--lrr", "0.1"), "Unknown option", "--lrr"),
        flags("flag value not a number", List.of("--lr", "fast"), "--lr", "fast"),
        flags("unknown data set", List.of("--dataset", "mnist10k"), "unknown data set", "did you mean `mnist-10k`?"),
        flags("missing csv file", List.of("--dataset", "csv:" + dir.resolve("x.csv")), "no such file", "x.csv"),
        flags("sgd without lr", List.of("--optimizer", "sgd"), "no default learning rate", "--lr X"),
        flags("hyper-parameter the optimizer lacks", List.of("--momentum", "0.9"), "adam",
            "unknown hyper-parameter(s) [momentum]"),
        file("beta out of range", "optimizer: {betas: [0.9, 1.5]}\n", "betas[1] = 1.5", "in [0, 1)"),
        flags("early stopping without validation", List.of("--early-stopping", "3"),
            "--early-stopping (training.early_stopping)", "--validation"),
        flags("validation of 1", List.of("--validation", "1"), "--validation (data.validation) = 1.0", "in [0, 1)"),
        file("layers and hidden together", "model: {hidden: [8], layers: [{type: dense, units: 4}]}\n",
            "both describe the model"),
        file("unknown layer type", "model: {layers: [{type: conv}]}\n", "`model.layers[0].type` = \"conv\"",
            "dense, batch_norm"),
        file("synthetic keys on MNIST", "data: {synthetic: {samples: 10}}\n", "applies only to"),
        flags("resume without an output directory", List.of("--resume"), "--resume", "--out DIR"),
        flags("bad checkpoint interval", List.of("--checkpoint-every", "often"), "--checkpoint-every", "500steps"),
        flags("no command", List.of(), "missing command"),
        flags("a master without deepgrad-spark on the class path", List.of("--master", "local[2]", "--out",
            dir.resolve("spark").toString()), "--master local[2]: training on a cluster needs deepgrad-spark",
            "./deepgrad"),
        flags("replicas without a master", List.of("--replicas", "2"), "--replicas applies to --master"),
        flags("evaluate a missing model", List.of("evaluate", "--model", dir.resolve("none").toString()),
            "no such directory"),
        flags("evaluate a directory without a model", List.of("evaluate", "--model", dir.toString()),
            "no model.json in it"),
        flags("predict without input", List.of("predict", "--model", dir.toString()), "--input"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exitsWithTwoAndNamesTheProblem(Case c) throws IOException {
    List<String> args = new ArrayList<>();
    boolean otherCommand = !c.args().isEmpty() && List.of("evaluate", "predict").contains(c.args().get(0));
    if (!c.name().equals("no command") && !otherCommand) args.add("train");
    if (c.yaml() != null) args.add(Files.writeString(dir.resolve(c.name().replace(' ', '_') + ".yaml"), c.yaml()).toString());
    args.addAll(c.args());
    Cli.Run run = Cli.run(args.toArray(String[]::new));
    assertEquals(Failures.BAD_INPUT, run.code(), run::toString);
    for (String phrase : c.expected()) assertTrue(run.err().contains(phrase), () -> "'" + phrase + "' missing:\n" + run);
    assertFalse(run.err().contains("\tat "), () -> "a stack trace without --verbose:\n" + run);
    assertEquals("", run.out(), run::toString);
  }

  @Test
  void aSweepOnAMasterNeedsDeepgradSparkAndTakesNoJobs() throws IOException {
    Path grid = Files.writeString(dir.resolve("grid.yaml"), "base: {data: {dataset: spirals}, training: {epochs: 1}}\n"
        + "axes: {lr: [0.1, 0.01]}\n");
    Cli.Run run = Cli.run("sweep", grid.toString(), "--master", "local[2]", "--out", dir.resolve("sweep").toString());
    assertEquals(Failures.BAD_INPUT, run.code(), run::toString);
    assertTrue(run.err().contains("--master local[2]: running a sweep's cells on a cluster needs deepgrad-spark"), run::toString);
    assertFalse(Files.exists(dir.resolve("sweep")), "nothing written");
    run = Cli.run("sweep", grid.toString(), "--master", "local[2]", "--jobs", "2");
    assertEquals(Failures.BAD_INPUT, run.code(), run::toString);
    assertTrue(run.err().contains("--jobs applies to a sweep in this JVM"), run::toString);
  }

  @Test
  void verboseAddsTheStackTrace() {
    Cli.Run run = Cli.run("train", "--verbose", "--dropout", "2");
    assertEquals(Failures.BAD_INPUT, run.code(), run::toString);
    assertTrue(run.err().contains("\tat org.deepgrad.cli."), run::toString);
  }

  @Test
  void anOutputDirectoryHoldingARunNeedsResume() throws IOException {
    Path out = Files.createDirectories(dir.resolve("run"));
    Files.writeString(out.resolve("metrics.jsonl"), "");
    Cli.Run run = Cli.run("train", "--dry-run", "--out", out.toString());
    assertEquals(Failures.BAD_INPUT, run.code(), run::toString);
    assertTrue(run.err().contains("already holds a run; pass --resume"), run::toString);
    assertEquals(Failures.OK, Cli.run("train", "--dry-run", "--out", out.toString(), "--resume").code());
  }
}
