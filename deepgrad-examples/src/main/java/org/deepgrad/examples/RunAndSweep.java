package org.deepgrad.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.deepgrad.run.Progress;
import org.deepgrad.run.RunLog;
import org.deepgrad.run.Training;
import org.deepgrad.run.config.ModelConfig;
import org.deepgrad.run.config.OptimizerConfig;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.sweep.Sweep;

/**
 * A run as a value, without the command line: a 784-64-10 tanh MLP on the built-in digits, Adam, two
 * epochs, trained into {@code runs/example-run} (its config.yaml, metrics, model, diagnostics and
 * report.html, as {@code deepgrad train} writes them); then a two-cell sweep of that run over the
 * activation into {@code runs/example-sweep}, whose results.html compares the cells. The folders must
 * not hold another run or sweep.
 */
final class RunAndSweep {
  private RunAndSweep() {}

  static void main() {
    main(Path.of("runs"));
  }

  /** The example with its run and sweep in {@code runs}. */
  static void main(Path runs) {
    PrintWriter out = new PrintWriter(System.out, true);
    TrainConfig run = TrainConfig.plain()
        .withModel(ModelConfig.mlp(64).withActivation("tanh"))
        .withOptimizer(OptimizerConfig.of("adam").withLr(1e-3))
        .withTraining(t -> t.withEpochs(2))
        .withOutput(o -> o.withDir(runs.resolve("example-run")).withProgress(false))
        .validated();
    Sweep sweep = Sweep.of("activation", run)
        .axis("activation", List.of("tanh", "relu"), (c, a) -> c.withModel(m -> m.withActivation(a)))
        .build();
    try {
      Training.Outcome trained = Training.run(run, new RunLog(out, out, Progress.Mode.LINES));
      out.println("trained: " + Training.summary(trained.test()) + "; report " + trained.report());
      Sweep.Outcome swept = sweep.run(runs.resolve("example-sweep"), 1, 0, false, out);
      out.println("swept: " + swept.results().rows().size() + " cells; results page " + swept.page());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
