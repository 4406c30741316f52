package org.deepgrad.spark;

import java.io.Serializable;
import org.deepgrad.nn.Module;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.train.ReplicaSync;

/**
 * How the replicas stay together: {@link #gradients()} (synchronous data parallelism: the mean gradient
 * every step, the single-process run at the global batch) or {@link #parameters(int)} (parameter
 * averaging every k steps, a different algorithm). See docs/spark.md.
 *
 * @param every 0 for gradient averaging, else the updates between two parameter averages (&gt;= 1)
 */
public record Averaging(int every) implements Serializable {

  public Averaging {
    if (every < 0) {
      throw new IllegalArgumentException("parameter averaging every " + every + " steps; give at least 1 (or use"
          + " gradient averaging)");
    }
  }

  /** The mean gradient over the replicas at every step ({@link GradientAveraging}). */
  public static Averaging gradients() {
    return new Averaging(0);
  }

  /** Local updates, then the mean of weights and optimizer state every {@code every} updates ({@link ParameterAveraging}). */
  public static Averaging parameters(int every) {
    if (every < 1) {
      throw new IllegalArgumentException("parameter averaging every " + every + " steps; give at least 1");
    }
    return new Averaging(every);
  }

  ReplicaSync sync(Module model, Optimizer optimizer, Collective collective) {
    return every == 0 ? new GradientAveraging(model, collective)
        : new ParameterAveraging(model, optimizer, collective, every);
  }

  @Override
  public String toString() {
    return every == 0 ? "gradient averaging every step" : "parameter averaging every " + every + " steps";
  }
}
