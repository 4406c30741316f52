package org.deepgrad.train;

import java.util.Arrays;
import org.deepgrad.data.Regression;
import org.deepgrad.tensor.Tensor;

/**
 * Regression sums per output j, in double: SS_res_j = Σ(p − y)², and the targets' mean and
 * SS_tot_j = Σ(y − ȳ_j)², merged batch by batch with Chan et al.'s pairwise update (no Σy² − (Σy)²/n
 * cancellation). MSE = Σ_j SS_res_j / (n·k); R² = mean over j of 1 − SS_res_j / SS_tot_j, where a
 * constant target (SS_tot_j = 0) scores 1 if predicted exactly and 0 otherwise, as scikit-learn.
 */
final class R2Tally implements Tally<Regression> {
  private double rows;
  private double lossSum;
  private double[] ssRes = new double[0];
  private double[] mean = new double[0];
  private double[] ssTot = new double[0];

  @Override
  public void add(Tensor output, Regression batch, double meanLoss) {
    int n = batch.size();
    int k = batch.targetSize();
    if (rows == 0) { // the first batch fixes k
      ssRes = new double[k];
      mean = new double[k];
      ssTot = new double[k];
    }
    float[] p = output.data();
    float[] y = batch.targets().data();
    for (int j = 0; j < k; j++) {
      double sum = 0;
      for (int i = 0; i < n; i++) sum += y[i * k + j];
      double batchMean = sum / n;
      double batchSsTot = 0;
      for (int i = 0; i < n; i++) {
        double d = y[i * k + j] - batchMean;
        double e = (double) p[i * k + j] - y[i * k + j];
        batchSsTot += d * d;
        ssRes[j] += e * e;
      }
      mergeMoments(j, n, batchMean, batchSsTot);
    }
    rows += n;
    lossSum += meanLoss * n;
  }

  /** Chan et al.: the pooled mean and SS_tot of output j after n more rows with that mean and SS_tot. */
  private void mergeMoments(int j, double n, double otherMean, double otherSsTot) {
    double delta = otherMean - mean[j];
    mean[j] += delta * n / (rows + n);
    ssTot[j] += otherSsTot + delta * delta * rows * n / (rows + n);
  }

  @Override
  public void merge(double[] s) {
    check(s);
    int k = (s.length - 2) / 3;
    if (s[0] == 0) return;
    if (rows == 0) {
      restore(s);
      return;
    }
    if (k != ssRes.length) {
      throw new IllegalArgumentException("regression sums of " + k + " outputs cannot merge with " + ssRes.length);
    }
    for (int j = 0; j < k; j++) {
      ssRes[j] += s[2 + j];
      mergeMoments(j, s[0], s[2 + k + j], s[2 + 2 * k + j]);
    }
    rows += s[0];
    lossSum += s[1];
  }

  @Override
  public Metrics metrics() {
    int k = ssRes.length;
    double sse = 0;
    double r2 = 0;
    for (int j = 0; j < k; j++) {
      sse += ssRes[j];
      r2 += ssTot[j] > 0 ? 1 - ssRes[j] / ssTot[j] : ssRes[j] == 0 ? 1 : 0;
    }
    return Metrics.regression(lossSum / rows, sse / (rows * k), k == 0 ? Double.NaN : r2 / k);
  }

  @Override
  public double[] sums() {
    double[] s = new double[2 + 3 * ssRes.length];
    s[0] = rows;
    s[1] = lossSum;
    int k = ssRes.length;
    System.arraycopy(ssRes, 0, s, 2, k);
    System.arraycopy(mean, 0, s, 2 + k, k);
    System.arraycopy(ssTot, 0, s, 2 + 2 * k, k);
    return s;
  }

  @Override
  public void restore(double[] s) {
    check(s);
    int k = (s.length - 2) / 3;
    rows = s[0];
    lossSum = s[1];
    ssRes = Arrays.copyOfRange(s, 2, 2 + k);
    mean = Arrays.copyOfRange(s, 2 + k, 2 + 2 * k);
    ssTot = Arrays.copyOfRange(s, 2 + 2 * k, 2 + 3 * k);
  }

  private static void check(double[] s) {
    if (s.length < 2 || (s.length - 2) % 3 != 0) {
      throw new IllegalArgumentException("regression metric sums are 2 + 3k numbers, got " + s.length
          + "; the checkpoint was saved for another objective");
    }
  }
}
