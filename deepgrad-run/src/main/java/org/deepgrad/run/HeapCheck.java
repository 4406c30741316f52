package org.deepgrad.run;

import java.util.Locale;
import java.util.Map;
import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.OptimizerRegistry;
import org.deepgrad.optim.StateDict;
import org.deepgrad.run.config.RunException;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.MemoryEstimate;

/**
 * Refuses, before anything is allocated, a run whose {@link MemoryEstimate} exceeds the most heap
 * this Java may take ({@link Runtime#maxMemory()}, set by {@code -Xmx}), with the figures and the fix,
 * instead of an {@link OutOfMemoryError} part-way. The estimate is a floor of what the run holds, so
 * a run refused would not have fitted; one that passes can still run out near the limit.
 */
public final class HeapCheck {
  private static final double GIB = 1 << 30;

  private HeapCheck() {}

  /**
   * Throws when {@code m} exceeds {@code maxHeap} bytes; {@code smaller} says how to make the run
   * smaller, e.g. "train a smaller model (--hidden) or with a smaller batch (--batch-size)".
   */
  public static void require(MemoryEstimate m, long maxHeap, String optimizer, int batchSize, String smaller) {
    if (m.total() <= maxHeap) return;
    long suggest = (long) Math.ceil(1.25 * m.total() / GIB); // a quarter more for the JVM and temporaries
    throw new RunException(String.format(Locale.ROOT, "the run needs at least %s of Java heap (weights %s, "
        + "gradients %s, %s optimizer state and its checkpoint copy %s, training pass at batch size %d %s, data %s), "
        + "more than the %s this Java may use. Give Java a larger heap if the machine has the memory, e.g. -Xmx%dg: "
        + "DEEPGRAD_JAVA_OPTS=\"-Xmx%dg\" ./deepgrad ..., or java -Xmx%dg -jar ...; or %s.",
        size(m.total()), size(m.weights()), size(m.gradients()), optimizer, size(m.optimizer()), batchSize,
        size(m.activations()), size(m.data()), size(maxHeap), suggest, suggest, suggest, smaller));
  }

  /**
   * The buffers the optimizer {@code name} with {@code hyper} keeps per parameter value (Adam 2, SGD
   * with momentum 1), found by one step over a one-value placeholder parameter.
   */
  public static int optimizerBuffers(String name, Map<String, ?> hyper) {
    Parameter p = new Parameter(Tensor.zeros(1), Parameter.Role.WEIGHT);
    Optimizer probe = OptimizerRegistry.create(name, hyper, Map.of("p", p));
    p.value().freshGrad();
    probe.step();
    StateDict.ParamState state = probe.stateDict().params().get("p");
    return state == null ? 0 : state.buffers().size();
  }

  /** {@code 1.5 GiB}, {@code 312 MiB}, {@code 24 KiB}. */
  public static String size(long bytes) {
    if (bytes >= GIB) return String.format(Locale.ROOT, "%.1f GiB", bytes / GIB);
    if (bytes >= 1 << 20) return String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    return String.format(Locale.ROOT, "%d KiB", (bytes + 1023) >> 10);
  }
}
