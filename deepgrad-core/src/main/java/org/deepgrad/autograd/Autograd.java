package org.deepgrad.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deepgrad.tensor.Node;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.Tensor;

/**
 * The tape: ops record on it ({@link #record}), and {@link #backward} walks it in reverse, in the
 * shape of micrograd's {@code backward}: order the graph topologically from the output, then walk it
 * backwards, each node's rule turning its output gradient into input gradients. A tensor used several
 * times (a residual {@code x + f(x)}) gets the sum of the gradients from every use before its own rule
 * runs. {@link #backward(Tensor)} is PyTorch's {@code loss.backward()}.
 */
public final class Autograd {
  private Autograd() {}

  /**
   * The result of an op: {@code data} in {@code shape}, recorded as computed by {@code op} from
   * {@code inputs} with the backward {@code rule} when recording is on ({@link NoGrad}) and any input
   * requires a gradient; otherwise a plain tensor. Op implementations call this; users call the ops.
   */
  public static Tensor record(float[] data, Shape shape, String op, Node.Backward rule, Tensor... inputs) {
    if (NoGrad.isRecording()) {
      for (Tensor in : inputs) {
        if (in.requiresGrad()) return Tensor.recorded(data, shape, new Node(op, inputs, rule));
      }
    }
    return Tensor.of(data, shape);
  }

  /**
   * Back-propagates from the scalar (one-element) {@code loss}, as {@code loss.backward()} in
   * PyTorch: fills {@link Tensor#grad()} of every leaf that requires a gradient.
   */
  public static void backward(Tensor loss) {
    if (loss.size() != 1) {
      throw new IllegalStateException("backward without a gradient needs a scalar, but the tensor has shape "
          + loss.shape() + "; reduce it (sum, mean) or pass the upstream gradient to backward(tensor, upstream)");
    }
    backward(loss, Tensor.of(new float[] {1f}, loss.shape()));
  }

  /**
   * Back-propagates {@code seed} (the gradient of some scalar with respect to {@code root}, of its
   * shape) and accumulates into {@link Tensor#grad()} of every leaf that requires a gradient.
   */
  public static void backward(Tensor root, Tensor seed) {
    if (!root.requiresGrad()) {
      throw new IllegalStateException("backward: the tensor does not require a gradient; mark an input "
          + "with requiresGrad(true) before computing it, outside any NoGrad scope");
    }
    if (!seed.shape().equals(root.shape())) {
      throw new IllegalArgumentException("backward: the upstream gradient has shape " + seed.shape()
          + " but the tensor has shape " + root.shape());
    }
    List<Tensor> order = topologicalOrder(root);
    Map<Tensor, Tensor> grads = new IdentityHashMap<>();
    grads.put(root, seed);
    try (NoGrad scope = NoGrad.enter()) {
      for (int i = order.size() - 1; i >= 0; i--) {
        Tensor t = order.get(i);
        Tensor g = grads.remove(t);
        if (g == null) continue;
        g = t.runHooks(g);
        Node node = t.node();
        if (node == null || t.retainsGrad()) t.accumulateGrad(g);
        if (node == null) continue;
        Tensor[] inputGrads = node.rule().apply(g);
        Tensor[] inputs = node.inputs();
        for (int k = 0; k < inputs.length; k++) {
          Tensor in = inputs[k];
          if (!in.requiresGrad() || inputGrads[k] == null) continue;
          Tensor gk = inputGrads[k];
          if (!gk.shape().equals(in.shape())) {
            throw new IllegalStateException("backward rule of " + node.op() + " gave a gradient of shape "
                + gk.shape() + " for input " + k + " of shape " + in.shape());
          }
          Tensor prev = grads.get(in);
          grads.put(in, prev == null ? gk : sum(prev, gk));
        }
      }
    }
  }

  /** {@code a + b} of one shape, in a new tensor: rules may alias their inputs. */
  private static Tensor sum(Tensor a, Tensor b) {
    float[] x = a.data();
    float[] y = b.data();
    float[] s = new float[x.length];
    for (int i = 0; i < s.length; i++) s[i] = x[i] + y[i];
    return Tensor.of(s, a.shape());
  }

  /** Tensors reachable from {@code root} through recorded inputs that need gradients, inputs first. */
  private static List<Tensor> topologicalOrder(Tensor root) {
    List<Tensor> order = new ArrayList<>();
    Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    // Iterative post-order DFS: deep networks would overflow a recursive one.
    ArrayDeque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {root, 0});
    seen.add(root);
    while (!stack.isEmpty()) {
      Object[] frame = stack.peek();
      Tensor t = (Tensor) frame[0];
      int next = (int) frame[1];
      Tensor[] inputs = t.node() == null ? new Tensor[0] : t.node().inputs();
      if (next < inputs.length) {
        frame[1] = next + 1;
        Tensor in = inputs[next];
        if (in.requiresGrad() && seen.add(in)) stack.push(new Object[] {in, 0});
      } else {
        stack.pop();
        order.add(t);
      }
    }
    return order;
  }
}
