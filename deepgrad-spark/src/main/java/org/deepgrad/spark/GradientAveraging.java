package org.deepgrad.spark;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.nn.Module;
import org.deepgrad.nn.Parameter;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.ReplicaSync;

/**
 * Synchronous data parallelism: after every step's backward pass each replica sends its gradients
 * (and its batch-norm running statistics) and its loss in one message, and every replica takes the
 * means. With equal local batches b the mean gradient is the gradient of the mean loss over the N·b
 * rows of the global batch, so every replica takes the update that one process would take on that
 * batch (up to the order of float sums), and the weights stay identical on every replica.
 *
 * <p>Batch norm normalizes each replica's rows with that replica's batch statistics (PyTorch DDP's
 * default, not SyncBatchNorm); the running statistics become the replicas' means each step, so every
 * replica keeps the same ones (the running mean then equals that of the global batch's mean).
 */
final class GradientAveraging implements ReplicaSync {
  private final Collective collective;
  private final List<Parameter> params;
  private final List<Tensor> buffers;

  GradientAveraging(Module model, Collective collective) {
    this.collective = collective;
    this.params = List.copyOf(model.namedParameters().values());
    this.buffers = List.copyOf(model.namedBuffers().values());
  }

  @Override
  public double combine(long step, double loss) {
    List<float[]> arrays = arrays();
    ReplicaMessage[] all = ReplicaMessage.exchange(collective,
        new ReplicaMessage("gradients", step, loss, Floats.encode(FlatState.pack(arrays))));
    FlatState.unpackMean(FlatState.payloads(all), arrays);
    return ReplicaMessage.meanLoss(all);
  }

  @Override
  public double[][] gatherTallies(double[] sums) {
    return Tallies.gather(collective, sums);
  }

  /** The gradients (zeros, not kept, where backward left none: a failed step), then the buffers. */
  private List<float[]> arrays() {
    List<float[]> out = new ArrayList<>(params.size() + buffers.size());
    for (Parameter p : params) {
      Tensor g = p.value().grad();
      out.add(g != null ? g.data() : new float[p.value().size()]);
    }
    for (Tensor b : buffers) out.add(b.data());
    return out;
  }
}
