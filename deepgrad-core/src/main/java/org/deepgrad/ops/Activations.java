package org.deepgrad.ops;

import org.deepgrad.autograd.Autograd;
import org.deepgrad.tensor.Tensor;

/**
 * Activation functions with torch.nn.functional's semantics and defaults. Each method's Javadoc gives
 * the function and its derivative {@code f'}; the backward rule is {@code dx = g · f'(x)}. At a kink
 * the derivative takes torch's one-sided value.
 */
public final class Activations {
  private static final double SQRT_2_OVER_PI = 0.7978845608028654;
  private static final double GELU_TANH_C = 0.044715;

  private Activations() {}

  /** {@code relu(x) = max(0, x)}; {@code relu'(x) = 1 if x > 0 else 0} (0 at 0, as PyTorch; relu(NaN) is NaN). */
  public static Tensor relu(Tensor x) {
    float[] v = x.data();
    float[] r = new float[v.length];
    reluForward(v, r, 0, r.length);
    return Autograd.record(r, x.shape(), "relu", g -> {
      float[] d = new float[v.length];
      reluBackward(v, g.data(), d, 0, d.length);
      return new Tensor[] {Tensor.of(d, x.shape())};
    }, x);
  }

  /**
   * ReLU's forward on elements {@code [from, to)}: {@code y[i] = max(x[i], 0)}, NaN staying NaN (as
   * torch). {@code Math.max} compiles to a vector max; a compare-and-branch mispredicts on half the
   * elements of a layer's pre-activations and is many times slower (docs/performance.md).
   */
  public static void reluForward(float[] x, float[] y, int from, int to) {
    for (int i = from; i < to; i++) y[i] = Math.max(x[i], 0f);
  }

  /**
   * ReLU's backward on elements {@code [from, to)}: {@code dx[i] = g[i] if x[i] > 0 else 0} (0 for a
   * NaN x, as torch); {@code dx} may be {@code g}. Branch-free: the bits of {@code g} are kept under a
   * mask that is all ones exactly when {@code x}'s bits are those of a float in (0, +∞].
   */
  public static void reluBackward(float[] x, float[] g, float[] dx, int from, int to) {
    for (int i = from; i < to; i++) {
      int b = Float.floatToRawIntBits(x[i]);
      int positive = (-b & ~b & (b - 0x7f800001)) >> 31; // sign of -b: b > 0; of ~b: not negative; of the last: not NaN
      dx[i] = Float.intBitsToFloat(Float.floatToRawIntBits(g[i]) & positive);
    }
  }

  /**
   * {@code σ(x) = 1 / (1 + e^−x)}, evaluated as {@code e^x / (1 + e^x)} for {@code x < 0} so neither branch
   * overflows; {@code σ'(x) = σ(x)(1 − σ(x))}.
   */
  public static Tensor sigmoid(Tensor x) {
    return sigmoidFn().apply(x);
  }

  /** {@link #sigmoid(Tensor)} as an element-wise function. */
  public static ActivationFn sigmoidFn() {
    return new ActivationFn("sigmoid", Activations::sigmoid, (v, y) -> y * (1 - y));
  }

  /** The logistic function of one value, stable for large |x|. */
  static double sigmoid(double x) {
    if (x >= 0) return 1 / (1 + Math.exp(-x));
    double e = Math.exp(x);
    return e / (1 + e);
  }

  /** {@code tanh(x)}; {@code tanh'(x) = 1 − tanh²(x)}. */
  public static Tensor tanh(Tensor x) {
    return tanhFn().apply(x);
  }

  /** {@link #tanh(Tensor)} as an element-wise function. */
  public static ActivationFn tanhFn() {
    return new ActivationFn("tanh", Math::tanh, (v, y) -> 1 - y * y);
  }

  /**
   * {@code leaky_relu(x) = x if x > 0 else negativeSlope·x}; derivative 1 if x > 0 else negativeSlope
   * (torch's default negativeSlope is 0.01; Maas et al., 2013).
   */
  public static Tensor leakyRelu(Tensor x, float negativeSlope) {
    return leakyReluFn(negativeSlope).apply(x);
  }

  /** {@link #leakyRelu(Tensor, float)} as an element-wise function. */
  public static ActivationFn leakyReluFn(float negativeSlope) {
    double s = negativeSlope;
    return new ActivationFn("leaky_relu", v -> v > 0 ? v : s * v, (v, y) -> v > 0 ? 1 : s);
  }

  /**
   * {@code elu(x) = x if x > 0 else alpha·(e^x − 1)}; derivative 1 if x > 0 else alpha·e^x (Clevert et
   * al., 2016; torch's default alpha is 1).
   */
  public static Tensor elu(Tensor x, float alpha) {
    return eluFn(alpha).apply(x);
  }

  /** {@link #elu(Tensor, float)} as an element-wise function. */
  public static ActivationFn eluFn(float alpha) {
    double a = alpha;
    return new ActivationFn("elu", v -> v > 0 ? v : a * Math.expm1(v), (v, y) -> v > 0 ? 1 : a * Math.exp(v));
  }

  /**
   * The exact GELU (Hendrycks and Gimpel, 2016; torch's default {@code approximate='none'}):
   * {@code gelu(x) = x·Φ(x)} with Φ the standard normal CDF; {@code gelu'(x) = Φ(x) + x·φ(x)}.
   * Φ comes from an erfc with relative error below 1.2e-7 (see {@link Gaussian}).
   */
  public static Tensor gelu(Tensor x) {
    return geluFn().apply(x);
  }

  /** {@link #gelu(Tensor)} as an element-wise function. */
  public static ActivationFn geluFn() {
    return new ActivationFn("gelu", v -> v * Gaussian.cdf(v), (v, y) -> Gaussian.cdf(v) + v * Gaussian.pdf(v));
  }

  /**
   * GELU with torch's {@code approximate} argument: {@code "none"} is {@link #gelu(Tensor)};
   * {@code "tanh"} is {@code 0.5·x·(1 + tanh(u))} with {@code u = √(2/π)(x + 0.044715x³)}, whose
   * derivative is {@code 0.5(1 + tanh u) + 0.5·x·(1 − tanh²u)·√(2/π)(1 + 3·0.044715x²)}.
   */
  public static Tensor gelu(Tensor x, String approximate) {
    switch (approximate) {
      case "none":
        return gelu(x);
      case "tanh":
        return new ActivationFn("gelu_tanh",
            v -> 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + GELU_TANH_C * v * v * v))),
            (v, y) -> {
              double t = Math.tanh(SQRT_2_OVER_PI * (v + GELU_TANH_C * v * v * v));
              return 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_TANH_C * v * v);
            }).apply(x);
      default:
        throw new IllegalArgumentException("gelu: approximate must be \"none\" or \"tanh\", got \""
            + approximate + "\"");
    }
  }

  /** {@link #softplus(Tensor, float, float)} with torch's defaults beta = 1, threshold = 20. */
  public static Tensor softplus(Tensor x) {
    return softplus(x, 1f, 20f);
  }

  /**
   * {@code softplus(x) = log(1 + e^(beta·x)) / beta}, and {@code x} itself where {@code beta·x >
   * threshold} (as torch, where the two agree to float precision); derivative {@code σ(beta·x)}, or 1
   * above the threshold.
   */
  public static Tensor softplus(Tensor x, float beta, float threshold) {
    return softplusFn(beta, threshold).apply(x);
  }

  /** {@link #softplus(Tensor, float, float)} as an element-wise function. */
  public static ActivationFn softplusFn(float beta, float threshold) {
    if (!(beta > 0) || Float.isInfinite(beta)) {
      throw new IllegalArgumentException("softplus: beta must be positive and finite, got " + beta);
    }
    double b = beta;
    return new ActivationFn("softplus",
        v -> b * v > threshold ? v : Math.log1p(Math.exp(b * v)) / b,
        (v, y) -> b * v > threshold ? 1 : sigmoid(b * v));
  }

  /** {@code softsign(x) = x / (1 + |x|)}; {@code softsign'(x) = 1 / (1 + |x|)²}. */
  public static Tensor softsign(Tensor x) {
    return softsignFn().apply(x);
  }

  /** {@link #softsign(Tensor)} as an element-wise function. */
  public static ActivationFn softsignFn() {
    return new ActivationFn("softsign", v -> v / (1 + Math.abs(v)), (v, y) -> {
      double d = 1 + Math.abs(v);
      return 1 / (d * d);
    });
  }

  /**
   * {@code hardtanh(x) = min(max(x, min), max)}; derivative 1 where {@code min < x < max}, else 0 (as
   * torch, 0 at the edges). torch's defaults are min = −1, max = 1.
   */
  public static Tensor hardtanh(Tensor x, float min, float max) {
    return hardtanhFn(min, max).apply(x);
  }

  /** {@link #hardtanh(Tensor, float, float)} as an element-wise function. */
  public static ActivationFn hardtanhFn(float min, float max) {
    if (!(min <= max)) {
      throw new IllegalArgumentException("hardtanh: min (" + min + ") must not exceed max (" + max + ")");
    }
    return new ActivationFn("hardtanh", v -> Math.min(Math.max(v, min), max),
        (v, y) -> v > min && v < max ? 1 : 0);
  }
}
