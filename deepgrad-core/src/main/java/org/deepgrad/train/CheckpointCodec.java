package org.deepgrad.train;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.deepgrad.data.LoaderState;
import org.deepgrad.io.Safetensors;
import org.deepgrad.optim.StateDict;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.CheckpointException.Kind;

/**
 * A {@link Checkpoint} as safetensors tensors and metadata strings, readable from Python.
 *
 * <pre>
 * tensors   model.&lt;name&gt;               every parameter and buffer
 *           optim.&lt;param&gt;.&lt;buffer&gt;     optimizer buffers (exp_avg, momentum_buffer...), the parameter's shape
 *           best.&lt;name&gt;                the best epoch's weights (early stopping with restoreBest only)
 * metadata  format = deepgrad-checkpoint, format_version = 1, fingerprint ({@link Checkpoint#fingerprint})
 *           step, epoch (for readers; the loader's epoch is authoritative)
 *           optim.name, optim.steps, optim.lrs (per group), optim.step.&lt;param&gt; (per-parameter steps)
 *           loader.samples, .batch_size, .shuffle, .drop_last, .epoch, .batch, .rng (4 longs)
 *           rng.&lt;module path&gt;          each Dropout's generator state (4 longs)
 *           run.skipped_batches, .backoffs, .best_loss, .best_epoch, .bad_epochs, .epoch_sums
 *           sha256                      {@link CheckpointDigest}
 * </pre>
 *
 * Lists are comma-separated; doubles are Java's shortest round-trip decimal ({@code Infinity}
 * allowed), longs signed decimal.
 */
final class CheckpointCodec {
  static final String FORMAT = "deepgrad-checkpoint";
  static final String VERSION = "1";

  private CheckpointCodec() {}

  /** The file contents for {@code c}, checksum included. */
  static Safetensors.Contents encode(Checkpoint c, String fingerprint) {
    Map<String, Tensor> t = new LinkedHashMap<>();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("format_version", VERSION);
    m.put("fingerprint", fingerprint);
    m.put("step", Long.toString(c.step()));
    m.put("epoch", Integer.toString(c.loader().epoch()));
    c.model().forEach((k, v) -> t.put("model." + k, v));
    StateDict o = c.optimizer();
    m.put("optim.name", o.optimizer());
    m.put("optim.steps", Long.toString(o.steps()));
    m.put("optim.lrs", o.lrs().stream().map(String::valueOf).collect(Collectors.joining(",")));
    o.params().forEach((param, s) -> {
      m.put("optim.step." + param, Long.toString(s.step()));
      Tensor like = c.model().get(param);
      s.buffers().forEach((b, data) -> t.put("optim." + param + "." + b,
          Tensor.of(data, like != null && like.size() == data.length ? like.shape() : Shape.of(data.length))));
    });
    LoaderState l = c.loader();
    m.put("loader.samples", Integer.toString(l.samples()));
    m.put("loader.batch_size", Integer.toString(l.batchSize()));
    m.put("loader.shuffle", Boolean.toString(l.shuffle()));
    m.put("loader.drop_last", Boolean.toString(l.dropLast()));
    m.put("loader.epoch", Integer.toString(l.epoch()));
    m.put("loader.batch", Integer.toString(l.batch()));
    m.put("loader.rng", join(l.rng()));
    c.rngs().forEach((path, s) -> m.put("rng." + path, join(s)));
    Checkpoint.Progress p = c.progress();
    m.put("run.skipped_batches", Long.toString(p.skippedBatches()));
    m.put("run.backoffs", Integer.toString(p.backoffs()));
    m.put("run.best_loss", Double.toString(p.bestLoss()));
    m.put("run.best_epoch", Integer.toString(p.bestEpoch()));
    m.put("run.bad_epochs", Integer.toString(p.badEpochs()));
    m.put("run.epoch_sums", Arrays.stream(c.epochSums()).mapToObj(Double::toString).collect(Collectors.joining(",")));
    c.bestModel().forEach((k, v) -> t.put("best." + k, v));
    m.put(CheckpointDigest.KEY, CheckpointDigest.of(t, m));
    return new Safetensors.Contents(t, m);
  }

  /**
   * The checkpoint in {@code contents} read from {@code file}, after checking its format, its
   * checksum and that its fingerprint is {@code fingerprint}, in that order.
   */
  static Checkpoint decode(Path file, Safetensors.Contents contents, String fingerprint) throws CheckpointException {
    CheckpointMetadata m = new CheckpointMetadata(file, contents.metadata());
    if (!FORMAT.equals(contents.metadata().get("format"))) {
      throw new CheckpointException(file, Kind.UNREADABLE, "it is not a deepgrad checkpoint (metadata format = "
          + contents.metadata().get("format") + "); give a directory of files written by the trainer");
    }
    if (!VERSION.equals(m.get("format_version"))) {
      throw new CheckpointException(file, Kind.INCOMPATIBLE, "checkpoint format version " + m.get("format_version")
          + " is not supported (this build reads version " + VERSION + "); resume it with the deepgrad that wrote it");
    }
    String actual = CheckpointDigest.of(contents.tensors(), contents.metadata());
    if (!actual.equals(m.get(CheckpointDigest.KEY))) {
      throw new CheckpointException(file, Kind.CHECKSUM, "SHA-256 of the contents is " + actual + " but "
          + m.get(CheckpointDigest.KEY) + " was recorded; the file was damaged or changed after it was written");
    }
    if (!fingerprint.equals(m.get("fingerprint"))) {
      throw new CheckpointException(file, Kind.INCOMPATIBLE, "the checkpoint was saved from another model: "
          + Checkpoint.difference(m.get("fingerprint"), fingerprint)
          + "; resume with the model configuration the run was started with, or use another directory");
    }
    return CheckpointReader.read(m, contents.tensors());
  }

  private static String join(long[] v) {
    return Arrays.stream(v).mapToObj(Long::toString).collect(Collectors.joining(","));
  }
}
