package org.deepgrad.ops;

import static org.deepgrad.testing.GradChecks.assertGradCheck;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class PointwiseTest {
  private static final float E = (float) Math.E;

  private static Tensor leaf(float... v) {
    return Tensor.of(v, v.length).requiresGrad(true);
  }

  /** Backpropagates sum(y) so each input's gradient is dy/dx element by element. */
  private static float[] gradOfSum(Function<Tensor, Tensor> f, Tensor x) {
    Autograd.backward(Reductions.sum(f.apply(x)));
    return x.grad().data();
  }

  @Test
  void expLogSqrtValuesAndGradients() {
    assertArrayEquals(new float[] {1f, E, 1f / E}, Pointwise.exp(leaf(0f, 1f, -1f)).data(), 1e-6f);
    assertArrayEquals(new float[] {0f, 1f, -0.6931472f}, Pointwise.log(leaf(1f, E, 0.5f)).data(), 1e-6f);
    assertArrayEquals(new float[] {2f, 3f, 0.5f}, Pointwise.sqrt(leaf(4f, 9f, 0.25f)).data());
    assertArrayEquals(new float[] {1f, E}, gradOfSum(Pointwise::exp, leaf(0f, 1f)), 1e-6f);
    assertArrayEquals(new float[] {0.5f, 4f}, gradOfSum(Pointwise::log, leaf(2f, 0.25f)));
    assertArrayEquals(new float[] {0.25f, 1f}, gradOfSum(Pointwise::sqrt, leaf(4f, 0.25f)));
  }

  @Test
  void outOfDomainGivesNaNOrInfinityAsTorch() {
    float[] y = Pointwise.log(leaf(-1f, 0f)).data();
    assertTrue(Float.isNaN(y[0]));
    assertEquals(Float.NEGATIVE_INFINITY, y[1]);
    assertTrue(Float.isNaN(Pointwise.sqrt(leaf(-4f)).item()));
  }

  @Test
  void powValuesAndGradients() {
    assertArrayEquals(new float[] {8f, -27f, 0.125f}, Pointwise.pow(leaf(2f, -3f, 0.5f), 3f).data(), 1e-6f);
    assertArrayEquals(new float[] {12f, 27f}, gradOfSum(x -> Pointwise.pow(x, 3f), leaf(2f, -3f)));
    assertArrayEquals(new float[] {0.25f, 0.5f}, gradOfSum(x -> Pointwise.pow(x, 0.5f), leaf(4f, 1f)));
    // torch: x^0 = 1 with gradient 0 everywhere, even at 0 where p·x^(p-1) would be 0·inf.
    assertArrayEquals(new float[] {1f, 1f}, Pointwise.pow(leaf(0f, 5f), 0f).data());
    assertArrayEquals(new float[] {0f, 0f}, gradOfSum(x -> Pointwise.pow(x, 0f), leaf(0f, 5f)));
  }

  @Test
  void absGradientIsSignWithZeroAtZero() {
    assertArrayEquals(new float[] {2f, 0f, 3f}, Pointwise.abs(leaf(-2f, 0f, 3f)).data());
    assertArrayEquals(new float[] {-1f, 0f, 1f}, gradOfSum(Pointwise::abs, leaf(-2f, 0f, 3f)));
  }

  @Test
  void clampPassesTheGradientOnTheClosedInterval() {
    Tensor x = leaf(-2f, -1f, 0f, 1f, 2f);
    assertArrayEquals(new float[] {-1f, -1f, 0f, 1f, 1f}, Pointwise.clamp(x, -1f, 1f).data());
    assertArrayEquals(new float[] {0f, 1f, 1f, 1f, 0f}, gradOfSum(t -> Pointwise.clamp(t, -1f, 1f), x));
    assertTrue(Float.isNaN(Pointwise.clamp(leaf(Float.NaN), -1f, 1f).item()), "NaN propagates");
    assertArrayEquals(new float[] {0f, 5f}, Pointwise.clamp(leaf(-3f, 5f), 0f, Float.POSITIVE_INFINITY).data());
  }

  @Test
  void clampRejectsMinAboveMax() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Pointwise.clamp(leaf(1f), 2f, 1f));
    assertTrue(e.getMessage().contains("min 2.0") && e.getMessage().contains("max 1.0"), e.getMessage());
  }

  @Test
  void whereBroadcastsAndRoutesTheGradient() {
    Tensor mask = Tensor.of(new float[] {1f, 0f}, 2, 1);
    Tensor a = leaf(1f, 2f, 3f);
    Tensor b = Tensor.scalar(-1f).requiresGrad(true);
    Tensor y = Pointwise.where(mask, a, b);
    assertEquals(Shape.of(2, 3), y.shape());
    assertArrayEquals(new float[] {1f, 2f, 3f, -1f, -1f, -1f}, y.data());
    Autograd.backward(Reductions.sum(y));
    assertArrayEquals(new float[] {1f, 1f, 1f}, a.grad().data(), "row 0 takes a");
    assertEquals(3f, b.grad().item(), "row 1 takes b, three times");
  }

  @Test
  void whereRejectsShapesThatDoNotBroadcast() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> Pointwise.where(Tensor.ones(2), Tensor.ones(3), Tensor.ones(3)));
    assertTrue(e.getMessage().startsWith("where") && e.getMessage().contains("[2] and [3]"), e.getMessage());
  }

  @Test
  void gradChecks() {
    Rng rng = new Rng(11);
    assertGradCheck(in -> Pointwise.exp(in[0]), Tensor.uniform(rng, -1f, 1f, 3, 4).requiresGrad(true));
    assertGradCheck(in -> Pointwise.log(in[0]), Tensor.uniform(rng, 0.5f, 2f, 3, 4).requiresGrad(true));
    assertGradCheck(in -> Pointwise.sqrt(in[0]), Tensor.uniform(rng, 0.5f, 2f, 3, 4).requiresGrad(true));
    assertGradCheck(in -> Pointwise.pow(in[0], 2.5f), Tensor.uniform(rng, 0.5f, 2f, 3, 4).requiresGrad(true));
    assertGradCheck(in -> Pointwise.pow(in[0], 3f), Tensor.uniform(rng, -1.5f, 1.5f, 3, 4).requiresGrad(true));
    assertGradCheck(in -> Pointwise.pow(in[0], -1f), Tensor.uniform(rng, 0.5f, 2f, 3, 4).requiresGrad(true));
    // Kinks (|x| at 0, the clamp bounds) are kept more than the finite-difference step away.
    assertGradCheck(in -> Pointwise.abs(in[0]), leaf(-1.5f, -0.3f, 0.2f, 0.9f));
    assertGradCheck(in -> Pointwise.clamp(in[0], -1f, 1f), leaf(-1.5f, -0.5f, 0.2f, 0.7f, 1.4f));
  }

  @Test
  void whereGradCheckWithBroadcasting() {
    Rng rng = new Rng(12);
    Tensor mask = Tensor.of(new float[] {1f, 0f, 0f, 1f}, 4, 1);
    Tensor a = Tensor.randn(rng, 4, 3).requiresGrad(true);
    Tensor b = Tensor.randn(rng, 3).requiresGrad(true);
    assertGradCheck(in -> Pointwise.where(mask, in[0], in[1]), a, b);
    assertGradCheck(in -> Pointwise.where(mask, in[1], in[0]), a, b);
  }
}
