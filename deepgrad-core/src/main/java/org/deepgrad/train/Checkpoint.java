package org.deepgrad.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.deepgrad.data.LoaderState;
import org.deepgrad.nn.Module;
import org.deepgrad.optim.StateDict;
import org.deepgrad.tensor.Tensor;

/**
 * Everything a {@link Trainer} needs to continue a run bit for bit, as plain values (the file
 * format is {@link CheckpointCodec}'s).
 *
 * @param step optimizer updates taken
 * @param model every parameter and buffer by path ({@link Module#stateDict()})
 * @param optimizer the optimizer's state: step counts, learning rates, buffers
 * @param loader the data loader's position and generator state
 * @param rngs the generator state of every {@link org.deepgrad.nn.Dropout} that has one, by module path
 * @param progress counters of the run
 * @param epochSums the {@link Tally#sums()} of the current epoch's training metrics so far
 * @param bestModel a copy of the weights of the best validation epoch when early stopping restores
 *     them at the end; empty otherwise
 */
public record Checkpoint(long step, Map<String, Tensor> model, StateDict optimizer, LoaderState loader,
    Map<String, long[]> rngs, Progress progress, double[] epochSums, Map<String, Tensor> bestModel) {

  /**
   * Counters of a run besides the step.
   *
   * @param skippedBatches batches dropped for non-finite values
   * @param backoffs learning-rate halvings so far
   * @param bestLoss the best validation loss so far (+∞ before the first validation)
   * @param bestEpoch its epoch, -1 before the first validation
   * @param badEpochs epochs since it improved
   */
  public record Progress(long skippedBatches, int backoffs, double bestLoss, int bestEpoch, int badEpochs) {}

  /**
   * The model's fingerprint: every state-dict entry as {@code name[d0, d1]}, joined by {@code ;} in
   * the model's order. Two models whose weights fit each other have the same fingerprint.
   */
  public static String fingerprint(Module model) {
    StringJoiner j = new StringJoiner(";");
    model.stateDict().forEach((name, t) -> j.add(name + t.shape()));
    return j.toString();
  }

  /** What differs between two fingerprints, for an error message: entries only in one, and shapes. */
  static String difference(String saved, String current) {
    Map<String, String> a = entries(saved);
    Map<String, String> b = entries(current);
    List<String> out = new ArrayList<>();
    a.forEach((name, shape) -> {
      if (!b.containsKey(name)) out.add("it has " + name + shape + ", this model not");
      else if (!b.get(name).equals(shape)) out.add(name + " is " + shape + " there, " + b.get(name) + " here");
    });
    b.forEach((name, shape) -> {
      if (!a.containsKey(name)) out.add("this model has " + name + shape + ", it not");
    });
    if (out.isEmpty()) out.add("the same entries in another order");
    return String.join(", ", out.subList(0, Math.min(5, out.size()))) + (out.size() > 5 ? ", ..." : "");
  }

  private static Map<String, String> entries(String fingerprint) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String e : fingerprint.split(";")) {
      int bracket = e.indexOf('[');
      m.put(bracket < 0 ? e : e.substring(0, bracket), bracket < 0 ? "" : e.substring(bracket));
    }
    return m;
  }
}
