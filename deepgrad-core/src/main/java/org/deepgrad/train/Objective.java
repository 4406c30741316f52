package org.deepgrad.train;

import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.deepgrad.autograd.NoGrad;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Regression;
import org.deepgrad.data.Samples;
import org.deepgrad.loss.BufferedCrossEntropy;
import org.deepgrad.loss.Loss;
import org.deepgrad.loss.BufferedMse;
import org.deepgrad.nn.Module;
import org.deepgrad.tensor.Tensor;

/**
 * What training minimises and how a model is scored: the loss of a batch (recorded on the tape) and
 * the metrics {@link Tally} it is reported with.
 *
 * <ul>
 *   <li>{@link #classification()}: mean cross-entropy of logits {@code [n, classes]} against
 *       {@link Dataset} labels; metrics loss and accuracy.
 *   <li>{@link #regression()}: mean squared error of outputs {@code [n, k]} against
 *       {@link Regression} targets; metrics loss, MSE and R² (see {@link Metrics}).
 * </ul>
 *
 * @param <S> the data set (and batch) type
 */
public final class Objective<S extends Samples<S>> {
  /** Rows per forward pass in {@link #evaluate}, bounding the memory of evaluating a large set. */
  public static final int EVAL_CHUNK = 1024;

  private final String name;
  private final BiFunction<Tensor, S, Tensor> loss;
  private final Supplier<Tally<S>> tally;
  private final Supplier<BufferedLoss<S>> buffered;

  /**
   * An objective named {@code name} (for messages) with a scalar mean {@code loss} of a model output
   * and its batch, and a supplier of fresh metric tallies.
   */
  public Objective(String name, BiFunction<Tensor, S, Tensor> loss, Supplier<Tally<S>> tally) {
    this(name, loss, tally, null);
  }

  /**
   * As {@link #Objective(String, BiFunction, Supplier)}, plus a supplier of the same loss on flat
   * buffers ({@link BufferedLoss}), which lets the trainer take its allocation-free step; null for none.
   */
  public Objective(String name, BiFunction<Tensor, S, Tensor> loss, Supplier<Tally<S>> tally,
      Supplier<BufferedLoss<S>> buffered) {
    this.name = name;
    this.loss = loss;
    this.tally = tally;
    this.buffered = buffered;
  }

  /** Cross-entropy on class labels, scored by loss and accuracy (torch's {@code CrossEntropyLoss}). */
  public static Objective<Dataset> classification() {
    return new Objective<>("cross-entropy", (out, b) -> Loss.crossEntropy(out, b.labels()), AccuracyTally::new, () -> {
      BufferedCrossEntropy k = new BufferedCrossEntropy();
      return (out, rows, b, grad) -> k.meanLoss(out, rows, b.labels(), grad);
    });
  }

  /** Mean squared error on float targets, scored by loss, MSE and R² (torch's {@code MSELoss}). */
  public static Objective<Regression> regression() {
    return new Objective<>("mse", (out, b) -> Loss.mse(out, b.targets()), R2Tally::new,
        () -> (out, rows, b, grad) -> BufferedMse.meanLoss(out, b.targets().data(), grad));
  }

  /** The scalar mean loss of the model's {@code output} for {@code batch}. */
  public Tensor loss(Tensor output, S batch) {
    return loss.apply(output, batch);
  }

  /** A new {@link BufferedLoss} of this objective, or null when it has none. */
  public BufferedLoss<S> bufferedLoss() {
    return buffered == null ? null : buffered.get();
  }

  /** A fresh, empty tally of this objective's metrics. */
  public Tally<S> tally() {
    return tally.get();
  }

  /**
   * The metrics of {@code model} on {@code data}, in evaluation mode (dropout off, batch norm on its
   * running statistics) without recording the tape, {@value #EVAL_CHUNK} rows at a time; the model's
   * previous mode is restored afterwards.
   *
   * @throws IllegalArgumentException when {@code data} is empty
   */
  public Metrics evaluate(Module model, S data) {
    int n = data.size();
    if (n == 0) throw new IllegalArgumentException(name + ": cannot evaluate on 0 samples; give a non-empty data set");
    boolean wasTraining = model.isTraining();
    model.eval();
    Tally<S> sums = tally();
    try (NoGrad scope = NoGrad.enter()) {
      for (int from = 0; from < n; from += EVAL_CHUNK) {
        int[] rows = new int[Math.min(n, from + EVAL_CHUNK) - from];
        for (int i = 0; i < rows.length; i++) rows[i] = from + i;
        S part = data.rows(rows);
        Tensor out = model.forward(part.features());
        sums.add(out, part, loss(out, part).item());
      }
    } finally {
      model.train(wasTraining);
    }
    return sums.metrics();
  }

  @Override
  public String toString() {
    return name;
  }
}
