package org.deepgrad.cli;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.run.config.Hidden;

/**
 * The MLP that {@code bench} trains, as its layer widths from input to classes: {@code --model
 * 784-512-512-10} gives them all, {@code --hidden 256x10} the hidden ones between 784 inputs and 10
 * classes. Counts the floating-point operations of the matrix products of one training step.
 *
 * @param widths input width, hidden widths, number of classes (at least two entries)
 */
record BenchModel(List<Integer> widths) {
  /** Inputs and classes of MNIST, used with {@code --hidden}. */
  static final int INPUTS = 784;
  static final int CLASSES = 10;

  /** The model {@code --model} ({@code WIDTH-WIDTH-...}) or {@code --hidden} (as train takes it) names. */
  static BenchModel parse(String model, String hidden) {
    if (model != null && hidden != null) {
      throw new UsageException("give --model or --hidden, not both (e.g. --model 784-512-512-10 or --hidden 256x10)");
    }
    if (hidden != null) {
      List<Integer> w = new ArrayList<>();
      w.add(INPUTS);
      try {
        w.addAll(Hidden.parse(hidden));
      } catch (IllegalArgumentException e) {
        throw new UsageException("invalid --hidden '" + hidden + "': " + e.getMessage(), e);
      }
      w.add(CLASSES);
      return new BenchModel(w);
    }
    String m = model == null ? "784-512-512-10" : model.trim();
    List<Integer> w = new ArrayList<>();
    for (String part : m.split("-", -1)) {
      if (!part.trim().matches("\\d{1,7}") || Integer.parseInt(part.trim()) < 1) {
        throw new UsageException("invalid --model '" + model + "': '" + part + "' is not a positive width; expected "
            + "widths from input to classes joined by '-', e.g. 784-512-512-10");
      }
      w.add(Integer.parseInt(part.trim()));
    }
    if (w.size() < 2 || w.get(w.size() - 1) < 2) {
      throw new UsageException("invalid --model '" + model + "': give at least an input width and a number of "
          + "classes (>= 2) joined by '-', e.g. 784-512-512-10");
    }
    return new BenchModel(w);
  }

  /** The hidden widths, between the input and the classes. */
  int[] hidden() {
    return widths.subList(1, widths.size() - 1).stream().mapToInt(Integer::intValue).toArray();
  }

  int inputs() {
    return widths.get(0);
  }

  int classes() {
    return widths.get(widths.size() - 1);
  }

  /**
   * FLOPs of the matrix products of one step on a batch of {@code b}: per Linear layer of {@code in}
   * to {@code out}, forward {@code 2·b·in·out}, weight gradient {@code 2·b·in·out}, input gradient
   * {@code 2·b·in·out} except for the first layer (its input needs no gradient). Element-wise work
   * (bias, activation, loss, optimizer) is not counted.
   */
  long flopsPerStep(int b) {
    long flops = 0;
    for (int i = 0; i + 1 < widths.size(); i++) {
      long product = 2L * b * widths.get(i) * widths.get(i + 1);
      flops += product * (i == 0 ? 2 : 3);
    }
    return flops;
  }

  /** {@code 784-512-512-10}. */
  String describe() {
    return String.join("-", widths.stream().map(String::valueOf).toList());
  }
}
