package org.deepgrad.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.deepgrad.tensor.Tensor;

/**
 * A layer or a network of layers: a function of a tensor with named parameters, buffers (state that
 * is saved but not trained, like batch-norm running statistics) and sub-modules, as {@code torch.nn.Module}.
 *
 * <p>Names are paths: a parameter {@code weight} of the sub-module registered as {@code "2"} is
 * {@code "2.weight"}. Modules start in training mode; {@link #eval()} switches the whole tree (dropout
 * off, batch norm on running statistics).
 */
public abstract class Module {
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  private final Map<String, Tensor> buffers = new LinkedHashMap<>();
  private final Map<String, Module> children = new LinkedHashMap<>();
  private boolean training = true;
  private List<ForwardHook> forwardHooks; // null when none, so call() costs one null check
  private List<OutputWatch> watches; // null when none

  /** Computes the module's output; recorded on the tape when inputs or parameters need gradients. */
  public abstract Tensor forward(Tensor input);

  /**
   * This module's allocation-free training pass ({@link BufferedPass}), or null when it has none; the
   * trainer then records on the tape. A new pass (with its own buffers) per call: get it once.
   */
  public BufferedPass bufferedPass() {
    return null;
  }

  /** Whether forward hooks are registered on this module (not its children). */
  public final boolean hasForwardHooks() {
    return forwardHooks != null;
  }

  /**
   * {@link #forward} followed by the forward hooks, as calling a module in torch ({@code __call__}).
   * Containers call their children through this method, so hooks on any layer of a network fire.
   */
  public final Tensor call(Tensor input) {
    Tensor output = forward(input);
    if (forwardHooks != null) {
      for (ForwardHook hook : forwardHooks) {
        Tensor replaced = hook.apply(this, input, output);
        if (replaced != null) output = replaced;
      }
    }
    if (watches != null) {
      int rows = output.shape().rank() == 0 ? 1 : output.dim(0);
      observeOutput(output.data(), rows);
      if (output.requiresGrad()) {
        output.registerHook(g -> {
          observeOutputGrad(g.data(), rows);
          return g;
        });
      }
    }
    return output;
  }

  /**
   * Registers a watch on this module's output and on the gradient that reaches it. Unlike a forward
   * hook, which can replace the output and so sends the trainer's steps to the autograd tape, a watch
   * only reads, and sees both the tape ({@link #call}) and the trainer's {@link BufferedPass} path, whose
   * containers report their children's buffers; diagnostics sample this way without leaving the
   * allocation-free path.
   *
   * @return a handle whose {@code remove()} unregisters the watch
   */
  public final HookHandle watchOutput(OutputWatch watch) {
    List<OutputWatch> next = watches == null ? new ArrayList<>() : new ArrayList<>(watches);
    next.add(watch);
    watches = List.copyOf(next);
    return () -> {
      if (watches == null) return;
      List<OutputWatch> rest = new ArrayList<>(watches);
      rest.remove(watch);
      watches = rest.isEmpty() ? null : List.copyOf(rest);
    };
  }

  /** Tells the watches this module's output ({@code rows} rows, row-major); for code that runs it outside {@link #call}. */
  public final void observeOutput(float[] values, int rows) {
    if (watches != null) for (OutputWatch w : watches) w.output(values, rows);
  }

  /** Tells the watches the gradient at this module's output; for code that runs it outside {@link #call}. */
  public final void observeOutputGrad(float[] values, int rows) {
    if (watches != null) for (OutputWatch w : watches) w.gradient(values, rows);
  }

  /**
   * Reads a module's output and the gradient reaching it ({@link #watchOutput}). The arrays are
   * valid only during the call (the buffered path reuses and overwrites them): copy what is kept.
   */
  public interface OutputWatch {
    /** The output of a forward pass, {@code rows} rows, row-major. */
    void output(float[] values, int rows);

    /** The gradient of the loss at that output, same layout. */
    void gradient(float[] values, int rows);
  }

  /**
   * Registers a hook run by {@link #call} after every forward, as torch's {@code register_forward_hook}:
   * hooks run in registration order, each seeing the output the previous one left.
   *
   * @return a handle whose {@code remove()} unregisters the hook (a second call does nothing)
   */
  public final HookHandle registerForwardHook(ForwardHook hook) {
    ForwardHook entry = hook::apply; // a fresh identity per registration, so a handle removes only its own
    List<ForwardHook> next = forwardHooks == null ? new ArrayList<>() : new ArrayList<>(forwardHooks);
    next.add(entry);
    forwardHooks = List.copyOf(next); // copy on write: a hook may remove itself while the hooks run
    return () -> {
      if (forwardHooks == null) return;
      List<ForwardHook> rest = new ArrayList<>(forwardHooks);
      rest.remove(entry);
      forwardHooks = rest.isEmpty() ? null : List.copyOf(rest);
    };
  }

  /** A forward hook, torch's {@code hook(module, input, output)}. */
  @FunctionalInterface
  public interface ForwardHook {
    /**
     * Called after {@code module.forward(input)} returned {@code output}; returns the output to use
     * instead, or null to keep it (as a torch hook returning None). To observe gradients, register a
     * tensor hook on the output ({@link Tensor#registerHook}).
     */
    Tensor apply(Module module, Tensor input, Tensor output);
  }

  /** Removes the hook it was returned for, torch's {@code RemovableHandle}. */
  @FunctionalInterface
  public interface HookHandle {
    /** Unregisters the hook; does nothing when it is already removed. */
    void remove();
  }

  /** Registers a parameter under {@code name}; returns it. */
  protected final Parameter registerParameter(String name, Parameter p) {
    checkName(name);
    parameters.put(name, p);
    return p;
  }

  /** Registers a buffer (saved in the state dict, not trained) under {@code name}; returns it. */
  protected final Tensor registerBuffer(String name, Tensor t) {
    checkName(name);
    buffers.put(name, t);
    return t;
  }

  /** Registers a sub-module under {@code name}; returns it. */
  protected final <M extends Module> M registerModule(String name, M m) {
    checkName(name);
    children.put(name, m);
    return m;
  }

  private void checkName(String name) {
    if (name.isEmpty() || name.contains(".")) {
      throw new IllegalArgumentException("a module member name must be non-empty without '.', got '" + name + "'");
    }
    if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
      throw new IllegalArgumentException("'" + name + "' is already registered in " + getClass().getSimpleName());
    }
  }

  /** Every parameter of this tree by path, in registration order. */
  public final Map<String, Parameter> namedParameters() {
    Map<String, Parameter> out = new LinkedHashMap<>();
    collect("", out, null);
    return out;
  }

  /** Every parameter of this tree, in registration order. */
  public final List<Parameter> parameters() {
    return new ArrayList<>(namedParameters().values());
  }

  /** Every buffer of this tree by path. */
  public final Map<String, Tensor> namedBuffers() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    collect("", null, out);
    return out;
  }

  private void collect(String prefix, Map<String, Parameter> ps, Map<String, Tensor> bs) {
    if (ps != null) parameters.forEach((k, v) -> ps.put(prefix + k, v));
    if (bs != null) buffers.forEach((k, v) -> bs.put(prefix + k, v));
    children.forEach((k, m) -> m.collect(prefix + k + ".", ps, bs));
  }

  /** The direct sub-modules by name. */
  public final Map<String, Module> children() {
    return Collections.unmodifiableMap(children);
  }

  /** This module and all below it by path ("" for this one), depth first. */
  public final Map<String, Module> namedModules() {
    Map<String, Module> out = new LinkedHashMap<>();
    out.put("", this);
    children.forEach((k, m) -> m.namedModules().forEach((p, sub) -> out.put(p.isEmpty() ? k : k + "." + p, sub)));
    return out;
  }

  /** Switches this tree to training ({@code true}) or evaluation mode; returns this. */
  public Module train(boolean on) {
    training = on;
    children.values().forEach(m -> m.train(on));
    return this;
  }

  /** Switches this tree to evaluation mode; returns this. */
  public Module eval() {
    return train(false);
  }

  /** Whether this module is in training mode (the default), as torch's {@code training} flag. */
  public boolean isTraining() {
    return training;
  }

  /** Forgets the gradients of every parameter. */
  public void zeroGrad() {
    for (Parameter p : namedParameters().values()) p.value().zeroGrad();
  }

  /** Number of trainable scalars. */
  public long parameterCount() {
    long n = 0;
    for (Parameter p : namedParameters().values()) n += p.value().size();
    return n;
  }

  /** Parameters and buffers by path: the tensors themselves, not copies. */
  public final Map<String, Tensor> stateDict() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    namedParameters().forEach((k, p) -> out.put(k, p.value()));
    out.putAll(namedBuffers());
    return out;
  }

  /**
   * Copies values into this module's parameters and buffers. Strict, as torch's default: a missing
   * or unexpected name, or a shape that differs, is an error naming every such entry.
   */
  public final void loadStateDict(Map<String, Tensor> state) {
    Map<String, Tensor> own = stateDict();
    Set<String> missing = new TreeSet<>(own.keySet());
    missing.removeAll(state.keySet());
    Set<String> unexpected = new TreeSet<>(state.keySet());
    unexpected.removeAll(own.keySet());
    List<String> wrongShape = new ArrayList<>();
    own.forEach((k, t) -> {
      Tensor v = state.get(k);
      if (v != null && !v.shape().equals(t.shape())) wrongShape.add(k + " " + v.shape() + " (model has " + t.shape() + ")");
    });
    if (!missing.isEmpty() || !unexpected.isEmpty() || !wrongShape.isEmpty()) {
      throw new IllegalArgumentException("state dict does not fit " + getClass().getSimpleName()
          + (missing.isEmpty() ? "" : "; missing: " + missing)
          + (unexpected.isEmpty() ? "" : "; unexpected: " + unexpected)
          + (wrongShape.isEmpty() ? "" : "; wrong shape: " + wrongShape)
          + "; was it saved from a model with the same layers?");
    }
    own.forEach((k, t) -> System.arraycopy(state.get(k).data(), 0, t.data(), 0, t.size()));
  }

  /** A one-line description, e.g. {@code Linear(784 -> 128)}. */
  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
