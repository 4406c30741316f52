package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.deepgrad.autograd.NoGrad;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Regression;
import org.deepgrad.data.Synthetic;
import org.deepgrad.nn.Module;
import org.deepgrad.ops.Arithmetic;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ObjectiveTest {

  /** A model computing {@code f}, checking it runs in evaluation mode without the tape. */
  private static Module model(UnaryOperator<Tensor> f) {
    return new Module() {
      @Override
      public Tensor forward(Tensor x) {
        assertFalse(isTraining(), "evaluation runs in eval mode");
        assertFalse(NoGrad.isRecording(), "evaluation does not record the tape");
        return f.apply(x);
      }
    };
  }

  /** 2500 samples (three chunks), two outputs; the features are the targets themselves. */
  private static Regression echoData() {
    Tensor y = Synthetic.linear(2500, new float[] {2, -1}, 0.5f, 0.1, 7).features();
    return new Regression(y, y.copy());
  }

  @Test
  void aPerfectPredictorHasR2OneAndTheMeanPredictorR2Zero() {
    Regression data = echoData();
    Module perfect = model(x -> x);
    Metrics m = Objective.regression().evaluate(perfect, data);
    assertEquals(1.0, m.r2().orElseThrow());
    assertEquals(0.0, m.mse().orElseThrow());
    assertTrue(perfect.isTraining(), "the training mode is restored");

    float[] y = data.targets().data();
    double[] mean = new double[2];
    for (int i = 0; i < y.length; i++) mean[i % 2] += y[i] / 2500.0;
    Module meanPredictor = model(x -> {
      float[] p = new float[x.size()];
      for (int i = 0; i < p.length; i++) p[i] = (float) mean[i % 2];
      return Tensor.of(p, x.shape());
    });
    assertEquals(0.0, Objective.regression().evaluate(meanPredictor, data).r2().orElseThrow(), 1e-6);
  }

  @Test
  void regressionSumsMergeAcrossBatchesToTheTextbookValues() {
    // y = 1, 2, 3, 4 and p = 1, 2, 3, 5: SS_res = 1, SS_tot = 5, R² = 0.8, MSE = 0.25.
    Tally<Regression> t = Objective.regression().tally();
    t.add(Tensor.of(new float[] {1, 2}, 2, 1), new Regression(Tensor.zeros(2, 1), Tensor.of(new float[] {1, 2}, 2, 1)), 0);
    t.add(Tensor.of(new float[] {3, 5}, 2, 1), new Regression(Tensor.zeros(2, 1), Tensor.of(new float[] {3, 4}, 2, 1)), 0.5);
    Metrics m = t.metrics();
    assertEquals(0.8, m.r2().orElseThrow(), 1e-12);
    assertEquals(0.25, m.mse().orElseThrow(), 1e-12);
    assertEquals(0.25, m.loss(), 1e-12, "the row-weighted mean of the batch losses");
    Tally<Regression> copy = Objective.regression().tally();
    copy.restore(t.sums());
    assertEquals(m, copy.metrics());
    assertThrows(IllegalArgumentException.class, () -> copy.restore(new double[3]));
  }

  @Test
  void classificationScoresAccuracyAndMatchesEvaluation() {
    Tensor logits = Tensor.of(new float[] {2, 0, 0, 1, 0, 3, 0, 5, 0}, 3, 3);
    Dataset data = new Dataset(Tensor.zeros(3, 2), new int[] {0, 2, 2}, 3);
    Module fixed = model(x -> logits);
    Metrics m = Objective.classification().evaluate(fixed, data);
    assertEquals(2.0 / 3, m.accuracy().orElseThrow(), 1e-12);
    assertTrue(m.r2().isEmpty());
    Evaluation.Score s = Evaluation.score(fixed, data);
    assertEquals(m.loss(), s.loss());
    assertEquals(m.accuracy().orElseThrow(), s.accuracy());
    assertThrows(IllegalArgumentException.class, () -> Objective.classification().tally().restore(new double[2]));
  }

  @Test
  void evaluationInChunksEqualsOnePass() {
    Regression data = echoData();
    Module shifted = model(x -> Arithmetic.add(x, 0.25f));
    Metrics chunked = Objective.regression().evaluate(shifted, data);
    Tally<Regression> one = Objective.regression().tally();
    one.add(Arithmetic.add(data.features(), 0.25f), data, 0.0625);
    assertEquals(one.metrics().r2().orElseThrow(), chunked.r2().orElseThrow(), 1e-9);
    assertEquals(0.0625, chunked.mse().orElseThrow(), 1e-6);
    assertEquals(0.0625, chunked.loss(), 1e-6);
  }
}
