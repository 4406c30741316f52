package org.deepgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.ops.Arithmetic;
import org.deepgrad.ops.MatMul;
import org.deepgrad.ops.Reductions;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AutogradTest {

  @Test
  void sharedSubExpressionGetsTheSumOfItsGradients() {
    // y = x + x*x: dy/dx = 1 + 2x, the residual pattern x + f(x).
    Tensor x = Tensor.of(new float[] {1f, -2f, 3f}, 3).requiresGrad(true);
    Autograd.backward(Reductions.sum(Arithmetic.add(x, Arithmetic.mul(x, x))));
    assertArrayEquals(new float[] {3f, -3f, 7f}, x.grad().data());
  }

  @Test
  void gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
    Tensor x = Tensor.of(new float[] {2f}, 1).requiresGrad(true);
    Autograd.backward(Reductions.sum(Arithmetic.mul(x, 3f)));
    Autograd.backward(Reductions.sum(Arithmetic.mul(x, 3f)));
    assertEquals(6f, x.grad().item());
    x.zeroGrad();
    assertNull(x.grad());
  }

  @Test
  void explicitUpstreamGradient() {
    Tensor x = Tensor.of(new float[] {1f, 2f}, 2).requiresGrad(true);
    Autograd.backward(Arithmetic.mul(x, x), Tensor.of(new float[] {10f, 100f}, 2));
    assertArrayEquals(new float[] {20f, 400f}, x.grad().data());
  }

  @Test
  void noGradScopeRecordsNothing() {
    Tensor x = Tensor.of(new float[] {1f}, 1).requiresGrad(true);
    Tensor y;
    try (NoGrad scope = NoGrad.enter()) {
      y = Arithmetic.mul(x, 2f);
      assertFalse(NoGrad.isRecording());
    }
    assertTrue(NoGrad.isRecording());
    assertFalse(y.requiresGrad());
    assertNull(y.node());
  }

  @Test
  void detachCutsTheTape() {
    Tensor x = Tensor.of(new float[] {3f}, 1).requiresGrad(true);
    Tensor y = Arithmetic.mul(x, x.detach());
    Autograd.backward(Reductions.sum(y));
    assertEquals(3f, x.grad().item(), "only the non-detached factor carries the gradient");
  }

  @Test
  void hooksSeeTheGradientReachingAnIntermediateTensor() {
    Tensor x = Tensor.of(new float[] {1f, 2f}, 2).requiresGrad(true);
    Tensor h = Arithmetic.mul(x, 2f);
    List<Tensor> seen = new ArrayList<>();
    h.registerHook(g -> {
      seen.add(g.copy());
      return g;
    });
    Autograd.backward(Reductions.sum(Arithmetic.mul(h, 5f)));
    assertEquals(1, seen.size());
    assertArrayEquals(new float[] {5f, 5f}, seen.get(0).data());
    assertNull(h.grad(), "non-leaf gradients are not kept unless retained");
  }

  @Test
  void hookCanReplaceTheGradient() {
    Tensor x = Tensor.of(new float[] {1f}, 1).requiresGrad(true);
    Tensor h = Arithmetic.mul(x, 2f).registerHook(g -> Arithmetic.mul(g, 0f));
    Autograd.backward(Reductions.sum(h));
    assertEquals(0f, x.grad().item());
  }

  @Test
  void backwardOnANonScalarNeedsAnUpstreamGradient() {
    Tensor x = Tensor.of(new float[] {1f, 2f}, 2).requiresGrad(true);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Autograd.backward(Arithmetic.mul(x, 2f)));
    assertTrue(e.getMessage().contains("scalar"), e.getMessage());
  }

  @Test
  void deepChainsDoNotOverflowTheStack() {
    Tensor x = Tensor.of(new float[] {1f}, 1).requiresGrad(true);
    Tensor y = x;
    for (int i = 0; i < 100_000; i++) y = Arithmetic.add(y, 0f);
    Autograd.backward(Reductions.sum(y));
    assertEquals(1f, x.grad().item());
  }

  @Test
  void linearMatchesMatmulPlusBias() {
    Rng rng = new Rng(1);
    Tensor x = Tensor.randn(rng, 4, 3).requiresGrad(true);
    Tensor w = Tensor.randn(rng, 2, 3).requiresGrad(true);
    Tensor b = Tensor.randn(rng, 2).requiresGrad(true);
    GradCheck.Result r = GradCheck.check(in -> MatMul.linear(in[0], in[1], in[2]), x, w, b);
    assertTrue(r.passed(), r.toString());
    GradCheck.Result noBias = GradCheck.check(in -> MatMul.linear(in[0], in[1], null), x, w);
    assertTrue(noBias.passed(), noBias.toString());
  }

  @Test
  void gradCheckCatchesAWrongRule() {
    Tensor x = Tensor.of(new float[] {0.5f, 1.5f}, 2).requiresGrad(true);
    GradCheck.Result r = GradCheck.check(in -> Autograd.record(in[0].data().clone(), in[0].shape(), "wrong",
        g -> new Tensor[] {Arithmetic.mul(g, 2f)}, in[0]), x);
    assertFalse(r.passed(), "a rule that doubles the gradient must fail");
  }
}
