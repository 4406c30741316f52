package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Dataset;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.Module;
import org.deepgrad.nn.Parameter;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.tensor.Rng;
import org.junit.jupiter.api.Test;

/** What one training step does to the gradients: the L2 term, clipping by norm and by value. */
class TrainStepTest {

  private static Sequential model() {
    return Sequential.builder(6, new Rng(4)).dense(8, Activation.tanh()).batchNorm().dense(3).build();
  }

  /** One SGD step (lr 1) of a fresh {@link #model()}; returns the gradients seen by afterBackward and the update. */
  private static Map<String, float[][]> oneStep(TrainerSettings settings, double[] gradNorm) throws Exception {
    Sequential m = model();
    Dataset train = Fixtures.classes().train();
    Trainer<Dataset> t = new Trainer<>(m, Objective.classification(), Optimizers.sgd(m.namedParameters(), SGD.of(1)),
        DataLoader.miniBatch(train, 16, 1), null, settings.withMaxSteps(1));
    Map<String, float[][]> seen = new LinkedHashMap<>();
    t.addListener(new TrainListener() {
      @Override
      public void afterBackward(long step, Module model) {
        model.namedParameters().forEach((name, p) ->
            seen.put(name, new float[][] {p.grad().data().clone(), p.value().data().clone(), null}));
      }

      @Override
      public void onStep(StepEvent e) {
        gradNorm[0] = e.gradNorm();
        m.namedParameters().forEach((name, p) -> {
          float[] before = seen.get(name)[1];
          float[] delta = new float[before.length];
          for (int i = 0; i < delta.length; i++) delta[i] = before[i] - p.value().data()[i];
          seen.get(name)[2] = delta;
        });
      }
    });
    assertEquals(1, t.fit().steps());
    return seen;
  }

  @Test
  void l2AddsLambdaTimesTheWeightToWeightGradientsOnly() throws Exception {
    double lambda = 0.3;
    double[] norm = new double[1];
    Map<String, float[][]> plain = oneStep(TrainerSettings.defaults(), norm);
    Map<String, float[][]> withL2 = oneStep(TrainerSettings.defaults().withL2(lambda), norm);
    Map<String, Parameter> params = model().namedParameters();
    for (String name : plain.keySet()) {
      boolean weight = params.get(name).role() == Parameter.Role.WEIGHT;
      float[] g0 = plain.get(name)[0];
      float[] g1 = withL2.get(name)[0];
      float[] w = plain.get(name)[1];
      for (int i = 0; i < w.length; i++) {
        double expected = weight ? lambda * w[i] : 0;
        assertEquals(expected, g1[i] - g0[i], 1e-6, name + "[" + i + "] gets λw on weights only");
      }
    }
  }

  @Test
  void clippingByNormBoundsTheUpdateAndKeepsItsDirection() throws Exception {
    double[] norm = new double[1];
    Map<String, float[][]> s = oneStep(TrainerSettings.defaults().withClipping(1e-3, 0), norm);
    double sq = 0;
    for (float[][] v : s.values()) for (float d : v[2]) sq += (double) d * d;
    assertTrue(norm[0] > 1e-2, "the raw gradient norm " + norm[0] + " is well above the bound");
    assertEquals(1e-3, Math.sqrt(sq), 1e-6, "with lr 1 the update is the clipped gradient");
    float[][] w = s.get("0.weight");
    assertEquals(w[0][0] * 1e-3 / norm[0], w[2][0], 1e-7, "same direction, scaled by maxNorm / norm");
  }

  @Test
  void clippingByValueClampsEveryCoordinate() throws Exception {
    double[] norm = new double[1];
    Map<String, float[][]> s = oneStep(TrainerSettings.defaults().withClipping(0, 1e-3), norm);
    boolean clamped = false;
    for (float[][] v : s.values()) {
      for (int i = 0; i < v[0].length; i++) {
        double expected = Math.max(-1e-3, Math.min(1e-3, v[0][i]));
        assertEquals(expected, v[2][i], 1e-7);
        clamped |= Math.abs(v[0][i]) > 1e-3;
      }
    }
    assertTrue(clamped, "some gradient exceeded the bound");
  }
}
