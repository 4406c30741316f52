package org.deepgrad.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.deepgrad.run.config.DataConfig;
import org.deepgrad.run.config.ModelConfig;
import org.deepgrad.run.config.TrainConfig;

/**
 * A run small enough for a unit test (spirals, a 16-16 sigmoid MLP, 40 steps, diagnostics every 5
 * steps, a tenth held out for validation), trained through {@link Training} with its log captured.
 */
public final class TinyRuns {
  private TinyRuns() {}

  /** What a run printed. */
  public record Result(Training.Outcome outcome, String out, String err) {}

  /** The tiny run's configuration, writing to {@code out}. */
  public static TrainConfig config(Path out) {
    return TrainConfig.plain().withData(DataConfig.of("spirals").withValidation(0.1))
        .withModel(ModelConfig.mlp(16, 16).withActivation("sigmoid"))
        .withTraining(t -> t.withEpochs(4).withMaxSteps(40))
        .withOutput(o -> o.withDir(out).withProgress(false).withDiagnoseEvery(5).withLogEvery(5));
  }

  /** Trains the tiny run into {@code out}, its configuration changed by {@code change}. */
  public static Result train(Path out, UnaryOperator<TrainConfig> change) throws IOException {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    Training.Outcome outcome = Training.run(change.apply(config(out)),
        new RunLog(new PrintWriter(o), new PrintWriter(e), Progress.Mode.LINES));
    return new Result(outcome, o.toString(), e.toString());
  }

  /** Trains the tiny run into {@code out}. */
  public static Result train(Path out) throws IOException {
    return train(out, c -> c);
  }
}
