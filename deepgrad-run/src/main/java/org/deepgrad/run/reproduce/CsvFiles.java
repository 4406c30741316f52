package org.deepgrad.run.reproduce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.deepgrad.diagnostics.LayerStats;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.diagnostics.ParamStats;
import org.deepgrad.diagnostics.StepStats;

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
    file(dir.resolve("loss.csv"), w -> {
      w.append("run,step,loss,accuracy\n");
      for (RunResult r : runs) loss(w, r);
    });
    file(dir.resolve("eval.csv"), w -> {
      w.append("run,step,test_loss,test_accuracy\n");
      for (RunResult r : runs) {
        for (Curves.Eval e : r.evals()) row(w, r.plan().name(), e.step(), e.metrics().loss(), e.metrics().accuracy().orElse(Double.NaN));
        if (r.evals().isEmpty() || r.evals().get(r.evals().size() - 1).step() != r.totalSteps()) {
          row(w, r.plan().name(), r.totalSteps(), r.test().loss(), r.testAccuracy());
        }
      }
    });
    file(dir.resolve("layers.csv"), w -> {
      w.append("run,step,layer,depth,activation,grad_variance,grad_norm,weight_grad_norm,act_mean,act_std,saturation,"
          + "dead_fraction,update_ratio\n");
      for (RunResult r : runs) for (StepStats s : r.samples()) for (LayerStats l : s.layers()) layer(w, r, s, l);
    });
    file(dir.resolve("runs.csv"), w -> {
      w.append("run,label,model,steps,seconds,stop,train_loss,test_loss,test_accuracy,findings\n");
      for (RunResult r : runs) {
        w.append(String.join(",", r.plan().name(), quote(r.plan().label()), quote(r.model()),
            String.valueOf(r.totalSteps()), fmt(r.seconds()), r.result().stopReason().name(), fmt(r.lossAt(r.totalSteps(),
                Math.max(1, r.totalSteps() / 10))), fmt(r.test().loss()), fmt(r.testAccuracy()),
            quote(r.findings().stream().map(f -> f.kind().name()).distinct().collect(Collectors.joining(" ")))) + "\n");
      }
    });
    file(dir.resolve("claims.csv"), w -> {
      w.append("claim,source,measured,criterion,verdict\n");
      for (Claim c : claims) {
        w.append(String.join(",", quote(c.claim()), quote(c.source()), quote(c.measured()), quote(c.criterion()),
            c.verdict()) + "\n");
      }
    });
  }

  private static void loss(StringBuilder w, RunResult r) {
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
      row(w, r.plan().name(), (long) s.get(to - 1)[0], loss / (to - from), acc / (to - from));
    }
  }

  private static void layer(StringBuilder w, RunResult r, StepStats s, LayerStats l) {
    ParamStats weight = l.weight();
    double var = l.outputGrad() == null ? Double.NaN : l.outputGrad().variance();
    double norm = l.outputGrad() == null ? Double.NaN : l.outputGrad().norm();
    double mean = l.activation() == null ? Double.NaN : l.activation().mean();
    double std = l.activation() == null ? Double.NaN : l.activation().std();
    w.append(String.join(",", r.plan().name(), String.valueOf(s.step() + 1), l.name(), String.valueOf(l.index()),
        l.activationKind().name().toLowerCase(Locale.ROOT), fmt(var), fmt(norm), fmt(weight.gradNorm()), fmt(mean),
        fmt(std), fmt(l.saturation()), fmt(l.deadFraction()), fmt(weight.updateRatio())) + "\n");
  }

  private static void row(StringBuilder w, String run, long step, double a, double b) {
    w.append(run + "," + step + "," + fmt(a) + "," + fmt(b) + "\n");
  }

  private static void file(Path p, Consumer<StringBuilder> rows) throws IOException {
    StringBuilder w = new StringBuilder();
    rows.accept(w);
    byte[] text = w.toString().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(p, s -> s.write(text));
  }

  /** Full precision for charts; empty for NaN (not measured or not applicable). */
  static String fmt(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
  }

  static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
