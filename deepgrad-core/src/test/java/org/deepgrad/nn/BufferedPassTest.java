package org.deepgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.loss.BufferedCrossEntropy;
import org.deepgrad.loss.Loss;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Buffered passes used directly: gradients accumulate as on the tape, bad shapes are refused, no pass where a layer has none. */
class BufferedPassTest {
  private static final int[] LABELS = {0, 2, 1, 2, 0};

  private static Sequential net() {
    return Sequential.builder(4, new Rng(2)).dense(6, Activation.gelu()).batchNorm()
        .residual(b -> b.dense(6, Activation.tanh())).dense(3).build();
  }

  private static Tensor input() {
    return Tensor.randn(new Rng(3), LABELS.length, 4);
  }

  @Test
  void twoBackwardsWithoutZeroGradAccumulateLikeTheTape() {
    Sequential tape = net();
    for (int i = 0; i < 2; i++) Autograd.backward(Loss.crossEntropy(tape.forward(input()), LABELS));
    Sequential fused = net();
    BufferedPass k = fused.bufferedPass();
    BufferedCrossEntropy ce = new BufferedCrossEntropy();
    for (int i = 0; i < 2; i++) {
      float[] out = k.forward(input().data(), LABELS.length);
      float[] grad = new float[out.length];
      ce.meanLoss(out, LABELS.length, LABELS, grad);
      assertNull(k.backward(grad, LABELS.length, false));
    }
    Map<String, Parameter> expected = tape.namedParameters();
    fused.namedParameters().forEach((name, p) -> assertArrayEquals(expected.get(name).grad().data(), p.grad().data(), name));
  }

  @Test
  void theBufferedLossEqualsTheOp() {
    Tensor logits = Tensor.randn(new Rng(5), LABELS.length, 3);
    float[] grad = new float[logits.size()];
    float loss = new BufferedCrossEntropy().meanLoss(logits.data(), LABELS.length, LABELS, grad);
    Tensor x = logits.copy().requiresGrad(true);
    Tensor l = Loss.crossEntropy(x, LABELS);
    Autograd.backward(l);
    assertEquals(l.item(), loss);
    assertArrayEquals(x.grad().data(), grad);
  }

  @Test
  void aWrongInputWidthIsAShapeError() {
    BufferedPass k = net().bufferedPass();
    ShapeException e = assertThrows(ShapeException.class, () -> k.forward(new float[LABELS.length * 5], LABELS.length));
    assertTrue(e.getMessage().contains("[batch, 4]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new BufferedCrossEntropy().meanLoss(new float[6], 2, new int[] {0, 3}, new float[6]));
  }

  @Test
  void aLayerWithoutABufferedPassMakesTheNetworkHaveNone() {
    assertNull(Sequential.builder(4, new Rng(1)).dense(3).layerNorm().build().bufferedPass());
    assertNull(new Residual(Sequential.builder(4, new Rng(1)).layerNorm().build()).bufferedPass());
  }
}
