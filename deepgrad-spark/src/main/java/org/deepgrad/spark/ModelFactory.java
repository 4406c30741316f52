package org.deepgrad.spark;

import java.io.Serializable;
import org.deepgrad.nn.ModelSpec;

/**
 * The model of a distributed run, sent to every executor:
 * {@code () -> ModelSpec.mlp(784, new int[] {128, 64, 32}, 10, "relu", null, true, 0.2, false)}.
 * Each replica builds the spec with the run's seed, so all start from the same weights.
 */
@FunctionalInterface
public interface ModelFactory extends Serializable {
  ModelSpec spec();
}
