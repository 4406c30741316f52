package org.deepgrad.run.reproduce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.deepgrad.diagnostics.LayerStats;
import org.deepgrad.diagnostics.ParamStats;
import org.deepgrad.diagnostics.StepStats;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.run.files.CsvTables;

/**
 * The series of an experiment as CSV files, one record type per file, long format (one row per run
 * and x value) so a chart is a filter on {@code run} and a plot of two columns:
 * <pre>
 * loss.csv    run,step,loss,accuracy          training batch loss/accuracy, mean over blocks of updates
 * eval.csv    run,step,test_loss,test_accuracy  test split along the run and at the end
 * layers.csv  run,step,layer,depth,activation,grad_variance,grad_norm,weight_grad_norm,act_mean,act_std,
 *             saturation,dead_fraction,update_ratio     per layer at each sampled update
 * runs.csv    run,label,model,steps,seconds,stop,train_loss,test_loss,test_accuracy,findings
 * claims.csv  claim,source,measured,criterion,verdict
 * </pre>
 * Steps are update numbers from 1; layers.csv's step 1 holds the initial weights' statistics.
 * grad_variance is the variance of ∂loss/∂(layer output) over the batch (Glorot &amp; Bengio's
 * back-propagated gradient), grad_norm its L2 norm, weight_grad_norm that of the weight's gradient.
 */
final class CsvFiles {
  /** About how many points per run loss.csv holds. */
  static final int POINTS = 200;

  private CsvFiles() {}

  static void write(Path dir, List<RunResult> runs, List<Claim> claims) throws IOException {
    List<List<String>> loss = new ArrayList<>();
    for (RunResult r : runs) loss(loss, r);
    file(dir.resolve("loss.csv"), List.of("run", "step", "loss", "accuracy"), loss);
    List<List<String>> eval = new ArrayList<>();
    for (RunResult r : runs) {
      for (Curves.Eval e : r.evals()) {
        eval.add(row(r.plan().name(), e.step(), e.metrics().loss(), e.metrics().accuracy().orElse(Double.NaN)));
      }
      if (r.evals().isEmpty() || r.evals().get(r.evals().size() - 1).step() != r.totalSteps()) {
        eval.add(row(r.plan().name(), r.totalSteps(), r.test().loss(), r.testAccuracy()));
      }
    }
    file(dir.resolve("eval.csv"), List.of("run", "step", "test_loss", "test_accuracy"), eval);
    List<List<String>> layers = new ArrayList<>();
    for (RunResult r : runs) for (StepStats s : r.samples()) for (LayerStats l : s.layers()) layers.add(layer(r, s, l));
    file(dir.resolve("layers.csv"), List.of("run", "step", "layer", "depth", "activation", "grad_variance", "grad_norm",
        "weight_grad_norm", "act_mean", "act_std", "saturation", "dead_fraction", "update_ratio"), layers);
    List<List<String>> table = new ArrayList<>();
    for (RunResult r : runs) {
      table.add(List.of(r.plan().name(), r.plan().label(), r.model(), String.valueOf(r.totalSteps()), fmt(r.seconds()),
          r.result().stopReason().name(), fmt(r.lossAt(r.totalSteps(), Math.max(1, r.totalSteps() / 10))),
          fmt(r.test().loss()), fmt(r.testAccuracy()),
          r.findings().stream().map(f -> f.kind().name()).distinct().collect(Collectors.joining(" "))));
    }
    file(dir.resolve("runs.csv"), List.of("run", "label", "model", "steps", "seconds", "stop", "train_loss", "test_loss",
        "test_accuracy", "findings"), table);
    List<List<String>> verdicts = new ArrayList<>();
    for (Claim c : claims) verdicts.add(List.of(c.claim(), c.source(), c.measured(), c.criterion(), c.verdict()));
    file(dir.resolve("claims.csv"), List.of("claim", "source", "measured", "criterion", "verdict"), verdicts);
  }

  private static void loss(List<List<String>> out, RunResult r) {
    List<double[]> s = r.steps();
    int block = Math.max(1, s.size() / POINTS);
    for (int from = 0; from < s.size(); from += block) {
      int to = Math.min(s.size(), from + block);
      double loss = 0;
      double acc = 0;
      for (int i = from; i < to; i++) {
        loss += s.get(i)[1];
        acc += s.get(i)[2];
      }
      out.add(row(r.plan().name(), (long) s.get(to - 1)[0], loss / (to - from), acc / (to - from)));
    }
  }

  private static List<String> layer(RunResult r, StepStats s, LayerStats l) {
    ParamStats weight = l.weight();
    double var = l.outputGrad() == null ? Double.NaN : l.outputGrad().variance();
    double norm = l.outputGrad() == null ? Double.NaN : l.outputGrad().norm();
    double mean = l.activation() == null ? Double.NaN : l.activation().mean();
    double std = l.activation() == null ? Double.NaN : l.activation().std();
    return List.of(r.plan().name(), String.valueOf(s.step() + 1), l.name(), String.valueOf(l.index()),
        l.activationKind().name().toLowerCase(Locale.ROOT), fmt(var), fmt(norm), fmt(weight.gradNorm()), fmt(mean),
        fmt(std), fmt(l.saturation()), fmt(l.deadFraction()), fmt(weight.updateRatio()));
  }

  private static List<String> row(String run, long step, double a, double b) {
    return List.of(run, String.valueOf(step), fmt(a), fmt(b));
  }

  private static void file(Path p, List<String> header, List<List<String>> rows) throws IOException {
    byte[] text = CsvTables.text(header, rows).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(p, s -> s.write(text));
  }

  /** Full precision for charts; empty for NaN (not measured or not applicable). */
  static String fmt(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
  }
}
