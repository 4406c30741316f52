package org.deepgrad.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.autograd.GradCheck;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class L2PenaltyTest {

  @Test
  void valueIsHalfLambdaTimesSquaredNormAndGradientIsLambdaTheta() {
    Tensor a = Tensor.of(new float[] {1f, -2f}, 2).requiresGrad(true);
    Tensor b = Tensor.of(new float[] {3f}, 1, 1).requiresGrad(true);
    Tensor p = Loss.l2Penalty(List.of(a, b), 0.1);
    assertEquals(0.05f * (1 + 4 + 9), p.item(), 1e-6f);
    Autograd.backward(p);
    assertArrayEquals(new float[] {0.1f, -0.2f}, a.grad().data(), 1e-7f);
    assertArrayEquals(new float[] {0.3f}, b.grad().data(), 1e-7f);
  }

  @Test
  void gradcheck() {
    Rng rng = new Rng(1);
    Tensor a = Tensor.randn(rng, 3, 2).requiresGrad(true);
    Tensor b = Tensor.randn(rng, 4).requiresGrad(true);
    GradCheck.Result r = GradCheck.check(in -> Loss.l2Penalty(List.of(in[0], in[1]), 0.3), a, b);
    assertTrue(r.passed(), r.toString());
  }

  @Test
  void rejectsNegativeLambda() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Loss.l2Penalty(List.of(Tensor.zeros(1)), -1));
    assertTrue(e.getMessage().contains("lambda"), e.getMessage());
  }
}
