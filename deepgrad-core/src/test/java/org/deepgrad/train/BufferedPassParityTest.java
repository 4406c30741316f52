package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Regression;
import org.deepgrad.data.Synthetic;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.Flatten;
import org.deepgrad.nn.Residual;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Adam;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The trainer's allocation-free buffered path and the autograd tape give bit-identical training runs:
 * the same losses at every step and the same weights, buffers and optimizer state at the end. The
 * tape path is forced by a no-op forward hook on the model, which is how a diagnostics sample sends a
 * step through the tape.
 */
class BufferedPassParityTest {

  static List<Object[]> classifiers() {
    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {"relu mlp", (Supplier<Sequential>) () -> Sequential.builder(6, new Rng(3))
        .dense(16, Activation.relu()).dense(12, Activation.relu()).dense(3).build()});
    for (Activation.Kind k : Activation.Kind.values()) {
      cases.add(new Object[] {k.configName(), (Supplier<Sequential>) () -> Sequential.builder(6, new Rng(5))
          .dense(10, Activation.of(k)).dense(10, Activation.of(k)).dense(3).build()});
    }
    cases.add(new Object[] {"dropout", (Supplier<Sequential>) () -> Sequential.builder(6, new Rng(7))
        .dropout(0.1f).dense(16, Activation.tanh()).dropout(0.3f).dense(3).build()});
    cases.add(new Object[] {"batch norm, relu, dropout (the main job's block)", (Supplier<Sequential>) () ->
        Sequential.builder(6, new Rng(8)).dense(16).batchNorm().dense(12, Activation.relu()).batchNorm().dropout(0.2f)
            .dense(3).build()});
    cases.add(new Object[] {"residual", (Supplier<Sequential>) () -> Sequential.builder(6, new Rng(9))
        .dense(8, Activation.relu()).residual(b -> b.dense(8, Activation.relu()).dense(8)).dense(3).build()});
    cases.add(new Object[] {"projection", (Supplier<Sequential>) () -> {
      Rng rng = new Rng(11);
      Sequential body = Sequential.builder(6, rng).dense(9, Activation.sigmoid()).build();
      return new Sequential(new Flatten(), new Residual(body, 6, 9, rng), Activation.relu(),
          Sequential.builder(9, rng).dense(3).build());
    }});
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classifiers")
  void bufferedAndTapeTrainIdentically(String name, Supplier<Sequential> net) throws Exception {
    Run buffered = classify(net.get(), false);
    Run tape = classify(net.get(), true);
    assertTrue(buffered.usedBufferedPass, name + ": the buffered path was not taken");
    assertFalse(tape.usedBufferedPass, name + ": the tape path was not forced");
    assertFalse(buffered.losses.isEmpty());
    buffered.assertSame(tape);
  }

  @Test
  void regressionWithPartialBatchesMatches() throws Exception {
    Supplier<Sequential> net = () -> Sequential.builder(3, new Rng(13)).dense(8, Activation.elu(1f)).dense(1).build();
    Regression data = Synthetic.linear(50, new float[] {2, -1, 0.5f}, 0.3f, 0.1, 17);
    Run buffered = regress(net.get(), data, false);
    Run tape = regress(net.get(), data, true);
    assertTrue(buffered.usedBufferedPass);
    buffered.assertSame(tape);
  }

  @Test
  void l2AndLayersWithoutBufferedPassesTakeTheTape() {
    Sequential plain = Sequential.builder(6, new Rng(1)).dense(4, Activation.relu()).dense(3).build();
    Sequential norm = Sequential.builder(6, new Rng(1)).dense(4).layerNorm().dense(3).build();
    assertTrue(step(plain, TrainerSettings.defaults()).hasBufferedPass());
    assertFalse(step(plain, TrainerSettings.defaults().withL2(1e-3)).hasBufferedPass());
    assertFalse(step(norm, TrainerSettings.defaults()).hasBufferedPass());
  }

  private static TrainStep<Dataset> step(Sequential m, TrainerSettings s) {
    return new TrainStep<>(m, Objective.classification(), Optimizers.sgd(m.namedParameters(), SGD.of(0.1)), s, List.of());
  }

  private static Run classify(Sequential m, boolean forceTape) throws Exception {
    Dataset.Split data = Synthetic.teacher(90, 6, 8, 3, 21).split(70); // 70 rows in batches of 16: a partial batch
    Trainer<Dataset> t = new Trainer<>(m, Objective.classification(), Optimizers.adam(m.namedParameters(), Adam.defaults().lr(1e-2)),
        DataLoader.miniBatch(data.train(), 16, 5), data.test(), TrainerSettings.defaults().withEpochs(3));
    return Run.of(m, t, forceTape);
  }

  private static Run regress(Sequential m, Regression data, boolean forceTape) throws Exception {
    Trainer<Regression> t = new Trainer<>(m, Objective.regression(),
        Optimizers.sgd(m.namedParameters(), SGD.of(0.05).momentum(0.9)), new DataLoader<>(data, 8, true, false, 3), null,
        TrainerSettings.defaults().withEpochs(3));
    return Run.of(m, t, forceTape);
  }

  private record Run(List<Double> losses, Map<String, Tensor> state, boolean usedBufferedPass) {
    static Run of(Sequential m, Trainer<?> t, boolean forceTape) throws Exception {
      if (forceTape) m.registerForwardHook((mod, in, out) -> null);
      List<Double> losses = new ArrayList<>();
      t.addListener(new TrainListener() {
        @Override
        public void onStep(StepEvent e) {
          losses.add(e.loss());
        }
      });
      t.fit();
      return new Run(losses, m.stateDict(), t.bufferedSteps() > 0);
    }

    void assertSame(Run other) {
      assertEquals(other.losses, losses, "losses per step");
      assertEquals(other.state.keySet(), state.keySet());
      state.forEach((k, v) -> assertArrayEquals(other.state.get(k).data(), v.data(), k));
    }
  }
}
