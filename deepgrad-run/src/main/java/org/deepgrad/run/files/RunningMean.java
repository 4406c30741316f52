package org.deepgrad.run.files;

/** Sample-weighted running means of loss and accuracy (accuracy NaN when never given). */
public final class RunningMean {
  private double loss;
  private double accuracy;
  private long samples;
  private long accuracySamples;

  public void add(double batchLoss, double batchAccuracy, int n) {
    loss += batchLoss * n;
    samples += n;
    if (!Double.isNaN(batchAccuracy)) {
      accuracy += batchAccuracy * n;
      accuracySamples += n;
    }
  }

  public void reset() {
    loss = accuracy = 0;
    samples = accuracySamples = 0;
  }

  public double loss() {
    return samples == 0 ? Double.NaN : loss / samples;
  }

  public double accuracy() {
    return accuracySamples == 0 ? Double.NaN : accuracy / accuracySamples;
  }

  public long samples() {
    return samples;
  }
}
