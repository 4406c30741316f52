package org.deepgrad.cli;

/** Sample-weighted running means of loss and accuracy (accuracy NaN when never given). */
final class RunningMean {
  private double loss;
  private double accuracy;
  private long samples;
  private long accuracySamples;

  void add(double batchLoss, double batchAccuracy, int n) {
    loss += batchLoss * n;
    samples += n;
    if (!Double.isNaN(batchAccuracy)) {
      accuracy += batchAccuracy * n;
      accuracySamples += n;
    }
  }

  void reset() {
    loss = accuracy = 0;
    samples = accuracySamples = 0;
  }

  double loss() {
    return samples == 0 ? Double.NaN : loss / samples;
  }

  double accuracy() {
    return accuracySamples == 0 ? Double.NaN : accuracy / accuracySamples;
  }

  long samples() {
    return samples;
  }
}
