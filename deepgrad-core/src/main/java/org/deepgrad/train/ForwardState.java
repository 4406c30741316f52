package org.deepgrad.train;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.nn.Dropout;
import org.deepgrad.nn.Module;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * What a forward pass in training mode changes besides the tape: the dropout generators (each mask
 * draws from them) and the buffers (batch-norm running statistics move toward each batch's). Saved
 * before every step, so that a failed step can leave the buffers as they were (its batch is dropped
 * entirely) and {@link PostMortem} can replay the step with the same masks. Saving only reads: a
 * run without a failed step is bit-identical with or without it.
 */
final class ForwardState {
  private final List<Rng> generators = new ArrayList<>();
  private final List<Tensor> buffers;
  private final long[][] savedGenerators;
  private final float[][] savedBuffers;

  ForwardState(Module model) {
    model.namedModules().values().forEach(m -> {
      if (m instanceof Dropout d && d.rng() != null) generators.add(d.rng());
    });
    buffers = List.copyOf(model.namedBuffers().values());
    savedGenerators = new long[generators.size()][];
    savedBuffers = new float[buffers.size()][];
    for (int i = 0; i < savedBuffers.length; i++) savedBuffers[i] = new float[buffers.get(i).size()];
  }

  /** Saves the generators' states and the buffers' values (into arrays allocated once). */
  void save() {
    for (int i = 0; i < savedGenerators.length; i++) savedGenerators[i] = generators.get(i).state();
    for (int i = 0; i < savedBuffers.length; i++) {
      System.arraycopy(buffers.get(i).data(), 0, savedBuffers[i], 0, savedBuffers[i].length);
    }
  }

  /** Puts the generators back where {@link #save} found them. */
  void rewindGenerators() {
    for (int i = 0; i < savedGenerators.length; i++) generators.get(i).restore(savedGenerators[i]);
  }

  /** Puts the buffers back to the values {@link #save} copied. */
  void restoreBuffers() {
    for (int i = 0; i < savedBuffers.length; i++) {
      System.arraycopy(savedBuffers[i], 0, buffers.get(i).data(), 0, savedBuffers[i].length);
    }
  }
}
