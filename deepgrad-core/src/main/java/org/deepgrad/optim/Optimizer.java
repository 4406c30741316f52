package org.deepgrad.optim;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.clip.Constraint;
import org.deepgrad.optim.transform.Chain;
import org.deepgrad.optim.transform.Ranges;
import org.deepgrad.tensor.Tensor;

/**
 * The bookkeeping of torch.optim.Optimizer around a gradient-transform {@link Chain}: parameter
 * groups (each with its own learning rate and chain), lazy per-parameter state, a step counter,
 * constraints applied after each step, and a state dict keyed by parameter name.
 *
 * <pre>{@code
 * Optimizer opt = Optimizers.adam(model.namedParameters(), Adam.defaults().lr(1e-3));
 * opt.zeroGrad(); Autograd.backward(loss(model)); opt.step();
 * }</pre>
 *
 * <p>A step updates each parameter that has a gradient: {@code u ← chain(grad)}, {@code θ ← θ + u}
 * (the chain ends in {@code −lr}); parameters without one are skipped, their state and step count
 * untouched, as torch. Gradients are read, never changed. Build one through {@link Optimizers}.
 */
public final class Optimizer {
  private final String name;
  private final List<GroupState> groups = new ArrayList<>();
  private final Map<String, GroupState> groupOf = new LinkedHashMap<>();
  private final Map<String, ParamState> paramStates = new LinkedHashMap<>();
  private final List<Constraint> constraints = new ArrayList<>();
  private final FusedUpdates fusedUpdates = new FusedUpdates();
  private long steps;

  /**
   * An optimizer named {@code name} over {@code groups}; each group's chain is built by {@code chain}
   * from {@code hyper} with the group's overrides.
   */
  public <H extends Hyper<H>> Optimizer(String name, List<ParamGroup> groups, H hyper, Function<H, Chain> chain) {
    this.name = name;
    Map<Parameter, String> nameOf = new IdentityHashMap<>();
    for (ParamGroup pg : groups) {
      H h = pg.apply(hyper);
      GroupState g = new GroupState(pg.params(), chain.apply(h), h);
      for (Map.Entry<String, Parameter> e : pg.params().entrySet()) {
        if (groupOf.put(e.getKey(), g) != null) {
          throw new IllegalArgumentException(name + ": parameter '" + e.getKey() + "' is in more than one "
              + "parameter group; put each parameter in exactly one group");
        }
        String other = nameOf.put(e.getValue(), e.getKey());
        if (other != null) {
          throw new IllegalArgumentException(name + ": '" + other + "' and '" + e.getKey() + "' are the same "
              + "parameter, which would be updated twice per step; list it once");
        }
      }
      this.groups.add(g);
    }
    if (groupOf.isEmpty()) {
      throw new IllegalArgumentException(name + ": the optimizer got no parameters; pass the model's "
          + "namedParameters()");
    }
  }

  /** The preset's name ({@code "adam"}). */
  public String name() {
    return name;
  }

  /** Forgets every parameter's gradient (sets it to none, torch's {@code zero_grad(set_to_none=True)}). */
  public void zeroGrad() {
    for (int g = 0; g < groups.size(); g++) {
      for (Parameter p : groups.get(g).parameters) p.value().zeroGrad();
    }
  }

  /**
   * One update of every parameter that has a gradient, then the constraints. Chains with a
   * {@link Chain#fused()} form (the SGD, Adam, AdamW, RMSprop and Adagrad presets) update each
   * parameter in one pass straight from its gradient, the elements shared among the backend's
   * threads ({@link FusedUpdates}); others copy the gradient into the parameter state's
   * update buffer and run link by link. Nothing is allocated after each parameter's first step.
   */
  public void step() {
    for (int gi = 0; gi < groups.size(); gi++) {
      GroupState g = groups.get(gi);
      for (int i = 0; i < g.parameters.length; i++) {
        Tensor grad = g.parameters[i].grad();
        if (grad == null) continue;
        float[] theta = g.parameters[i].value().data();
        ParamState s = g.paramStates[i];
        if (s == null) {
          s = g.paramStates[i] = new ParamState(g, theta.length);
          paramStates.put(g.names[i], s);
        }
        s.count++;
        if (g.fused != null) {
          fusedUpdates.add(g.fused, s, grad.data(), theta);
        } else {
          float[] u = s.update(theta.length);
          System.arraycopy(grad.data(), 0, u, 0, u.length);
          g.chain.update(s.linkStates, u, theta, s);
          for (int j = 0; j < theta.length; j++) theta[j] += u[j];
        }
      }
    }
    fusedUpdates.run();
    steps++;
    for (int c = 0; c < constraints.size(); c++) {
      for (int gi = 0; gi < groups.size(); gi++) {
        for (Parameter p : groups.get(gi).parameters) constraints.get(c).apply(p);
      }
    }
  }

  /** Adds a constraint applied to every parameter after each step (for example {@code new MaxNorm(3)}). */
  public Optimizer constrain(Constraint constraint) {
    constraints.add(constraint);
    return this;
  }

  /** How many times {@link #step()} ran. */
  public long steps() {
    return steps;
  }

  /** The number of parameter groups. */
  public int groupCount() {
    return groups.size();
  }

  /** The learning rate of the first group (of every group, unless groups override it). */
  public double lr() {
    return lr(0);
  }

  /** Sets the learning rate of every group (what a schedule with one group does each step). */
  public void setLr(double lr) {
    for (int g = 0; g < groups.size(); g++) setLr(g, lr);
  }

  /** The learning rate of parameter group {@code group} (from 0). */
  public double lr(int group) {
    return group(group).lr;
  }

  /** Sets one group's learning rate; it takes effect at the next step. */
  public void setLr(int group, double lr) {
    group(group).lr = Ranges.nonNegative(name, "lr", lr, () -> group(group).hyper.lr());
  }

  /** The hyper-parameters group {@code group} was built with (its learning rate may since have changed). */
  public Hyper<?> hyper(int group) {
    return group(group).hyper;
  }

  /** Every parameter by name, in group order. */
  public Map<String, Parameter> parameters() {
    Map<String, Parameter> all = new LinkedHashMap<>();
    for (GroupState g : groups) all.putAll(g.params);
    return all;
  }

  /** A copy of the state: step counts, learning rates and every buffer, by parameter name. */
  public StateDict stateDict() {
    Map<String, StateDict.ParamState> params = new LinkedHashMap<>();
    paramStates.forEach((param, s) -> params.put(param, s.save()));
    List<Double> lrs = groups.stream().map(g -> g.lr).toList();
    return new StateDict(name, steps, lrs, params);
  }

  /**
   * Replaces the state with {@code dict} (copied in), after checking that it was saved by the same
   * preset with the same groups, names known here and buffers of the right names and sizes. On
   * error nothing is changed.
   */
  public void loadStateDict(StateDict dict) {
    if (!dict.optimizer().equals(name)) {
      throw new IllegalArgumentException("state dict of a '" + dict.optimizer() + "' optimizer cannot be loaded into '"
          + name + "'; build the optimizer the run was saved with");
    }
    if (dict.lrs().size() != groups.size()) {
      throw new IllegalArgumentException(name + ": state dict has " + dict.lrs().size() + " parameter groups, this "
          + "optimizer " + groups.size() + "; build it with the same groups");
    }
    Map<String, ParamState> loaded = new LinkedHashMap<>();
    dict.params().forEach((param, st) -> loaded.put(param, restore(param, st)));
    for (int g = 0; g < groups.size(); g++) {
      Hyper<?> hyper = groups.get(g).hyper;
      Ranges.nonNegative(name, "state dict lrs[" + g + "]", dict.lrs().get(g), hyper::lr);
    }
    for (int g = 0; g < groups.size(); g++) groups.get(g).lr = dict.lrs().get(g);
    paramStates.clear();
    paramStates.putAll(loaded);
    for (GroupState g : groups) g.relink(paramStates);
    steps = dict.steps();
  }

  private ParamState restore(String param, StateDict.ParamState saved) {
    GroupState g = groupOf.get(param);
    if (g == null) {
      throw new IllegalArgumentException(name + ": state dict has state for '" + param + "', which is not a "
          + "parameter here (known: " + groupOf.keySet() + "); load it into the model it was saved from");
    }
    ParamState s = new ParamState(g, g.params.get(param).value().size());
    s.load(name + ": state of '" + param + "'", saved);
    return s;
  }

  GroupState group(int index) {
    if (index < 0 || index >= groups.size()) {
      throw new IndexOutOfBoundsException(name + " has " + groups.size() + " parameter groups; group " + index
          + " does not exist");
    }
    return groups.get(index);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name).append(" (").append(groups.size()).append(" group(s))");
    for (GroupState g : groups) sb.append("\n  ").append(g.params.size()).append(" params, lr=").append(g.lr)
        .append(", ").append(g.hyper);
    return sb.toString();
  }
}
