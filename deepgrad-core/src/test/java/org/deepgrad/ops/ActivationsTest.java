package org.deepgrad.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.autograd.GradCheck;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ActivationsTest {
  /** Away from every kink (0 for relu-likes, ±1 for hardtanh), spread over both signs and the tails. */
  private static final float[] POINTS = {-4.2f, -2.5f, -1.3f, -0.7f, -0.2f, 0.15f, 0.6f, 1.4f, 2.2f, 5.1f};

  private static void assertGradCheck(UnaryOperator<Tensor> f) {
    Tensor x = Tensor.of(POINTS.clone(), 2, 5).requiresGrad(true);
    GradCheck.Result r = GradCheck.check(in -> f.apply(in[0]), x);
    assertTrue(r.passed(), r::toString);
  }

  private static float at(UnaryOperator<Tensor> f, float x) {
    return f.apply(Tensor.of(new float[] {x}, 1)).item();
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    assertGradCheck(Activations::relu);
    assertGradCheck(Activations::sigmoid);
    assertGradCheck(Activations::tanh);
    assertGradCheck(x -> Activations.leakyRelu(x, 0.1f));
    assertGradCheck(x -> Activations.elu(x, 1.5f));
    assertGradCheck(Activations::gelu);
    assertGradCheck(x -> Activations.gelu(x, "tanh"));
    assertGradCheck(Activations::softplus);
    assertGradCheck(x -> Activations.softplus(x, 2f, 5f)); // 5.1·2 lies above the threshold
    assertGradCheck(Activations::softsign);
    assertGradCheck(x -> Activations.hardtanh(x, -2f, 1f));
  }

  @Test
  void forwardValuesMatchHandComputedOnes() {
    assertEquals(0.5f, at(Activations::sigmoid, 0f));
    assertEquals(0.8807970779778823f, at(Activations::sigmoid, 2f), 1e-7f);
    assertEquals(0.7615941559557649f, at(Activations::tanh, 1f), 1e-7f);
    assertEquals(-0.2f, at(x -> Activations.leakyRelu(x, 0.1f), -2f), 1e-7f);
    assertEquals(3f, at(x -> Activations.leakyRelu(x, 0.1f), 3f));
    assertEquals(-0.6321205588285577f, at(x -> Activations.elu(x, 1f), -1f), 1e-7f);
    assertEquals(0.8413447460685429f, at(Activations::gelu, 1f), 1e-7f);
    assertEquals(-0.15865525393145707f, at(Activations::gelu, -1f), 1e-7f);
    assertEquals(0.053982783727702904f, at(Activations::gelu, 0.1f), 1e-8f);
    assertEquals(0.6931471805599453f, at(Activations::softplus, 0f), 1e-7f);
    assertEquals(0.75f, at(Activations::softsign, 3f));
    assertEquals(-0.75f, at(Activations::softsign, -3f));
    assertEquals(1f, at(x -> Activations.hardtanh(x, -1f, 1f), 7f));
    assertEquals(-0.5f, at(x -> Activations.hardtanh(x, -1f, 1f), -0.5f));
  }

  @Test
  void geluTanhApproximationIsCloseToTheExactOne() {
    // The two differ by at most about 5e-4 (Hendrycks and Gimpel); 0.8411919906 is the tanh form at 1.
    assertEquals(0.8411919906082768f, at(x -> Activations.gelu(x, "tanh"), 1f), 1e-7f);
    assertEquals(at(Activations::gelu, 1f), at(x -> Activations.gelu(x, "none"), 1f));
    assertThrows(IllegalArgumentException.class, () -> Activations.gelu(Tensor.ones(1), "erf"));
  }

  @Test
  void tailsStayFiniteAndAccurate() {
    assertEquals(0f, at(Activations::sigmoid, -1000f));
    assertEquals(1f, at(Activations::sigmoid, 1000f));
    assertEquals((float) 3.7200759760208356e-44, at(Activations::sigmoid, -100f)); // ≈ e^-100, subnormal
    // The exact GELU keeps relative precision in the far negative tail, where x·Φ(x) is tiny.
    assertEquals(-7.619853024160593e-23, at(Activations::gelu, -10f), 7.62e-23 * 1e-6);
    assertEquals(-0.004049694094890287, at(Activations::gelu, -3f), 0.00405 * 1e-6);
    assertEquals(30f, at(Activations::softplus, 30f));
    assertEquals(9.357622968839737e-14, at(Activations::softplus, -30f), 9.36e-14 * 1e-6);
    assertEquals(-1f, at(x -> Activations.elu(x, 1f), -1000f));
  }

  @Test
  void reluAtZerosInfinitiesAndNaNFollowsTorch() {
    float[] v = {1f, -1f, 0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
        -Float.MIN_VALUE, Float.MAX_VALUE, Float.intBitsToFloat(0xffc00000)};
    float[] y = new float[v.length];
    float[] g = new float[v.length];
    Activations.reluForward(v, y, 0, v.length);
    float[] ones = new float[v.length];
    java.util.Arrays.fill(ones, 3f);
    Activations.reluBackward(v, ones, g, 0, v.length);
    for (int i = 0; i < v.length; i++) {
      float expectedY = Float.isNaN(v[i]) ? Float.NaN : v[i] > 0 ? v[i] : 0f; // torch.relu keeps NaN
      assertEquals(Float.floatToIntBits(expectedY), Float.floatToIntBits(y[i]), "relu(" + v[i] + ")");
      assertEquals(v[i] > 0 ? 3f : 0f, g[i], "relu'(" + v[i] + ") * 3"); // threshold_backward: 0 unless x > 0
      assertEquals(0, Float.floatToRawIntBits(y[i]) == 0x80000000 ? 1 : 0, "no -0 out of relu");
    }
  }

  @Test
  void derivativesAtTheKinksFollowTorch() {
    Tensor x = Tensor.of(new float[] {0f, -1f, 1f}, 3).requiresGrad(true);
    Autograd.backward(Reductions.sum(Activations.hardtanh(x, -1f, 1f)));
    assertEquals(0f, x.grad().data()[1], "hardtanh' is 0 at min");
    assertEquals(0f, x.grad().data()[2], "hardtanh' is 0 at max");
    assertEquals(1f, x.grad().data()[0]);
    Tensor z = Tensor.of(new float[] {0f}, 1).requiresGrad(true);
    Autograd.backward(Reductions.sum(Activations.leakyRelu(z, 0.2f)));
    assertEquals(0.2f, z.grad().item(), "leaky_relu' at 0 is the negative slope, as torch");
  }

  @Test
  void badHyperParametersAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Activations.hardtanh(Tensor.ones(1), 1f, -1f));
    assertTrue(e.getMessage().contains("hardtanh"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Activations.softplus(Tensor.ones(1), 0f, 20f));
  }
}
