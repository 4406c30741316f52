package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.Linear;
import org.deepgrad.nn.Sequential;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LayerwisePretrainingTest {

  /** Inputs in [0, 1] with structure to learn: each row is one of 4 prototypes plus a little noise. */
  private static Tensor inputs() {
    Rng rng = new Rng(3);
    Tensor protos = Tensor.uniform(rng, 0f, 1f, 4, 16);
    float[] x = new float[256 * 16];
    for (int r = 0; r < 256; r++) {
      int p = rng.nextInt(4);
      for (int c = 0; c < 16; c++) {
        x[r * 16 + c] = Math.min(1f, Math.max(0f, protos.get(p, c) + (float) rng.normal(0, 0.05)));
      }
    }
    return Tensor.of(x, 256, 16);
  }

  private static Sequential net() {
    return Sequential.builder(16, new Rng(5))
        .dense(8, Activation.sigmoid())
        .dense(6, Activation.sigmoid())
        .dense(3)
        .build();
  }

  @Test
  void everyHiddenLayerLearnsToReconstructItsInputAndTheOutputLayerIsLeftAlone() {
    Sequential model = net();
    float[] outputBefore = ((Linear) model.layers().get(4)).weight().value().data().clone();
    float[] firstBefore = ((Linear) model.layers().get(0)).weight().value().data().clone();
    List<LayerwisePretraining.LayerReport> reports = LayerwisePretraining.pretrain(model, inputs(),
        new LayerwisePretraining.Settings(30, 32, 0.1f, 1e-2, 1));
    assertEquals(2, reports.size(), "two hidden layers");
    assertEquals(16, reports.get(0).in());
    assertEquals(6, reports.get(1).out());
    for (LayerwisePretraining.LayerReport r : reports) {
      assertTrue(r.lastEpochLoss() < 0.7 * r.firstEpochLoss(), "reconstruction improves: " + r);
    }
    assertFalse(Arrays.equals(firstBefore, ((Linear) model.layers().get(0)).weight().value().data()));
    assertTrue(Arrays.equals(outputBefore, ((Linear) model.layers().get(4)).weight().value().data()));
    assertTrue(model.isTraining(), "the model is left in training mode for fine-tuning");
  }

  @Test
  void sameSeedSameResult() {
    Sequential a = net();
    Sequential b = net();
    LayerwisePretraining.Settings s = new LayerwisePretraining.Settings(2, 32, 0.2f, 1e-3, 9);
    LayerwisePretraining.pretrain(a, inputs(), s);
    LayerwisePretraining.pretrain(b, inputs(), s);
    assertTrue(Arrays.equals(a.stateDict().get("0.weight").data(), b.stateDict().get("0.weight").data()));
  }

  @Test
  void rejectsBadSettingsAndModelsWithoutHiddenLayers() {
    assertThrows(IllegalArgumentException.class, () -> new LayerwisePretraining.Settings(0, 32, 0.2f, 1e-3, 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LayerwisePretraining.Settings(1, 32, 1f, 1e-3, 0));
    assertTrue(e.getMessage().contains("corruption"), e.getMessage());
    Sequential single = Sequential.builder(16, new Rng(1)).dense(3).build();
    assertThrows(IllegalArgumentException.class,
        () -> LayerwisePretraining.pretrain(single, inputs(), LayerwisePretraining.Settings.defaults()));
  }
}
