package org.deepgrad.data;

import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * Seeded synthetic data sets for examples and tests; the same arguments give the same data on every
 * JVM (everything is drawn from one {@link Rng}).
 */
public final class Synthetic {
  private Synthetic() {}

  /**
   * Linear regression data {@code y = a . x + b + noise}: features x uniform in [-1, 1)^d, one
   * target per sample, noise normal with standard deviation {@code noise}. The articles' y = 2x is
   * {@code linear(n, new float[] {2}, 0, 0, seed)}; least squares recovers a and b exactly without
   * noise and to within about {@code noise / sqrt(n)} with it.
   *
   * @param weights a, one per input feature (d = weights.length)
   */
  public static Regression linear(int n, float[] weights, float bias, double noise, long seed) {
    check(n >= 1 && weights.length >= 1 && noise >= 0 && Double.isFinite(noise), "linear: n " + n + ", "
        + weights.length + " weights, noise " + noise + "; expected n >= 1, at least one weight, finite noise >= 0");
    Rng rng = new Rng(seed);
    int d = weights.length;
    float[] x = new float[n * d];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      double dot = bias;
      for (int j = 0; j < d; j++) {
        x[i * d + j] = (float) rng.uniform(-1, 1);
        dot += weights[j] * x[i * d + j];
      }
      y[i] = (float) (dot + (noise > 0 ? rng.normal(0, noise) : 0));
    }
    return new Regression(Tensor.of(x, n, d), Tensor.of(y, n, 1));
  }

  /**
   * Two interleaved spirals in the plane, class 0 and class 1 alternating (sample i has class i % 2),
   * the classic benchmark a linear model cannot separate (Lang and Witbrock, 1988). A sample of class
   * c at t uniform in [0, 1) lies at radius t and angle {@code 3 pi t + pi c} (1.5 turns), plus
   * normal noise of standard deviation {@code noise} on each coordinate.
   */
  public static Dataset spirals(int n, double noise, long seed) {
    check(n >= 1 && noise >= 0 && Double.isFinite(noise), "spirals: n " + n + ", noise " + noise
        + "; expected n >= 1 and finite noise >= 0");
    Rng rng = new Rng(seed);
    float[] x = new float[2 * n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
      double t = rng.nextDouble();
      double angle = 3 * Math.PI * t + Math.PI * y[i];
      x[2 * i] = (float) (t * Math.cos(angle) + (noise > 0 ? rng.normal(0, noise) : 0));
      x[2 * i + 1] = (float) (t * Math.sin(angle) + (noise > 0 ? rng.normal(0, noise) : 0));
    }
    return new Dataset(Tensor.of(x, n, 2), y, 2);
  }

  /**
   * Labels from a random "teacher" network, so a student of the same shape can fit them exactly:
   * inputs x standard normal in d dimensions, {@code h = tanh(W1 x + b1)} with {@code hidden} units,
   * label {@code argmax(W2 h + b2)} over {@code classes}. Weights are normal with variance 1/fan-in
   * (LeCun), biases normal with standard deviation 0.1. Classes need not be balanced.
   */
  public static Dataset teacher(int n, int inputs, int hidden, int classes, long seed) {
    check(n >= 1 && inputs >= 1 && hidden >= 1 && classes >= 2, "teacher: n " + n + ", inputs " + inputs
        + ", hidden " + hidden + ", classes " + classes + "; expected n, inputs, hidden >= 1 and classes >= 2");
    Rng rng = new Rng(seed);
    float[] w1 = normal(rng, hidden * inputs, 1 / Math.sqrt(inputs));
    float[] b1 = normal(rng, hidden, 0.1);
    float[] w2 = normal(rng, classes * hidden, 1 / Math.sqrt(hidden));
    float[] b2 = normal(rng, classes, 0.1);
    float[] x = normal(rng, n * inputs, 1);
    int[] y = new int[n];
    double[] h = new double[hidden];
    for (int i = 0; i < n; i++) {
      for (int u = 0; u < hidden; u++) {
        double z = b1[u];
        for (int j = 0; j < inputs; j++) z += w1[u * inputs + j] * x[i * inputs + j];
        h[u] = Math.tanh(z);
      }
      double best = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        double z = b2[c];
        for (int u = 0; u < hidden; u++) z += w2[c * hidden + u] * h[u];
        if (z > best) {
          best = z;
          y[i] = c;
        }
      }
    }
    return new Dataset(Tensor.of(x, n, inputs), y, classes);
  }

  private static float[] normal(Rng rng, int size, double std) {
    float[] a = new float[size];
    for (int i = 0; i < size; i++) a[i] = (float) rng.normal(0, std);
    return a;
  }

  private static void check(boolean ok, String message) {
    if (!ok) throw new IllegalArgumentException("Synthetic." + message);
  }
}
