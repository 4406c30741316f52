package org.deepgrad.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.data.LoaderState;
import org.deepgrad.optim.StateDict;
import org.deepgrad.tensor.Tensor;

/** Builds a {@link Checkpoint} from verified file contents, in the layout {@link CheckpointCodec} describes. */
final class CheckpointReader {
  private CheckpointReader() {}

  static Checkpoint read(CheckpointMetadata m, Map<String, Tensor> tensors) throws CheckpointException {
    Map<String, Tensor> model = new LinkedHashMap<>();
    Map<String, Tensor> best = new LinkedHashMap<>();
    Map<String, Map<String, float[]>> buffers = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      String name = e.getKey();
      int dot = name.lastIndexOf('.');
      if (name.startsWith("model.")) {
        model.put(name.substring(6), e.getValue());
      } else if (name.startsWith("best.")) {
        best.put(name.substring(5), e.getValue());
      } else if (name.startsWith("optim.") && dot > 6) {
        buffers.computeIfAbsent(name.substring(6, dot), k -> new LinkedHashMap<>()).put(name.substring(dot + 1),
            e.getValue().data());
      } else {
        throw m.unreadable("tensor '" + name + "' is not model.*, optim.<param>.<buffer> or best.*");
      }
    }
    checkBufferShapes(m, tensors, model);
    Map<String, StateDict.ParamState> params = new LinkedHashMap<>();
    for (String param : m.withPrefix("optim.step.").keySet()) {
      Map<String, float[]> b = buffers.remove(param);
      params.put(param, new StateDict.ParamState(m.longValue("optim.step." + param), b == null ? Map.of() : b));
    }
    if (!buffers.isEmpty()) throw m.unreadable("optimizer buffers of " + buffers.keySet() + " have no optim.step entry");
    List<Double> lrs = new ArrayList<>();
    for (double lr : m.doubles("optim.lrs", -1)) lrs.add(lr);
    StateDict optimizer = new StateDict(m.get("optim.name"), m.longValue("optim.steps"), lrs, params);
    Map<String, long[]> rngs = new LinkedHashMap<>();
    for (String path : m.withPrefix("rng.").keySet()) rngs.put(path, m.longs("rng." + path, 4));
    Checkpoint.Progress progress = new Checkpoint.Progress(m.longValue("run.skipped_batches"),
        m.intValue("run.backoffs"), m.doubles("run.best_loss", 1)[0], m.intValue("run.best_epoch"),
        m.intValue("run.bad_epochs"));
    return new Checkpoint(m.longValue("step"), model, optimizer, loader(m), rngs, progress,
        m.doubles("run.epoch_sums", -1), best);
  }

  /**
   * Every optimizer buffer has the shape of its parameter, as written; a file whose checksum was
   * recomputed after an edit can still have a buffer of the right size and another shape (or of
   * another size), which this refuses before the buffer reaches the optimizer.
   */
  private static void checkBufferShapes(CheckpointMetadata m, Map<String, Tensor> tensors, Map<String, Tensor> model)
      throws CheckpointException {
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      String name = e.getKey();
      if (!name.startsWith("optim.")) continue;
      Tensor param = model.get(name.substring(6, name.lastIndexOf('.')));
      if (param != null && !param.shape().equals(e.getValue().shape())) {
        throw m.unreadable("tensor '" + name + "' has shape " + e.getValue().shape() + ", but its parameter has "
            + param.shape() + " (an optimizer buffer has its parameter's shape)");
      }
    }
  }

  private static LoaderState loader(CheckpointMetadata m) throws CheckpointException {
    try {
      return new LoaderState(m.intValue("loader.samples"), m.intValue("loader.batch_size"), m.bool("loader.shuffle"),
          m.bool("loader.drop_last"), m.intValue("loader.epoch"), m.intValue("loader.batch"),
          m.longs("loader.rng", 4));
    } catch (IllegalArgumentException e) {
      throw m.unreadable("the loader state is invalid: " + e.getMessage());
    }
  }
}
