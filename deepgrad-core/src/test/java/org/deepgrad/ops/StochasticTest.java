package org.deepgrad.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepgrad.autograd.Autograd;
import org.deepgrad.autograd.GradCheck;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class StochasticTest {

  @Test
  void gradientUsesTheForwardMask() {
    Tensor x = Tensor.randn(new Rng(2), 4, 6).requiresGrad(true);
    // A fresh generator with a fixed seed per call draws the same mask every time.
    GradCheck.Result r = GradCheck.check(in -> Stochastic.dropout(in[0], 0.3f, true, new Rng(42)), x);
    assertTrue(r.passed(), r::toString);
  }

  @Test
  void keptElementsAreScaledAndTheGradientMatchesTheMask() {
    Tensor x = Tensor.full(2f, 1000).requiresGrad(true);
    Tensor y = Stochastic.dropout(x, 0.75f, true, new Rng(5));
    Autograd.backward(Reductions.sum(y));
    for (int i = 0; i < y.size(); i++) {
      float v = y.data()[i];
      assertTrue(v == 0f || v == 8f, "each element is dropped or scaled by 1/(1-p): " + v);
      assertEquals(v == 0f ? 0f : 4f, x.grad().data()[i]);
    }
  }

  @Test
  void dropRateAndMeanMatchTheirExpectations() {
    // n = 100,000 Bernoulli(0.3) draws: the dropped fraction has sd √(0.3·0.7/n) ≈ 0.00145, so ±0.01 is
    // ~7 sd; the seed is fixed anyway, so the test is deterministic and only a broken mask fails it.
    int n = 100_000;
    Tensor x = Tensor.ones(n);
    Tensor y = Stochastic.dropout(x, 0.3f, true, new Rng(2024));
    int zeros = 0;
    double sum = 0;
    for (float v : y.data()) {
      if (v == 0f) zeros++;
      sum += v;
    }
    assertEquals(0.3, zeros / (double) n, 0.01);
    // Mean of y: (1 − dropped)/(1 − p), sd ≈ 0.00145/0.7 ≈ 0.0021; ±0.015 is again ~7 sd.
    assertEquals(1.0, sum / n, 0.015);
  }

  @Test
  void identityWhenNotTrainingOrPZero() {
    Tensor x = Tensor.randn(new Rng(1), 3, 3);
    assertSame(x, Stochastic.dropout(x, 0.5f, false, new Rng(1)));
    assertSame(x, Stochastic.dropout(x, 0f, true, null));
  }

  @Test
  void pOneZeroesEverything() {
    Tensor x = Tensor.ones(2, 3).requiresGrad(true);
    Tensor y = Stochastic.dropout(x, 1f, true, null);
    assertArrayEquals(new float[6], y.data());
    Autograd.backward(Reductions.sum(y));
    assertArrayEquals(new float[6], x.grad().data());
  }

  @Test
  void sameSeedSameMask() {
    Tensor x = Tensor.ones(64);
    assertArrayEquals(Stochastic.dropout(x, 0.5f, true, new Rng(9)).data(),
        Stochastic.dropout(x, 0.5f, true, new Rng(9)).data());
  }

  @Test
  void pOutsideTheUnitIntervalIsRejected() {
    for (float p : new float[] {-0.1f, 1.1f, Float.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Stochastic.dropout(Tensor.ones(2), p, true, new Rng(1)));
      assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
    }
  }
}
