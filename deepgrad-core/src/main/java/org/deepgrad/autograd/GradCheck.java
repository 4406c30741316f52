package org.deepgrad.autograd;

import java.util.function.Function;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * Checks an op's analytic backward against central finite differences, like
 * {@code torch.autograd.gradcheck}.
 *
 * <p>The function's output {@code y} is reduced to a scalar {@code L = Σ y·R} with a fixed random
 * {@code R}, so every output element and every path of the backward is exercised. For each input
 * element x, {@code dL/dx ≈ (L(x+h) − L(x−h)) / (x₊ − x₋)}, where L is summed in double precision and
 * {@code x₊ − x₋} is the step that float32 actually took. The analytic gradient is the one
 * {@code Autograd.backward(y, R)} leaves in each input's {@link Tensor#grad()}.
 *
 * <p>The function runs in float32, so the finite difference carries rounding noise of about
 * {@code 1e-7·|L| / h}; the default tolerances (atol 1e-3, rtol 1e-2 with h = 1e-3) sit well above
 * that and well below the error of any wrong rule. Keep inputs away from kinks (relu at 0, |x| at 0).
 */
public final class GradCheck {
  private GradCheck() {}

  /** Step and tolerances: an element passes when {@code |analytic − numeric| <= atol + rtol·|numeric|}. */
  public record Options(double eps, double atol, double rtol, long seed) {
    /** Defaults: eps 1e-3, atol 1e-3, rtol 1e-2, seed 7 for the random weights R. */
    public static final Options DEFAULT = new Options(1e-3, 1e-3, 1e-2, 7);

    /** Validates: eps > 0, atol >= 0, rtol >= 0. */
    public Options {
      if (!(eps > 0) || !(atol >= 0) || !(rtol >= 0)) {
        throw new IllegalArgumentException("gradcheck needs eps > 0, atol >= 0, rtol >= 0; got eps=" + eps
            + " atol=" + atol + " rtol=" + rtol);
      }
    }

    /** These options with the given absolute and relative tolerances. */
    public Options withTolerance(double atol, double rtol) {
      return new Options(eps, atol, rtol, seed);
    }

    /** These options with the given finite-difference step h. */
    public Options withEps(double eps) {
      return new Options(eps, atol, rtol, seed);
    }
  }

  /**
   * The outcome, with the worst element (largest error relative to its tolerance).
   *
   * @param input which input the worst element belongs to
   * @param index its flat row-major index
   */
  public record Result(boolean passed, int checked, int input, int index, double analytic, double numeric,
      double error, double tolerance) {
    @Override
    public String toString() {
      return (passed ? "gradcheck passed" : "gradcheck FAILED") + ": " + checked + " elements, worst at input "
          + input + " element " + index + ": analytic " + analytic + ", numeric " + numeric + ", |diff| "
          + error + " (tolerance " + tolerance + ")";
    }
  }

  /** Checks {@code f} at {@code inputs} with the default options. */
  public static Result check(Function<Tensor[], Tensor> f, Tensor... inputs) {
    return check(f, Options.DEFAULT, inputs);
  }

  /**
   * Checks {@code f} at {@code inputs}: every input with {@link Tensor#requiresGrad()} is checked, the
   * others are held constant. The inputs' gradients are overwritten.
   */
  public static Result check(Function<Tensor[], Tensor> f, Options options, Tensor... inputs) {
    for (Tensor in : inputs) in.zeroGrad();
    Tensor y = f.apply(inputs);
    Rng rng = new Rng(options.seed());
    float[] r = new float[y.size()];
    for (int i = 0; i < r.length; i++) r[i] = (float) rng.uniform(-1, 1);
    Tensor projection = Tensor.of(r, y.shape());
    if (y.requiresGrad()) Autograd.backward(y, projection);

    int checked = 0;
    double worstRatio = -1;
    Result worst = null;
    boolean passed = true;
    for (int t = 0; t < inputs.length; t++) {
      Tensor in = inputs[t];
      if (!in.requiresGrad()) continue;
      float[] x = in.data();
      Tensor grad = in.grad();
      for (int i = 0; i < x.length; i++) {
        float original = x[i];
        float plus = (float) (original + options.eps());
        float minus = (float) (original - options.eps());
        x[i] = plus;
        double lPlus = projected(f, inputs, r);
        x[i] = minus;
        double lMinus = projected(f, inputs, r);
        x[i] = original;
        double numeric = (lPlus - lMinus) / ((double) plus - (double) minus);
        double analytic = grad == null ? 0.0 : grad.data()[i];
        double error = Math.abs(analytic - numeric);
        double tolerance = options.atol() + options.rtol() * Math.abs(numeric);
        boolean ok = error <= tolerance && Double.isFinite(analytic);
        passed &= ok;
        checked++;
        double ratio = Double.isFinite(analytic) ? error / tolerance : Double.POSITIVE_INFINITY;
        if (ratio > worstRatio) {
          worstRatio = ratio;
          worst = new Result(false, 0, t, i, analytic, numeric, error, tolerance);
        }
      }
    }
    if (worst == null) {
      throw new IllegalArgumentException("gradcheck: no input requires a gradient; mark them with requiresGrad(true)");
    }
    return new Result(passed, checked, worst.input(), worst.index(), worst.analytic(), worst.numeric(),
        worst.error(), worst.tolerance());
  }

  private static double projected(Function<Tensor[], Tensor> f, Tensor[] inputs, float[] r) {
    try (NoGrad scope = NoGrad.enter()) {
      float[] y = f.apply(inputs).data();
      double s = 0;
      for (int i = 0; i < y.length; i++) s += (double) y[i] * r[i];
      return s;
    }
  }
}
