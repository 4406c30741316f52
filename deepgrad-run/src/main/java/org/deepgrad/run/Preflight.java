package org.deepgrad.run;

import org.deepgrad.data.Regression;
import org.deepgrad.data.Samples;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.run.config.ConfigNode;
import org.deepgrad.run.config.ModelConfig;
import org.deepgrad.run.config.OptimizerConfig;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.train.MemoryEstimate;

/**
 * Every check a run makes once its data is loaded and before it allocates its model, in one place, so
 * that {@code train}, its {@code --dry-run}, {@code diagnose}, sweep cells and reproductions make the
 * same ones: the model's spec (layer sizes, no weight matrix beyond one tensor), the batches
 * ({@link Batching}: batch norm and batches of one sample) and the heap ({@link HeapCheck}).
 */
public record Preflight(ModelSpec spec, Batching batching, MemoryEstimate memory) {

  /** The checks of {@code c} on {@code data}; throws a {@link RunException} for the first that fails. */
  public static Preflight of(TrainConfig c, RunData<?> data) {
    ModelSpec spec;
    try {
      spec = c.model().spec(data.inputs(), data.outputs());
    } catch (IllegalArgumentException e) {
      throw new RunException(ModelConfig.WHERE + ConfigNode.end(e.getMessage()), e);
    }
    Batching batching = Batching.of(c.training(), data.train().size(), data.description(), spec);
    OptimizerConfig o = c.optimizer();
    MemoryEstimate m = MemoryEstimate.of(spec, HeapCheck.optimizerBuffers(o.name(), o.hyper()), batching.largest(),
        bytes(data.train()) + bytes(data.validation()) + bytes(data.test()));
    HeapCheck.require(m, Runtime.getRuntime().maxMemory(), o.name(), batching.largest(),
        "train a smaller model (--hidden) or with a smaller batch (--batch-size)");
    return new Preflight(spec, batching, m);
  }

  /** The bytes of a split's features and labels or targets (0 for none). */
  private static long bytes(Samples<?> s) {
    if (s == null) return 0;
    long perSample = s.inputSize() + (s instanceof Regression r ? r.targetSize() : 1);
    return 4L * s.size() * perSample;
  }
}
