package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.io.SavedModel;
import org.deepgrad.io.Task;
import org.deepgrad.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 4: {@code deepgrad train} runs for every optimizer, activation and initializer name, and for
 * full-batch training, regression and spirals: exit 0, a model that loads back, and a test score
 * well above chance (10% on mnist-10k) after 30 steps of a 784-16-10 network.
 */
class OptimizerActivationRunTest {
  /** A learning rate per optimizer that learns within 30 steps (torch's defaults are tuned for longer runs). */
  private static final Map<String, String> LR = Map.ofEntries(Map.entry("sgd", "0.1"), Map.entry("momentum", "0.05"),
      Map.entry("nesterov", "0.05"), Map.entry("adagrad", "0.05"), Map.entry("rmsprop", "0.005"),
      Map.entry("adadelta", "1.0"), Map.entry("adam", "0.01"), Map.entry("adamw", "0.01"), Map.entry("adamax", "0.01"),
      Map.entry("nadam", "0.01"), Map.entry("radam", "0.01"));
  private static final Pattern ACCURACY = Pattern.compile("test accuracy: (\\d+\\.\\d+)% \\(loss \\d+\\.\\d+\\)");
  private static final Pattern REGRESSION = Pattern.compile("test mse: (\\S+), r2: (-?\\d+\\.\\d+)");

  @TempDir
  static Path dir;

  /** Runs {@code train --out DIR/name args...}; asserts exit 0 and that the model files load back. */
  private static Cli.Run train(String name, String... args) throws IOException {
    Path out = dir.resolve(name);
    List<String> all = new ArrayList<>(List.of("train", "--no-progress", "--out", out.toString()));
    all.addAll(List.of(args));
    Cli.Run run = Cli.run(all.toArray(String[]::new));
    assertEquals(Failures.OK, run.code(), run::toString);
    assertTrue(Files.isRegularFile(out.resolve(ModelFiles.WEIGHTS)), run::toString);
    SavedModel saved = ModelFiles.load(out);
    for (Parameter p : saved.model().parameters()) {
      for (float v : p.value().data()) assertTrue(Float.isFinite(v), () -> name + ": a saved weight is not finite");
    }
    return run;
  }

  /** The printed test accuracy in [0, 1]. */
  private static double accuracy(Cli.Run run) {
    Matcher m = ACCURACY.matcher(run.out());
    assertTrue(m.find(), () -> "no test accuracy line:\n" + run);
    return Double.parseDouble(m.group(1)) / 100;
  }

  private static void assertLearns(Cli.Run run, double atLeast) {
    double a = accuracy(run);
    assertTrue(a > atLeast, () -> "test accuracy " + a + " is not above " + atLeast + ":\n" + run);
  }

  @ParameterizedTest(name = "--optimizer {0}")
  @ValueSource(strings = {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax",
      "nadam", "radam"})
  void everyOptimizerLearns(String optimizer) throws IOException {
    // the learning rates suit the main job's batch norm and dropout, so ask for them: --hidden alone is a plain MLP
    assertLearns(train("optimizer-" + optimizer, "--preset", "main", "--hidden", "16", "--optimizer", optimizer,
        "--lr", LR.get(optimizer), "--epochs", "1", "--max-steps", "30"), 0.3);
  }

  @ParameterizedTest(name = "--activation {0}")
  @ValueSource(strings = {"sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "softsign"})
  void everyActivationLearns(String activation) throws IOException {
    Cli.Run run = train("activation-" + activation, "--hidden", "16", "--activation", activation, "--lr", "0.01",
        "--epochs", "1", "--max-steps", "30");
    assertLearns(run, 0.3);
    assertTrue(run.out().contains("784-16-10 " + activation), run::toString);
  }

  @ParameterizedTest(name = "--init {0}")
  @ValueSource(strings = {"standard", "xavier_uniform", "xavier_normal", "he_uniform", "he_normal", "lecun_normal",
      "orthogonal"})
  void everyInitializerLearns(String init) throws IOException {
    assertLearns(train("init-" + init, "--hidden", "16", "--init", init, "--lr", "0.01", "--epochs", "1",
        "--max-steps", "30"), 0.3);
  }

  @Test
  void fullBatchGradientDescentTakesOneStepAnEpoch() throws IOException {
    Cli.Run run = train("full-batch", "--hidden", "16", "--batch-size", "full", "--optimizer", "sgd", "--lr", "0.5",
        "--epochs", "20");
    assertTrue(run.out().contains("COMPLETED after 20 epochs (20 steps)"), run::toString);
    assertLearns(run, 0.5);
  }

  @Test
  void linearRegressionFindsYEqualsTwoX() throws IOException {
    Cli.Run run = train("linear", "--dataset", "linear", "--hidden", "none", "--optimizer", "sgd", "--lr", "0.1",
        "--epochs", "20");
    Matcher m = REGRESSION.matcher(run.out());
    assertTrue(m.find(), () -> "no test mse/r2 line:\n" + run);
    assertTrue(Double.parseDouble(m.group(2)) > 0.9, run::toString);
    SavedModel saved = ModelFiles.load(dir.resolve("linear"));
    assertEquals(Task.REGRESSION, saved.card().task());
    float slope = saved.model().namedParameters().get("0.weight").value().data()[0];
    assertEquals(2.0, slope, 0.1, "the fitted slope of y = 2x + noise");
  }

  @Test
  void spiralsAreSeparated() throws IOException {
    assertLearns(train("spirals", "--dataset", "spirals", "--hidden", "64,64", "--no-batch-norm", "--dropout", "0",
        "--optimizer", "adam", "--lr", "0.01", "--epochs", "40"), 0.9);
  }
}
