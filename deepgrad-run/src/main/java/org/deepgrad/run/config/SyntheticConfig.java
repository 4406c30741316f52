package org.deepgrad.run.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code data.synthetic} section: the size and shape of a synthetic data set (core's
 * {@code Synthetic}), drawn with the training seed. Keys by set:
 * <pre>
 * spirals   samples, test_samples, noise (0.05)             two interleaved spirals, 2 classes
 * linear    samples, test_samples, noise (0.1), weights ([2]), bias (0)    y = a·x + b + noise
 * teacher   samples, test_samples, inputs (10), hidden (32), classes (3)   labels of a random tanh net
 * </pre>
 * Defaults: 1,000 training and 200 test samples; the linear default is the articles' y = 2x.
 *
 * @param weights a of y = a·x + b, one per input feature (linear only)
 * @param hidden the teacher network's hidden width (teacher only)
 */
public record SyntheticConfig(int samples, int testSamples, double noise, List<Double> weights, double bias,
    int inputs, int hidden, int classes) {
  /** The synthetic data sets. */
  public static final List<String> KINDS = List.of("spirals", "linear", "teacher");
  private static final Map<String, List<String>> KEYS = Map.of(
      "spirals", List.of("samples", "test_samples", "noise"),
      "linear", List.of("samples", "test_samples", "noise", "weights", "bias"),
      "teacher", List.of("samples", "test_samples", "inputs", "hidden", "classes"));

  /** Copies the weights. */
  public SyntheticConfig {
    weights = List.copyOf(weights);
  }

  static SyntheticConfig read(ConfigNode n, String kind) {
    n.allowOnly(KEYS.get(kind));
    List<Double> weights = new ArrayList<>();
    JsonNode w = n.raw("weights");
    if (w == null) weights.add(2.0);
    else if (w.isArray() && w.size() > 0) for (JsonNode x : w) weights.add(n.number("weights", x));
    else throw n.bad("weights", "must be a non-empty list of numbers, one per input feature, e.g. [2]");
    int classes = (int) n.whole("classes", 3, 2, 1000);
    return new SyntheticConfig((int) n.whole("samples", 1000, 1, 10_000_000),
        (int) n.whole("test_samples", 200, 1, 10_000_000),
        n.number("noise", kind.equals("spirals") ? 0.05 : 0.1, Range.atLeast(0)), weights,
        n.number("bias", 0, Range.any()), (int) n.whole("inputs", 10, 1, 100_000),
        (int) n.whole("hidden", 32, 1, 100_000), classes);
  }

  /** This section with {@code samples} as given; {@link TrainConfig#validated} checks it. */
  public SyntheticConfig withSamples(int samples) {
    return new SyntheticConfig(samples, testSamples, noise, weights, bias, inputs, hidden, classes);
  }

  /** This section with {@code testSamples} as given; {@link TrainConfig#validated} checks it. */
  public SyntheticConfig withTestSamples(int testSamples) {
    return new SyntheticConfig(samples, testSamples, noise, weights, bias, inputs, hidden, classes);
  }

  /** This section with {@code noise} as given; {@link TrainConfig#validated} checks it. */
  public SyntheticConfig withNoise(double noise) {
    return new SyntheticConfig(samples, testSamples, noise, weights, bias, inputs, hidden, classes);
  }

  /** This section with {@code weights} as given; {@link TrainConfig#validated} checks it. */
  public SyntheticConfig withWeights(List<Double> weights) {
    return new SyntheticConfig(samples, testSamples, noise, weights, bias, inputs, hidden, classes);
  }

  /** This section with {@code bias} as given; {@link TrainConfig#validated} checks it. */
  public SyntheticConfig withBias(double bias) {
    return new SyntheticConfig(samples, testSamples, noise, weights, bias, inputs, hidden, classes);
  }

  /** This section with {@code inputs} as given; {@link TrainConfig#validated} checks it. */
  public SyntheticConfig withInputs(int inputs) {
    return new SyntheticConfig(samples, testSamples, noise, weights, bias, inputs, hidden, classes);
  }

  /** This section with {@code hidden} as given; {@link TrainConfig#validated} checks it. */
  public SyntheticConfig withHidden(int hidden) {
    return new SyntheticConfig(samples, testSamples, noise, weights, bias, inputs, hidden, classes);
  }

  /** This section with {@code classes} as given; {@link TrainConfig#validated} checks it. */
  public SyntheticConfig withClasses(int classes) {
    return new SyntheticConfig(samples, testSamples, noise, weights, bias, inputs, hidden, classes);
  }
}
