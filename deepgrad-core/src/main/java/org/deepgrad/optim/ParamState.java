package org.deepgrad.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deepgrad.optim.transform.Step;

/**
 * One parameter's live state inside an {@link Optimizer} (torch's {@code optimizer.state[p]}), created
 * at its first step: its own step count, its chain's per-link states and, for a chain run link by
 * link, the buffer its update is computed in. It is the {@link Step} its transforms see;
 * {@link #save()} copies it into a {@link StateDict.ParamState}.
 */
final class ParamState implements Step {
  final GroupState group;
  final Object[] linkStates;
  private float[] update;
  long count;

  ParamState(GroupState group, int size) {
    this.group = group;
    this.linkStates = group.chain.init(size);
  }

  /** The update buffer of the link-by-link path, made at its first use (a fused chain needs none). */
  float[] update(int size) {
    if (update == null) update = new float[size];
    return update;
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public double lr() {
    return group.lr;
  }

  /** A copy of the step count and buffers. */
  StateDict.ParamState save() {
    Map<String, float[]> buffers = new LinkedHashMap<>();
    group.chain.buffers(linkStates).forEach((name, data) -> buffers.put(name, data.clone()));
    return new StateDict.ParamState(count, buffers);
  }

  /** Copies {@code saved} in after checking its buffer names and sizes; {@code what} names it in errors. */
  void load(String what, StateDict.ParamState saved) {
    Map<String, float[]> mine = group.chain.buffers(linkStates);
    if (!mine.keySet().equals(saved.buffers().keySet()) || saved.step() < 1) {
      throw new IllegalArgumentException(what + " has buffers " + saved.buffers().keySet() + " and step "
          + saved.step() + ", expected buffers " + mine.keySet() + " and step >= 1; the dict was saved with "
          + "other hyper-parameters (amsgrad, centered, momentum)");
    }
    mine.forEach((name, data) -> {
      float[] values = saved.buffers().get(name);
      if (values.length != data.length) {
        throw new IllegalArgumentException(what + ": buffer " + name + " has " + values.length
            + " values, the parameter " + data.length + "; the model's shapes changed since the save");
      }
      System.arraycopy(values, 0, data, 0, data.length);
    });
    count = saved.step();
  }
}
