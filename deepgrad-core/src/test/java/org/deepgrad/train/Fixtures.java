package org.deepgrad.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Regression;
import org.deepgrad.data.Synthetic;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Adam;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.tensor.Rng;

/** Tiny models and data for the trainer tests: each run takes milliseconds. */
final class Fixtures {
  private Fixtures() {}

  /** 72 training and 24 validation samples, 6 features, 3 classes. */
  static Dataset.Split classes() {
    return Synthetic.teacher(96, 6, 8, 3, 11).split(72);
  }

  /** Dense, batch norm, dropout, dense: every kind of state a checkpoint must carry. */
  static Sequential net(long seed) {
    return Sequential.builder(6, new Rng(seed)).dense(16, Activation.relu()).batchNorm().dropout(0.3f).dense(3).build();
  }

  static Optimizer adam(Sequential model) {
    return Optimizers.adam(model.namedParameters(), Adam.defaults().lr(1e-2));
  }

  /** A trainer of {@code model} on {@link #classes} in batches of 16 (5 per epoch, the last of 8), validated. */
  static Trainer<Dataset> classifier(Sequential model, Optimizer opt, long loaderSeed, TrainerSettings settings) {
    Dataset.Split data = classes();
    return new Trainer<>(model, Objective.classification(), opt, DataLoader.miniBatch(data.train(), 16, loaderSeed),
        data.test(), settings);
  }

  /** y = 2x − 1 on 12 samples in fixed order, 3 batches of 4, learnt by a Linear(1, 1) with SGD. */
  static Trainer<Regression> line(Sequential model, double lr, Regression data, TrainerSettings settings) {
    Optimizer sgd = Optimizers.sgd(model.namedParameters(), SGD.of(lr));
    return new Trainer<>(model, Objective.regression(), sgd, new DataLoader<>(data, 4, false, false, 0), null,
        settings);
  }

  static Regression lineData() {
    return Synthetic.linear(12, new float[] {2}, -1, 0, 3);
  }

  static Sequential linear(long seed) {
    return Sequential.builder(1, new Rng(seed)).dense(1).build();
  }

  /** Collects the warnings and events a run reports. */
  static final class Recorder implements TrainListener {
    final List<String> warnings = new ArrayList<>();
    final List<StepEvent> steps = new ArrayList<>();
    final List<EpochEvent> epochs = new ArrayList<>();
    final List<Path> checkpoints = new ArrayList<>();

    @Override
    public void onWarning(String message) {
      warnings.add(message);
    }

    @Override
    public void onStep(StepEvent event) {
      steps.add(event);
    }

    @Override
    public void onEpoch(EpochEvent event) {
      epochs.add(event);
    }

    @Override
    public void onCheckpoint(Path file) {
      checkpoints.add(file);
    }
  }
}
