package org.deepgrad.train;

import org.deepgrad.autograd.NoGrad;
import org.deepgrad.data.Dataset;
import org.deepgrad.loss.Loss;
import org.deepgrad.nn.Module;
import org.deepgrad.tensor.Tensor;

/**
 * Scores a classifier on a labelled data set in evaluation mode (dropout off, batch norm on running
 * statistics) without recording the tape; the model's mode is restored afterwards.
 */
public final class Evaluation {
  private static final int CHUNK = 1024;

  private Evaluation() {}

  /** Mean cross-entropy and accuracy (fraction of samples whose largest logit is the label). */
  public record Score(double loss, double accuracy) {}

  /** Mean cross-entropy and accuracy of {@code model} on {@code data}, in chunks of 1024 samples. */
  public static Score score(Module model, Dataset data) {
    boolean wasTraining = model.isTraining();
    model.eval();
    double lossSum = 0;
    int correct = 0;
    try (NoGrad scope = NoGrad.enter()) {
      for (int from = 0; from < data.size(); from += CHUNK) {
        Dataset part = data.slice(from, Math.min(data.size(), from + CHUNK));
        Tensor logits = model.forward(part.features());
        lossSum += Loss.crossEntropy(logits, part.labels()).item() * part.size();
        int[] predicted = logits.argmax(1);
        for (int i = 0; i < predicted.length; i++) if (predicted[i] == part.labels()[i]) correct++;
      }
    } finally {
      model.train(wasTraining);
    }
    return new Score(lossSum / data.size(), (double) correct / data.size());
  }

  /** Accuracy alone; see {@link #score}. */
  public static double accuracy(Module model, Dataset data) {
    return score(model, data).accuracy();
  }
}
