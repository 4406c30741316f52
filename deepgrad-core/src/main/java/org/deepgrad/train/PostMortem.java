package org.deepgrad.train;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.nn.Module;
import org.deepgrad.tensor.Tensor;

/**
 * Where a failed step's first NaN or infinity arose, found by a second pass over the same batch with
 * the same weights (a failed step updates none). "First" is in the order values are computed:
 * <ol>
 *   <li>forward: the input batch, then the output of each module in the order modules return (a layer
 *       before the container holding it), the model's output last; then the loss ({@link TrainStep});
 *   <li>backward, run only when the forward pass and the loss are finite: the gradient of the loss
 *       with respect to the model's output, then the layers (modules without sub-modules) from the
 *       output side, in reverse call order: the first whose own backward turned a finite gradient of its
 *       output into a non-finite gradient of one of its parameters or of its input.
 * </ol>
 * It watches through forward hooks on every module (removed at the end of {@link #forward}) and
 * gradient hooks on the outputs they see (fresh tensors, dropped with the pass). The caller replays
 * the step's dropout masks and restores the batch-norm statistics ({@link ForwardState}).
 */
final class PostMortem {
  private record Call(String path, Module module, Tensor input, Tensor output) {}

  private final Module model;
  private final List<Call> calls = new ArrayList<>();
  private final Map<Tensor, Boolean> finiteGrad = new IdentityHashMap<>();
  private String forwardFault;

  PostMortem(Module model) {
    this.model = model;
  }

  /** Runs the model on {@code input} in its current mode; returns the output. */
  Tensor forward(Tensor input) {
    int bad = firstNonFinite(input.data());
    if (bad >= 0) {
      int d = input.rank() < 2 ? 1 : input.size() / input.dim(0);
      forwardFault = "forward pass, input batch row " + bad / d + ", feature " + bad % d + " ("
          + input.data()[bad] + ")";
    }
    List<Module.HookHandle> handles = new ArrayList<>();
    try {
      model.namedModules().forEach((path, m) -> {
        if (!path.isEmpty()) handles.add(m.registerForwardHook((mod, in, out) -> seen(path, mod, in, out)));
      });
      Tensor output = model.forward(input);
      seen("", model, input, output); // containers call their children's hooks, nobody calls the root's
      return output;
    } finally {
      handles.forEach(Module.HookHandle::remove);
    }
  }

  /** After {@link #forward}: where the forward pass first went non-finite, or null. */
  String forwardFault() {
    return forwardFault;
  }

  /** Back-propagates {@code loss} (finite) from fresh gradients; returns where a gradient first went non-finite, or null. */
  String backward(Tensor loss) {
    model.zeroGrad();
    Autograd.backward(loss);
    if (Boolean.FALSE.equals(finiteGrad.get(calls.get(calls.size() - 1).output()))) {
      return "backward pass, gradient of the loss with respect to the model's output";
    }
    for (int i = calls.size() - 1; i >= 0; i--) {
      Call c = calls.get(i);
      if (!c.module().children().isEmpty()) continue; // a container's backward is its layers'
      if (Boolean.FALSE.equals(finiteGrad.get(c.output()))) {
        return "backward pass, gradient reaching the output of " + name(c.path(), c.module())
            + " from the operations after it";
      }
      List<String> params = new ArrayList<>();
      c.module().namedParameters().forEach((k, p) -> {
        if (p.grad() != null && firstNonFinite(p.grad().data()) >= 0) params.add(prefix(c.path()) + k);
      });
      if (!params.isEmpty()) return "backward pass, " + name(c.path(), c.module()) + ", gradient of " + String.join(", ", params);
      if (Boolean.FALSE.equals(finiteGrad.get(c.input()))) {
        return "backward pass, " + name(c.path(), c.module()) + ", gradient of its input";
      }
    }
    return null;
  }

  private Tensor seen(String path, Module m, Tensor in, Tensor out) {
    calls.add(new Call(path, m, in, out));
    if (forwardFault == null && firstNonFinite(out.data()) >= 0) {
      forwardFault = "forward pass, output of " + name(path, m) + badWeights(path, m);
    }
    if (out.requiresGrad() && finiteGrad.putIfAbsent(out, true) == null) { // one hook per tensor
      out.registerHook(g -> {
        if (firstNonFinite(g.data()) >= 0) finiteGrad.put(out, false);
        return g;
      });
    }
    return null;
  }

  /** Names the module's own parameters that are non-finite already (an earlier update put them there). */
  private static String badWeights(String path, Module m) {
    List<String> bad = new ArrayList<>();
    m.namedParameters().forEach((k, p) -> {
      if (!k.contains(".") && firstNonFinite(p.value().data()) >= 0) bad.add(prefix(path) + k);
    });
    return bad.isEmpty() ? "" : ", whose " + String.join(", ", bad) + " already held non-finite values (from an earlier update)";
  }

  private static String name(String path, Module m) {
    return path.isEmpty() ? "the model (" + m.getClass().getSimpleName() + ")" : "layer " + path + " (" + m + ")";
  }

  private static String prefix(String path) {
    return path.isEmpty() ? "" : path + ".";
  }

  private static int firstNonFinite(float[] values) {
    for (int i = 0; i < values.length; i++) if (!Float.isFinite(values[i])) return i;
    return -1;
  }
}
