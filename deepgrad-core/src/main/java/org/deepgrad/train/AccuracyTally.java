package org.deepgrad.train;

import org.deepgrad.data.Dataset;
import org.deepgrad.ops.Reductions;
import org.deepgrad.tensor.Tensor;

/** Classification sums: rows n, Σ loss·rows and correct predictions; accuracy = correct / n. */
final class AccuracyTally implements Tally<Dataset> {
  private double rows;
  private double lossSum;
  private double correct;

  @Override
  public void add(Tensor logits, Dataset batch, double meanLoss) {
    int[] predicted = Reductions.argmax(logits, 1);
    int[] labels = batch.labels();
    for (int i = 0; i < predicted.length; i++) if (predicted[i] == labels[i]) correct++;
    rows += labels.length;
    lossSum += meanLoss * labels.length;
  }

  @Override
  public Metrics metrics() {
    return Metrics.classification(lossSum / rows, correct / rows);
  }

  @Override
  public double[] sums() {
    return new double[] {rows, lossSum, correct};
  }

  @Override
  public void merge(double[] sums) {
    check(sums);
    rows += sums[0];
    lossSum += sums[1];
    correct += sums[2];
  }

  @Override
  public void restore(double[] sums) {
    check(sums);
    rows = sums[0];
    lossSum = sums[1];
    correct = sums[2];
  }

  private static void check(double[] sums) {
    if (sums.length != 3) {
      throw new IllegalArgumentException("classification metric sums are 3 numbers, got " + sums.length
          + "; the checkpoint was saved for another objective");
    }
  }
}
