package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Regression;
import org.deepgrad.loss.Loss;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.Dropout;
import org.deepgrad.nn.Linear;
import org.deepgrad.nn.Sequential;
import org.deepgrad.ops.Arithmetic;
import org.deepgrad.ops.Reductions;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The non-finite report names the step and the place where the first NaN or infinity arose
 * ({@link PostMortem}), for networks built to diverge at a known place; the replay leaves the run as
 * it would have been without it.
 */
class PostMortemTest {
  @TempDir Path dir;

  private static NonFinite stopped(Trainer<?> t) throws Exception {
    TrainResult r = t.fit();
    assertEquals(StopReason.NON_FINITE, r.stopReason(), r::toString);
    return r.nonFinite().orElseThrow();
  }

  @Test
  void aHugeLearningRateOverflowsTheSecondLayerAtStep2() throws Exception {
    Sequential model = Sequential.builder(1, new Rng(3)).dense(4).dense(1).build();
    Regression data = Fixtures.lineData();
    NonFinite nf = stopped(Fixtures.line(model, 1e20, data, TrainerSettings.defaults()));
    assertEquals(new NonFinite(2, 0, "loss", "forward pass, output of layer 1 (Linear(4 -> 1))"), nf);
    // The weights are those after step 1 (step 2 changed nothing): check the report against them.
    Regression batch = data.rows(new int[] {4, 5, 6, 7});
    Tensor h = model.layers().get(0).forward(batch.features());
    assertTrue(allFinite(h.data()), "layer 0 is finite on the second batch");
    assertFalse(allFinite(model.layers().get(1).forward(h).data()), "layer 1 is not");
  }

  @Test
  void aHugeWeightOverflowsItsLayerInTheForwardPass() throws Exception {
    // Sigmoid outputs lie in (0, 1), so layer 2's sums of MAX_VALUE · s + MAX_VALUE overflow to +inf.
    Sequential model = Sequential.builder(6, new Rng(1)).dense(8, Activation.sigmoid()).dense(8).dense(3).build();
    Linear huge = (Linear) model.layers().get(2);
    Arrays.fill(huge.weight().value().data(), Float.MAX_VALUE);
    Arrays.fill(huge.bias().value().data(), Float.MAX_VALUE);
    NonFinite nf = stopped(Fixtures.classifier(model, Fixtures.adam(model), 1, TrainerSettings.defaults()));
    assertEquals(new NonFinite(1, 0, "loss", "forward pass, output of layer 2 (Linear(8 -> 8))"), nf);
  }

  @Test
  void aNaNInAnInputRowIsNamedAtEveryStepItReaches() throws Exception {
    Regression data = Fixtures.lineData();
    data.features().data()[9] = Float.NaN; // sample 9: row 1 of the third batch of 4, in fixed order
    List<NonFinite> seen = new ArrayList<>();
    Trainer<Regression> t = Fixtures.line(Fixtures.linear(1), 0.1, data,
        TrainerSettings.defaults().withEpochs(3).withNonFinite(NonFinitePolicy.SKIP, 0));
    t.addListener(new TrainListener() {
      @Override
      public void onNonFinite(NonFinite event, double loss, double lr) {
        seen.add(event);
      }
    });
    assertEquals(StopReason.COMPLETED, t.fit().stopReason());
    String where = "forward pass, input batch row 1, feature 0 (NaN)";
    assertEquals(List.of(new NonFinite(3, 0, "loss", where), new NonFinite(5, 1, "loss", where),
        new NonFinite(7, 2, "loss", where)), seen, "two updates per epoch, then the third batch");
  }

  @Test
  void aGradientOverflowIsTracedToTheLayerWhoseBackwardMadeIt() throws Exception {
    // Forward: h = 1e-20·x, out = 1e10·h, loss = mean(1e30·out), all finite. Backward: dL/dout = 1e30/4,
    // dL/dW1 = Σ dL/dout·h is finite, but dL/dh = W1·dL/dout ≈ 2.5e39 overflows inside layer 1, and
    // from there every gradient of layer 0. The check sees 0.weight first; the post-mortem finds layer 1.
    Sequential model = Sequential.builder(1, new Rng(1)).dense(1).dense(1).build();
    Map<String, Tensor> w = model.stateDict();
    w.get("0.weight").data()[0] = 1e-20f;
    w.get("0.bias").data()[0] = 0;
    w.get("1.weight").data()[0] = 1e10f;
    w.get("1.bias").data()[0] = 0;
    Objective<Regression> scaled = new Objective<>("scaled", (out, b) -> Reductions.mean(Arithmetic.mul(out, 1e30f)),
        () -> Objective.regression().tally());
    Trainer<Regression> t = new Trainer<>(model, scaled, Optimizers.sgd(model.namedParameters(), SGD.of(0.1)),
        new DataLoader<>(Fixtures.lineData(), 4, false, false, 0), null, TrainerSettings.defaults());
    assertEquals(new NonFinite(1, 0, "gradient of 0.weight", "backward pass, layer 1 (Linear(1 -> 1)), gradient of its input"),
        stopped(t));
  }

  @Test
  void theReplayUsesTheStepsMasksAndLeavesGeneratorsAndStatisticsAsIfThereWereNone() {
    // Dense, relu, batch norm, dropout, dense: the last layer's MAX_VALUE weights overflow after the dropout.
    Sequential model = Fixtures.net(7);
    Sequential twin = Fixtures.net(7);
    for (Sequential m : List.of(model, twin)) Arrays.fill(((Linear) m.layers().get(4)).weight().value().data(), Float.MAX_VALUE);
    Dataset batch = Fixtures.classes().train().rows(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
    List<float[]> masked = new ArrayList<>();
    model.layers().get(3).registerForwardHook((m, in, out) -> {
      masked.add(out.data().clone());
      return null;
    });
    Optimizer opt = Fixtures.adam(model);
    TrainStep.Outcome out = new TrainStep<>(model, Objective.classification(), opt, TrainerSettings.defaults(), List.of())
        .run(batch, 1);
    assertEquals("loss", out.nonFinite());
    assertEquals("forward pass, output of layer 4 (Linear(16 -> 3))", out.where());
    assertEquals(2, masked.size(), "the step and its replay");
    assertArrayEquals(masked.get(0), masked.get(1), "the replay drew the step's dropout mask");

    twin.forward(batch.features()); // what the step did to the generator and the statistics, without the replay
    assertArrayEquals(((Dropout) twin.layers().get(3)).rng().state(), ((Dropout) model.layers().get(3)).rng().state(),
        "the generator advanced by one forward pass, as by any step");
    Map<String, Tensor> before = Fixtures.net(7).stateDict();
    Map<String, Tensor> moved = twin.stateDict();
    model.stateDict().forEach((name, t) -> {
      if (name.startsWith("4.")) return; // set to MAX_VALUE above
      assertArrayEquals(before.get(name).data(), t.data(), name + " as before the failed step");
    });
    assertFalse(Arrays.equals(before.get("2.running_mean").data(), moved.get("2.running_mean").data()),
        "a forward pass moves the running mean; the failed step's was put back");
  }

  @Test
  void aRunThatSkipsBatchesResumesBitIdentically() throws Exception {
    TrainerSettings skip = TrainerSettings.defaults().withEpochs(3).withNonFinite(NonFinitePolicy.SKIP, 0);
    Sequential straight = Fixtures.net(2);
    TrainResult expected = poisoned(straight, skip).fit();
    assertEquals(3, expected.skippedBatches(), "the NaN sample's batch, once per epoch");

    TrainResult first = poisoned(Fixtures.net(2), skip.withMaxSteps(1).withCheckpoints(dir, 1, 0, 1)).fit();
    assertEquals(1, first.steps());
    Sequential resumed = Fixtures.net(5);
    Trainer<Dataset> t = poisoned(resumed, skip);
    t.resume(dir);
    TrainResult actual = t.fit();
    assertEquals(expected.steps(), actual.steps());
    assertEquals(expected.skippedBatches(), actual.skippedBatches());
    Map<String, Tensor> want = straight.stateDict();
    resumed.stateDict().forEach((name, got) -> assertArrayEquals(want.get(name).data(), got.data(), name));
    assertArrayEquals(((Dropout) straight.layers().get(3)).rng().state(), ((Dropout) resumed.layers().get(3)).rng().state());
  }

  /** A trainer of {@code model} on {@link Fixtures#classes} whose sample 20 has a NaN feature. */
  private static Trainer<Dataset> poisoned(Sequential model, TrainerSettings settings) {
    Dataset train = Fixtures.classes().train();
    train.features().data()[20 * 6 + 2] = Float.NaN;
    return new Trainer<>(model, Objective.classification(), Fixtures.adam(model), DataLoader.miniBatch(train, 16, 4),
        null, settings);
  }

  @Test
  void withoutNonFiniteValuesATrainerRunIsTheExplicitLoopBitForBit() throws Exception {
    // Dropout and batch norm make any extra forward pass, draw or statistics update show in the weights.
    Sequential byTrainer = Fixtures.net(3);
    Dataset train = Fixtures.classes().train();
    Trainer<Dataset> t = new Trainer<>(byTrainer, Objective.classification(), Fixtures.adam(byTrainer),
        DataLoader.miniBatch(train, 16, 8), null, TrainerSettings.defaults().withEpochs(4));
    assertEquals(20, t.fit().steps());

    Sequential byHand = Fixtures.net(3);
    Optimizer adam = Fixtures.adam(byHand);
    DataLoader<Dataset> loader = DataLoader.miniBatch(train, 16, 8);
    for (int epoch = 0; epoch < 4; epoch++) {
      for (Dataset batch : loader.epoch()) {
        byHand.zeroGrad();
        Autograd.backward(Loss.crossEntropy(byHand.forward(batch.features()), batch.labels()));
        adam.step();
      }
    }
    Map<String, Tensor> want = byHand.stateDict();
    byTrainer.stateDict().forEach((name, got) -> assertArrayEquals(want.get(name).data(), got.data(), name));
    assertArrayEquals(((Dropout) byHand.layers().get(3)).rng().state(), ((Dropout) byTrainer.layers().get(3)).rng().state());
  }

  private static boolean allFinite(float[] values) {
    for (float v : values) if (!Float.isFinite(v)) return false;
    return true;
  }
}
