package org.deepgrad.run.reproduce;

import org.deepgrad.run.config.TrainConfig;

/**
 * One training run of an experiment.
 *
 * @param name a file-name-safe id, unique within the experiment, e.g. {@code tanh-standard}
 * @param label how tables name it, e.g. {@code tanh, standard init}
 * @param config the run's configuration (data defaults to mnist-10k); its output section is not used
 * @param evals how many times to evaluate on the test split during the run (evenly spaced, the last at
 *     the end); 0 evaluates only at the end
 * @param pretrain whether to pre-train the hidden layers greedily (denoising auto-encoders,
 *     {@link org.deepgrad.train.LayerwisePretraining} defaults) before training
 */
record RunPlan(String name, String label, TrainConfig config, int evals, boolean pretrain) {
  /** Checks the name can be a file name. */
  RunPlan {
    if (!name.matches("[a-z0-9][a-z0-9.-]*")) throw new IllegalArgumentException("run name '" + name + "': use a-z, 0-9, . and -");
  }

  /** A plain run: evaluated at the end only, no pre-training. */
  static RunPlan of(String name, String label, TrainConfig config) {
    return new RunPlan(name, label, config, 0, false);
  }

  /** This plan evaluated {@code n} times along the run. */
  RunPlan withEvals(int n) {
    return new RunPlan(name, label, config, n, pretrain);
  }

  /** This plan with greedy layer-wise pre-training first. */
  RunPlan withPretraining() {
    return new RunPlan(name, label, config, evals, true);
  }
}
