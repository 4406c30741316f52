package org.deepgrad.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.deepgrad.backend.Backend;
import org.deepgrad.backend.Backends;
import org.deepgrad.data.Dataset;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.Parameter;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Adam;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.Objective;
import org.deepgrad.train.TrainStep;
import org.deepgrad.train.TrainerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Training on OpenBLAS gives the same bits on one thread and on two: the products' row blocks, the
 * gradient norm's chunks and the optimizer's element ranges are all split without changing any sum.
 * The net is big enough for every one of them to be split.
 */
class ThreadCountTest {
  private Backend saved;

  @BeforeEach
  void useOpenBlas() {
    saved = Backends.current();
    Backends.use(new OpenBlasBackend());
  }

  @AfterEach
  void restore() {
    Backends.use(saved);
  }

  @Test
  void sgdWithMomentumAndClipping() {
    assertSameOnOneAndTwoThreads(p -> Optimizers.sgd(p, SGD.of(0.05).momentum(0.9).nesterov(true)),
        TrainerSettings.defaults().withClipping(1.0, 0));
  }

  @Test
  void adam() {
    assertSameOnOneAndTwoThreads(p -> Optimizers.adam(p, Adam.defaults().lr(1e-3)), TrainerSettings.defaults());
  }

  private static void assertSameOnOneAndTwoThreads(
      Function<java.util.Map<String, Parameter>, Optimizer> optimizer, TrainerSettings settings) {
    List<float[]> one = train(1, optimizer, settings);
    List<float[]> two = train(2, optimizer, settings);
    assertEquals(one.size(), two.size());
    for (int i = 0; i < one.size(); i++) assertArrayEquals(one.get(i), two.get(i), "result " + i);
  }

  /** The losses and gradient norms of 6 steps, then every parameter. */
  private static List<float[]> train(int threads, Function<java.util.Map<String, Parameter>, Optimizer> optimizer,
      TrainerSettings settings) {
    Backends.current().setThreads(threads);
    Sequential model = Sequential.builder(784, new Rng(3)).dense(320, Activation.relu())
        .dense(300, Activation.tanh()).dense(10).build();
    model.train(true);
    TrainStep<Dataset> step = new TrainStep<>(model, Objective.classification(),
        optimizer.apply(model.namedParameters()), settings);
    Rng rng = new Rng(4);
    float[] x = new float[128 * 784];
    int[] y = new int[128];
    List<float[]> out = new ArrayList<>();
    for (int s = 1; s <= 6; s++) {
      for (int i = 0; i < x.length; i++) x[i] = rng.nextFloat();
      for (int i = 0; i < y.length; i++) y[i] = rng.nextInt(10);
      TrainStep.Outcome o = step.run(new Dataset(Tensor.of(x.clone(), 128, 784), y.clone(), 10), s);
      out.add(new float[] {(float) o.loss(), (float) o.gradNorm(), (float) (o.gradNorm() - (float) o.gradNorm())});
    }
    for (Parameter p : model.namedParameters().values()) out.add(p.value().data().clone());
    return out;
  }
}
