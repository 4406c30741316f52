package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Dataset;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.tensor.Rng;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

  private static Trainer<Dataset> trainer(Sequential model, double lr, EarlyStopping rule) {
    Dataset.Split data = Fixtures.classes();
    return new Trainer<>(model, Objective.classification(), Optimizers.sgd(model.namedParameters(), SGD.of(lr)),
        DataLoader.miniBatch(data.train(), 16, 1), data.test(), TrainerSettings.defaults().withEpochs(20)
        .withEarlyStopping(rule));
  }

  @Test
  void stopsAfterPatienceEpochsWithoutImprovement() throws Exception {
    // lr 0 and no batch norm: the validation loss is the same every epoch, so only epoch 0 improves.
    Sequential still = Sequential.builder(6, new Rng(2)).dense(3).build();
    TrainResult r = trainer(still, 0, EarlyStopping.of(3)).fit();
    assertEquals(StopReason.EARLY_STOPPING, r.stopReason());
    assertEquals(4, r.epochs(), "epoch 0 is best, epochs 1, 2, 3 are not: stop after 3");
    assertEquals(0, r.bestEpoch());
    assertEquals(r.validation().orElseThrow().loss(), r.bestValidationLoss().orElseThrow());
  }

  @Test
  void improvementsSmallerThanMinDeltaDoNotCountAndRestoreBestLoadsTheBestEpoch() throws Exception {
    Sequential model = Sequential.builder(6, new Rng(2)).dense(3).build();
    Trainer<Dataset> t = trainer(model, 0.05, new EarlyStopping(2, 1e9, true));
    List<float[]> weightsPerEpoch = new ArrayList<>();
    List<Double> losses = new ArrayList<>();
    t.addListener(new TrainListener() {
      @Override
      public void onEpoch(EpochEvent e) {
        weightsPerEpoch.add(model.stateDict().get("0.weight").data().clone());
        losses.add(e.validation().orElseThrow().loss());
      }
    });
    TrainResult r = t.fit();
    assertEquals(StopReason.EARLY_STOPPING, r.stopReason());
    assertEquals(3, r.epochs());
    assertEquals(0, r.bestEpoch());
    assertFalse(losses.get(2) >= losses.get(0), "the loss did fall, by less than minDelta: " + losses);
    assertFalse(Arrays.equals(weightsPerEpoch.get(0), weightsPerEpoch.get(2)));
    assertArrayEquals(weightsPerEpoch.get(0), model.stateDict().get("0.weight").data(), "best epoch's weights");
  }

  @Test
  void needsAValidationSetAndValidPatience() {
    Sequential model = Fixtures.net(1);
    Dataset train = Fixtures.classes().train();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer<>(model,
        Objective.classification(), Fixtures.adam(model), DataLoader.miniBatch(train, 16, 1), null,
        TrainerSettings.defaults().withEarlyStopping(EarlyStopping.of(2))));
    assertEquals(true, e.getMessage().contains("validation"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EarlyStopping.of(0));
    assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(1, -1, false));
  }
}
