package org.deepgrad.train;

import java.util.List;
import org.deepgrad.nn.LayerSpec;
import org.deepgrad.nn.ModelSpec;

/**
 * The Java heap a training run holds at once, computed from its spec before anything is allocated,
 * so that a run too large for the heap is refused with the figures instead of an
 * {@link OutOfMemoryError} part-way. In bytes, with 4 bytes a float:
 *
 * <pre>
 * weights      4·S        S: the values of the state dict (parameters and batch-norm running statistics)
 * gradients    4·P        P: the parameters
 * optimizer    4·2k·P     k buffers a parameter (Adam 2, SGD with momentum 1, plain SGD 0), twice:
 *                         the live buffers and the copy a checkpoint takes of them
 * activations  4·b·A      b: the batch size; A: the floats a sample takes in the training pass
 * data         given      the data sets as loaded
 * </pre>
 *
 * A is summed over the layers as the training kernels keep their buffers (forward output and
 * backward gradient), for a layer of width w after one of width u: dense u + w (the first layer
 * only w: its input needs no gradient), batch norm 5w (normalized values, output, input gradient,
 * and the normalized values' gradient in double precision, two floats' worth), layer norm 3w,
 * activation w (its backward works in place), dropout 2w (mask, output), a residual block its body
 * plus 3w and a projection's u + w; then the input batch (the features and the label) and the
 * loss's gradient and probabilities (2 per output).
 *
 * <p>What is left out (the JVM itself, the evaluation chunks, the diagnostics' samples, a link-by-link
 * optimizer's update buffer) is small beside these for the models where the estimate matters, so
 * the figure is close to, and below, what a run needs: a run it refuses would not have fitted.
 *
 * @param weights bytes of the state dict
 * @param gradients bytes of the parameters' gradients
 * @param optimizer bytes of the optimizer's buffers and of their checkpoint copy
 * @param activations bytes of the training pass at the batch size
 * @param data bytes of the data sets
 */
public record MemoryEstimate(long weights, long gradients, long optimizer, long activations, long data) {

  /**
   * The estimate for training {@code spec} with an optimizer keeping {@code buffers} floats per
   * parameter, in batches of {@code batchSize}, beside {@code dataBytes} of data.
   */
  public static MemoryEstimate of(ModelSpec spec, int buffers, int batchSize, long dataBytes) {
    if (buffers < 0 || batchSize < 1 || dataBytes < 0) {
      throw new IllegalArgumentException("buffers " + buffers + ", batch size " + batchSize + ", data " + dataBytes
          + " bytes: each must be >= 0 (the batch size >= 1)");
    }
    Walk w = new Walk();
    w.layers(spec.inputs(), spec.layers(), true);
    long perSample = w.activations + spec.inputs() + 1 + 2L * spec.outputs();
    long state = spec.stateSize();
    long parameters = state - w.buffers;
    return new MemoryEstimate(4 * state, 4 * parameters, 4 * 2L * buffers * parameters,
        4 * perSample * batchSize, dataBytes);
  }

  /** The sum of the parts. */
  public long total() {
    return weights + gradients + optimizer + activations + data;
  }

  /** Counts the activation floats per sample and the state values that are not parameters. */
  private static final class Walk {
    long activations;
    long buffers;

    /** Walks {@code layers} from an input of {@code width}; returns the width they end with. */
    int layers(int width, List<LayerSpec> layers, boolean first) {
      for (LayerSpec l : layers) {
        if (l instanceof LayerSpec.Dense d) {
          activations += d.units() + (first ? 0 : width);
          width = d.units();
        } else if (l instanceof LayerSpec.BatchNorm) {
          activations += 5L * width;
          buffers += 2L * width; // running_mean, running_var
        } else if (l instanceof LayerSpec.LayerNorm) {
          activations += 3L * width;
        } else if (l instanceof LayerSpec.Act) {
          activations += width;
        } else if (l instanceof LayerSpec.Dropout) {
          activations += 2L * width;
        } else if (l instanceof LayerSpec.Residual r) {
          int out = layers(width, r.body(), first);
          activations += 3L * out + (out == width ? 0 : out + (first ? 0 : width));
          width = out;
        }
        first = false;
      }
      return width;
    }
  }
}
